import { describe, expect, it } from 'vitest';
import { ageGroupOf, assessRetention, defaultRetentionRules, latestDueLastEntry, retentionDates, validateRetentionRules, type RetentionCaseFacts } from './retention.ts';

describe('retentionDates: five years after the last entry, by the end of the following calendar year', () => {
  it.each<[string, number, string, string]>([
    ['2020-03-10', 5, '2025-03-10', '2026-12-31'],
    ['2020-12-31', 5, '2025-12-31', '2026-12-31'],
    ['2021-01-01', 5, '2026-01-01', '2027-12-31'],
    ['2020-02-29', 5, '2025-02-28', '2026-12-31'],
    ['2024-02-29', 4, '2028-02-29', '2029-12-31'],
    ['2019-06-01', 3, '2022-06-01', '2023-12-31'],
  ])('last entry %s, %i years → eligible %s, removed by %s', (last, years, eligible, removeBy) => {
    expect(retentionDates(last, { yearsAfterLastEntry: years })).toEqual({ eligibleFrom: eligible, removeBy });
  });
});

const facts = (over: Partial<RetentionCaseFacts> = {}): RetentionCaseFacts => ({ lastEntryDate: '2020-03-10', status: 'handed_over', birthDates: ['1985-04-07'], decisions: [], ...over });

describe('assessRetention', () => {
  it.each<[string, Partial<RetentionCaseFacts>, string, string]>([
    ['the day before five years', {}, '2025-03-09', 'not_yet'],
    ['on the fifth anniversary', {}, '2025-03-10', 'remove'],
    ['in the following year', {}, '2026-06-01', 'remove'],
    ['an open case is never removed', { status: 'open' }, '2030-01-01', 'open'],
    ['a closed case too', { status: 'closed' }, '2026-01-01', 'remove'],
    ['born on the 5th: kept for research', { birthDates: ['1985-04-05'] }, '2026-01-01', 'keep_birth_day'],
    ['born on the 15th', { birthDates: [null, '2010-11-15'] }, '2026-01-01', 'keep_birth_day'],
    ['born on the 25th', { birthDates: ['1990-01-25'] }, '2026-01-01', 'keep_birth_day'],
    ['born on the 26th', { birthDates: ['1990-01-26'] }, '2026-01-01', 'remove'],
    ['unknown birth dates do not keep', { birthDates: [null] }, '2026-01-01', 'remove'],
    ['an LVU 6 § placement of a child', { decisions: [{ typeCode: 'LVU6', decidedOn: '2020-03-10', subjectBirthDate: '2010-01-01', caseConcernsChild: true }] }, '2026-01-01', 'keep_placement'],
    ['an SoL placement of someone 18', { decisions: [{ typeCode: 'SOL_PLACERING', decidedOn: '2020-03-10', subjectBirthDate: '2002-03-10', caseConcernsChild: false }] }, '2026-01-01', 'remove'],
    ['an SoL placement the day before 18', { decisions: [{ typeCode: 'SOL_PLACERING', decidedOn: '2020-03-09', subjectBirthDate: '2002-03-10', caseConcernsChild: false }] }, '2026-01-01', 'keep_placement'],
    ['a placement without subject in a child case', { decisions: [{ typeCode: 'SOL_PLACERING', decidedOn: '2020-03-09', subjectBirthDate: null, caseConcernsChild: true }] }, '2026-01-01', 'keep_placement'],
    ['a placement without subject in an adult case', { decisions: [{ typeCode: 'SOL_PLACERING', decidedOn: '2020-03-09', subjectBirthDate: null, caseConcernsChild: false }] }, '2026-01-01', 'remove'],
    ['economic aid to a child is no placement', { decisions: [{ typeCode: 'EKONOMISKT_BISTAND', decidedOn: '2020-03-09', subjectBirthDate: '2010-01-01', caseConcernsChild: true }] }, '2026-01-01', 'remove'],
  ])('%s', (_, over, today, verdict) => {
    expect(assessRetention(facts(over), defaultRetentionRules, today).verdict.kind).toBe(verdict);
  });

  it.each<[string, boolean]>([
    ['2026-12-31', false],
    ['2027-01-01', true],
  ])('removal on %s is overdue: %s', (today, overdue) => {
    expect(assessRetention(facts(), defaultRetentionRules, today).verdict).toEqual({ kind: 'remove', overdue });
  });

  it('exceptions are configuration', () => {
    const rules = { ...defaultRetentionRules, keepBirthDays: [], keepPlacementDecisionTypes: [] };
    expect(assessRetention(facts({ birthDates: ['1985-04-05'], decisions: [{ typeCode: 'LVU6', decidedOn: '2020-03-10', subjectBirthDate: '2010-01-01', caseConcernsChild: true }] }), rules, '2026-01-01').verdict.kind).toBe('remove');
    expect(assessRetention(facts(), { ...defaultRetentionRules, yearsAfterLastEntry: 10 }, '2026-01-01').verdict.kind).toBe('not_yet');
  });
});

describe('latestDueLastEntry (the query pre-filter) never leaves out a due case', () => {
  it.each(['2025-03-10', '2026-01-01', '2028-02-29', '2025-02-28', '2026-12-31'])('on %s', (today) => {
    const bound = latestDueLastEntry(today, defaultRetentionRules);
    for (let d = -400; d <= 400; d++) {
      const last = new Date(Date.parse(`${bound}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
      const due = retentionDates(last, defaultRetentionRules).eligibleFrom <= today;
      if (due) expect(last <= bound, `${last} due on ${today} but after ${bound}`).toBe(true);
    }
  });
});

describe('ageGroupOf', () => {
  it.each<[string | null, string, string]>([
    ['2010-06-01', '2020-05-31', '0-12'],
    ['2007-06-01', '2020-06-01', '13-17'],
    ['2002-06-02', '2020-06-01', '13-17'],
    ['2002-06-01', '2020-06-01', '18-20'],
    ['1990-01-01', '2020-06-01', '21-64'],
    ['1955-06-01', '2020-06-01', '65+'],
    [null, '2020-06-01', 'okand'],
    ['2021-01-01', '2020-06-01', 'okand'],
  ])('born %s, on %s → %s', (birth, on, group) => {
    expect(ageGroupOf(birth, on)).toBe(group);
  });
});

describe('validateRetentionRules', () => {
  it.each<[string, object, string | null]>([
    ['the default', {}, null],
    ['zero years', { yearsAfterLastEntry: 0 }, 'yearsAfterLastEntry'],
    ['day 32', { keepBirthDays: [5, 32] }, 'keepBirthDays'],
    ['child age 0', { childAgeBelow: 0 }, 'childAgeBelow'],
  ])('%s', (_, over, field) => {
    expect(validateRetentionRules({ ...defaultRetentionRules, ...over })?.field ?? null).toBe(field);
  });
});
