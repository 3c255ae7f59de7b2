import { describe, expect, it } from 'vitest';
import { nordostCalendar, nordvastCalendar } from '../calendar/presets.ts';
import { checkCapacity } from './capacity.ts';
import { checkRoster, proposeSubstitutes, rosterGaps, type RosterCheckInput } from './check.ts';
import { buildRosterModel, restWindows } from './model.ts';
import { nordostStaff, nordvastStaff } from './presets.ts';
import { rosterShifts, shiftOf } from './shifts.ts';
import { defaultRosterRules, type Assignment } from './types.ts';

describe('shifts from the calendar', () => {
  it.each([
    { name: 'Nordost Monday', calendar: nordostCalendar, date: '2026-05-11', start: '2026-05-11T16:30:00+02:00', end: '2026-05-12T02:00:00+02:00', hours: 9.5 },
    { name: 'Nordost Friday', calendar: nordostCalendar, date: '2026-05-15', start: '2026-05-15T15:00:00+02:00', end: '2026-05-16T02:00:00+02:00', hours: 11 },
    { name: 'Nordost Ascension Day (holiday)', calendar: nordostCalendar, date: '2026-05-14', start: '2026-05-14T16:00:00+02:00', end: '2026-05-15T02:00:00+02:00', hours: 10 },
    { name: 'Nordost day before Ascension', calendar: nordostCalendar, date: '2026-05-13', start: '2026-05-13T15:00:00+02:00', end: '2026-05-14T02:00:00+02:00', hours: 11 },
    { name: 'Nordväst Friday 14:00', calendar: nordvastCalendar, date: '2026-05-15', start: '2026-05-15T14:00:00+02:00', end: '2026-05-16T02:00:00+02:00', hours: 12 },
    { name: 'Nordväst spring DST night is an hour shorter', calendar: nordvastCalendar, date: '2026-03-28', start: '2026-03-28T16:00:00+01:00', end: '2026-03-29T03:00:00+02:00', hours: 10 },
    { name: 'Nordväst autumn DST night ends at the first 02:00 (summer time)', calendar: nordvastCalendar, date: '2026-10-24', start: '2026-10-24T16:00:00+02:00', end: '2026-10-25T02:00:00+02:00', hours: 10 },
  ])('open shift: $name', ({ calendar, date, start, end, hours }) => {
    expect(shiftOf(date, 'open', calendar)).toMatchObject({ start, end, hours });
  });

  it.each([
    { date: '2026-05-12', end: '2026-05-12T08:00:00+02:00', hours: 6 },
    { date: '2026-05-16', end: '2026-05-16T16:00:00+02:00', hours: 14 },
  ])('standby on $date ends $end', ({ date, end, hours }) => {
    expect(shiftOf(date, 'standby', nordostCalendar)).toMatchObject({ start: `${date}T02:00:00+02:00`, end, hours });
  });

  it.each([
    { date: '2026-05-12', expected: '2026-05-13T00:00:00+02:00' },
    { date: '2026-05-16', expected: null },
    { date: '2026-05-14', expected: null },
  ])('until-midnight option on $date', ({ date, expected }) => {
    expect(shiftOf(date, 'open_until_midnight', nordostCalendar)?.end ?? null).toBe(expected);
  });
});

const base = (assignments: Assignment[], extra: Partial<RosterCheckInput> = {}): RosterCheckInput => ({
  calendar: nordostCalendar,
  rules: defaultRosterRules,
  from: '2026-05-11',
  days: 1,
  requiredPerShift: 2,
  staff: [
    { id: 'a', name: 'Anna' },
    { id: 'b', name: 'Bo' },
    { id: 'c', name: 'Cia' },
  ],
  assignments,
  requests: [],
  callOuts: [],
  ...extra,
});

