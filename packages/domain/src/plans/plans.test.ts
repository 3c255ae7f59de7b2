import { describe, expect, it } from 'vitest';
import {
  alignFollowUp,
  budgetTotal,
  emptyFollowUp,
  finishProblems,
  hasPeriodEnded,
  indicatorMet,
  monthsBack,
  relativeChange,
  reportOfPeriod,
  sameDayLastYear,
  summariseGoals,
  tertialToDate,
  validatePlan,
  type FollowUpContent,
  type FollowUpPeriod,
  type PlanContent,
} from './plans.ts';

const plan: PlanContent = {
  intro: '',
  goals: [
    { id: 'g1', title: 'Hög tillgänglighet', description: '' },
    { id: 'g2', title: 'Budget i balans', description: '' },
  ],
  activities: [{ id: 'a1', text: 'Sammankalla styrgrupp vid behov' }],
  indicators: [{ id: 'i1', name: 'Sjukfrånvaro', unit: '%', direction: 'at_most', target: 5, previous: 3.26 }],
  budget: [
    { id: 'b1', label: 'Personal', note: '', amount: 5_719_479 },
    { id: 'b2', label: 'Övriga driftskostnader', note: '', amount: 583_173 },
  ],
};

const followUp = (goals: FollowUpContent['goals']): FollowUpContent => ({ ...emptyFollowUp(), goals });

describe('periods', () => {
  it.each([
    ['T1', 'tertial', 1],
    ['T2', 'tertial', 2],
    ['T3', 'tertial', 3],
    ['year', 'year', null],
  ] as const)('%s is a %s report (tertial %s)', (period, kind, tertial) => {
    expect(reportOfPeriod(period)).toEqual({ kind, tertial });
  });

  it.each([
    [2026, 'T1', '2026-04-30', false],
    [2026, 'T1', '2026-05-01', true],
    [2026, 'T2', '2026-08-31', false],
    [2026, 'T2', '2026-09-01', true],
    [2026, 'T3', '2026-12-31', false],
    [2026, 'year', '2027-01-01', true],
    [2026, 'year', '2026-11-23', false],
  ] as const)('%i %s has ended on %s: %s', (year, period, today, ended) => {
    expect(hasPeriodEnded(year, period as FollowUpPeriod, today)).toBe(ended);
  });

  it.each([
    ['2026-03-15', '2025-03-15'],
    ['2024-02-29', '2023-02-28'],
    ['2025-02-28', '2024-02-28'],
    ['2026-01-01', '2025-01-01'],
  ])('the same day last year as %s is %s', (date, expected) => {
    expect(sameDayLastYear(date)).toBe(expected);
  });

  it.each([
    ['2026-11-23', 3, '2026-09-01', '2025-09-01', '2025-11-23'],
    ['2026-01-01', 1, '2026-01-01', '2025-01-01', '2025-01-01'],
    ['2026-05-01', 2, '2026-05-01', '2025-05-01', '2025-05-01'],
    ['2024-02-29', 1, '2024-01-01', '2023-01-01', '2023-02-28'],
  ] as const)('tertial to date on %s: T%i from %s, last year %s–%s', (today, tertial, from, lastFrom, lastTo) => {
    expect(tertialToDate(today)).toEqual({ tertial, year: Number(today.slice(0, 4)), from, to: today, lastYearFrom: lastFrom, lastYearTo: lastTo });
  });

  it.each([
    ['2026-11-23', 11, '2025-12-01'],
    ['2026-11-23', 0, '2026-11-01'],
    ['2026-01-10', 1, '2025-12-01'],
    ['2026-03-10', 26, '2024-01-01'],
  ])('%s, %i months back, starts %s', (today, months, expected) => {
    expect(monthsBack(today, months)).toBe(expected);
  });
});