describe('roster checker', () => {
  const full: Assignment[] = [
    { staffId: 'a', date: '2026-05-11', kind: 'open' },
    { staffId: 'b', date: '2026-05-11', kind: 'open' },
    { staffId: 'a', date: '2026-05-12', kind: 'standby' },
  ];
  it.each([
    { name: 'a full shift with standby', assignments: full, extra: {}, expected: [] },
    { name: 'one short', assignments: full.slice(1), extra: {}, expected: ['understaffed'] },
    { name: 'no standby', assignments: full.slice(0, 2), extra: {}, expected: ['standby_missing'] },
    { name: 'an absent person on the shift', assignments: full, extra: { requests: [{ staffId: 'b', date: '2026-05-11', kind: 'absence' as const }] }, expected: ['absent', 'understaffed'] },
    { name: 'an until-midnight substitute covers the evening only', assignments: [...full.slice(1), { staffId: 'c', date: '2026-05-11', kind: 'open_until_midnight' as const }], extra: {}, expected: ['understaffed'] },
  ])('$name', ({ assignments, extra, expected }) => {
    expect(checkRoster(base(assignments, extra)).map((v) => v.rule).sort()).toEqual(expected);
  });

  it('lists a call-out that breaks the next shift’s rest as a gap and proposes a rested, available substitute', () => {
    const assignments: Assignment[] = [...full, { staffId: 'a', date: '2026-05-12', kind: 'open' }, { staffId: 'b', date: '2026-05-12', kind: 'open' }, { staffId: 'b', date: '2026-05-13', kind: 'standby' }];
    const callOuts = [{ id: 'c1', staffId: 'a', calledAt: '2026-05-12T03:40:00+02:00', startedAt: '2026-05-12T04:00:00+02:00', backAt: '2026-05-12T07:00:00+02:00' }];
    const input = base(assignments, { days: 2, callOuts });
    const violations = checkRoster(input);
    expect(violations.filter((v) => v.callOutId === 'c1').map((v) => v.rule).sort()).toEqual(['daily_rest', 'rest_before_shift']);
    const gaps = rosterGaps(input, violations);
    expect(gaps).toEqual([expect.objectContaining({ date: '2026-05-12', reason: 'rest', staffId: 'a', callOutId: 'c1' })]);
    const proposals = proposeSubstitutes({
      date: '2026-05-12',
      assignments,
      callOuts,
      calendar: nordostCalendar,
      rules: defaultRosterRules,
      candidates: [
        { id: 'v1', name: 'Vera', availableDates: new Set(['2026-05-12']), weekdayUntilMidnight: false },
        { id: 'v2', name: 'Viggo', availableDates: new Set(['2026-05-13']), weekdayUntilMidnight: false },
        { id: 'v3', name: 'Vilma', availableDates: new Set(['2026-05-12']), weekdayUntilMidnight: true },
        { id: 'b', name: 'Bo', availableDates: new Set(['2026-05-12']), weekdayUntilMidnight: false },
      ],
    });
    expect(proposals.map((p) => `${p.name}:${p.kind}`)).toEqual(['Vera:open', 'Vilma:open_until_midnight']);
  });

  it('does not propose a substitute whose own call-out left too little rest', () => {
    const callOuts = [{ id: 'c2', staffId: 'v1', calledAt: '2026-05-12T05:00:00+02:00', startedAt: '2026-05-12T05:00:00+02:00', backAt: '2026-05-12T08:00:00+02:00' }];
    const proposals = proposeSubstitutes({ date: '2026-05-12', assignments: [], callOuts, calendar: nordostCalendar, rules: defaultRosterRules, candidates: [{ id: 'v1', name: 'Vera', availableDates: new Set(['2026-05-12']), weekdayUntilMidnight: false }] });
    expect(proposals).toEqual([]);
  });
});

describe('capacity before solving', () => {
  const problem = { calendar: nordvastCalendar, rules: defaultRosterRules, from: '2026-03-02', weeks: 12, requiredPerShift: 3, staff: nordvastStaff, requests: [] };
  it('finds no impossible requirement for Nordväst and Nordost', () => {
    expect(checkCapacity(problem)).toEqual([]);
    expect(checkCapacity({ ...problem, calendar: nordostCalendar, requiredPerShift: 2, staff: nordostStaff })).toEqual([]);
  });
  it.each([
    { name: 'too few people', change: { staff: nordvastStaff.slice(0, 2) }, expected: ['staff_count', 'total_hours'] },
    { name: 'too few hours for 4 per shift', change: { requiredPerShift: 4 }, expected: ['total_hours'] },
    { name: 'more hours than the shifts hold', change: { requiredPerShift: 1 }, expected: ['surplus_hours'] },
  ])('names the requirement: $name', ({ change, expected }) => {
    const reports = checkCapacity({ ...problem, ...change });
    expect(reports.map((r) => r.requirement)).toEqual(expected);
    expect(reports[0]!.message).toMatch(/\d/);
  });
  it('says how many hours and shifts are missing', () => {
    const [report] = checkCapacity({ ...problem, requiredPerShift: 4 });
    expect(report!.message).toMatch(/Passen kräver 3\s?\d+ h|Passen kräver \d+ h/);
    expect(report!.message).toContain('pass för timvikarier');
  });
});

describe('the MIP model', () => {
  it('finds the rest windows: a period with a free window needs no constraint', () => {
    const open = rosterShifts('2026-05-11', 7, nordvastCalendar).open;
    const day = { from: Date.parse('2026-05-12T00:00:00+02:00'), to: Date.parse('2026-05-13T00:00:00+02:00') };
    expect(restWindows(open, day.from, day.to, 11 * 3_600_000)).toBeNull();
    const week = { from: Date.parse('2026-05-11T00:00:00+02:00'), to: Date.parse('2026-05-18T00:00:00+02:00') };
    const windows = restWindows(open, week.from, week.to, 36 * 3_600_000)!;
    expect(windows.length).toBeGreaterThan(3);
    expect(windows.every((meets) => meets.length >= 1)).toBe(true);
  });
  it('writes an LP with every person’s shifts and standby as binaries', () => {
    const model = buildRosterModel({ calendar: nordvastCalendar, rules: defaultRosterRules, from: '2026-03-02', weeks: 12, requiredPerShift: 3, staff: nordvastStaff, requests: [] });
    expect(model.lp).toMatch(/^Minimize/);
    expect(model.lp).toContain('x_8_83');
    expect(model.size.binaries).toBeGreaterThanOrEqual(9 * 84 * 2);
    expect(model.shifts.open).toHaveLength(84);
  });
});