describe('indicators and budget', () => {
  it.each([
    ['at_most', 5, 3.2, true],
    ['at_most', 5, 5, true],
    ['at_most', 5, 5.1, false],
    ['at_least', 90, 93, true],
    ['at_least', 90, 89, false],
    ['at_most', null, 3, null],
    ['at_most', 5, null, null],
  ] as const)('%s %s with outcome %s: %s', (direction, target, value, met) => {
    expect(indicatorMet({ direction, target }, value)).toBe(met);
  });

  it('adds up the budget (Nordost 2023: 6 302 652 kr)', () => {
    expect(budgetTotal(plan.budget)).toBe(6_302_652);
    expect(budgetTotal([])).toBe(0);
  });

  it.each([
    [{ goals: [{ id: 'g', title: ' ', description: '' }] }, 'goals.0.title'],
    [{ activities: [{ id: 'a', text: '' }] }, 'activities.0.text'],
    [{ indicators: [{ id: 'i', name: '', unit: '%', direction: 'at_most', target: 5, previous: null }] }, 'indicators.0.name'],
    [{ budget: [{ id: 'b', label: 'Personal', note: '', amount: -1 }] }, 'budget.0.amount'],
    [{ budget: [{ id: 'b', label: 'Personal', note: '', amount: 10.5 }] }, 'budget.0.amount'],
    [{ goals: [{ id: 'x', title: 'A', description: '' }], activities: [{ id: 'x', text: 'B' }] }, 'activities.0.id'],
  ] as const)('refuses a plan with %j at %s', (part, field) => {
    const problems = validatePlan({ ...plan, goals: [], activities: [], indicators: [], budget: [], ...(part as unknown as Partial<PlanContent>) });
    expect(problems.map((p) => p.field)).toEqual([field]);
  });

  it('accepts a complete plan', () => {
    expect(validatePlan(plan)).toEqual([]);
  });
});

describe('follow-up of the goals', () => {
  it('lays the follow-up over the plan, in the plan’s order, dropping goals no longer in it', () => {
    const aligned = alignFollowUp(plan, followUp([{ goalId: 'gone', status: 'met', text: 'x' }, { goalId: 'g2', status: 'met', text: 'Ja' }]));
    expect(aligned.goals).toEqual([
      { goalId: 'g1', status: null, text: '' },
      { goalId: 'g2', status: 'met', text: 'Ja' },
    ]);
    expect(aligned.indicators).toEqual([{ indicatorId: 'i1', value: null, comment: '' }]);
    expect(aligned.activities).toEqual([{ activityId: 'a1', text: '' }]);
  });

  it('counts the goals by status', () => {
    expect(summariseGoals(plan, followUp([{ goalId: 'g1', status: 'partly_met', text: 'Telefonköer' }]))).toEqual({ met: 0, partly_met: 1, not_met: 0, unassessed: 1 });
  });

  it.each([
    ['2026-05-01', [{ goalId: 'g1', status: 'met', text: '' }, { goalId: 'g2', status: 'met', text: '' }], []],
    ['2026-04-30', [{ goalId: 'g1', status: 'met', text: '' }, { goalId: 'g2', status: 'met', text: '' }], ['period']],
    ['2026-05-01', [{ goalId: 'g1', status: 'met', text: '' }], ['goals.1.status']],
    ['2026-05-01', [{ goalId: 'g1', status: 'not_met', text: ' ' }, { goalId: 'g2', status: 'partly_met', text: 'Underskott 125 tkr' }], ['goals.0.text']],
  ] as const)('finishing T1 2026 on %s: problems %j', (today, goals, fields) => {
    expect(finishProblems(2026, 'T1', plan, followUp(goals as unknown as FollowUpContent['goals']), today).map((p) => p.field)).toEqual(fields);
  });

  it('a plan without goals cannot be followed up', () => {
    expect(finishProblems(2026, 'T1', { ...plan, goals: [] }, emptyFollowUp(), '2026-06-01').map((p) => p.field)).toEqual(['goals']);
  });

  it.each([
    [100, 125, 0.25],
    [812, 778, (778 - 812) / 812],
    [0, 5, null],
  ])('change from %i to %i is %s', (before, now, change) => {
    expect(relativeChange(before, now)).toBe(change);
  });
});
