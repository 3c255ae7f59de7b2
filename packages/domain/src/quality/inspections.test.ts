import { describe, expect, it } from 'vitest';
import { dueInstant, inspectionPeriod, inspectionState, nextDueDate, occurrenceDate, pickSample, shouldRemind, validateSchedule, type InspectionSchedule } from './inspections.ts';

const tz = 'Europe/Stockholm';
const monthlyOn31: InspectionSchedule = { firstDue: '2026-01-31', intervalMonths: 1, dayOfMonth: 31 };
const quarterly: InspectionSchedule = { firstDue: '2026-11-15', intervalMonths: 3, dayOfMonth: 15 };

describe('occurrenceDate', () => {
  it.each<[InspectionSchedule, number, string]>([
    [monthlyOn31, 0, '2026-01-31'],
    [monthlyOn31, 1, '2026-02-28'],
    [monthlyOn31, 2, '2026-03-31'],
    [monthlyOn31, 3, '2026-04-30'],
    [{ ...monthlyOn31, firstDue: '2027-12-31' }, 2, '2028-02-29'],
    [quarterly, 1, '2027-02-15'],
    [quarterly, 4, '2027-11-15'],
  ])('%o #%i is %s', (schedule, n, expected) => expect(occurrenceDate(schedule, n)).toBe(expected));
});

describe('nextDueDate', () => {
  it.each<[string, InspectionSchedule, string | null, string]>([
    ['the first due date when nothing is done', monthlyOn31, null, '2026-01-31'],
    ['the next month after one done', monthlyOn31, '2026-01-31', '2026-02-28'],
    ['February is clamped, March goes back to the 31st', monthlyOn31, '2026-02-28', '2026-03-31'],
    ['over the year end', quarterly, '2026-11-15', '2027-02-15'],
  ])('%s', (_name, schedule, after, expected) => expect(nextDueDate(schedule, after)).toBe(expected));
});

describe('inspectionPeriod', () => {
  it('covers the months since the previous due date', () => {
    expect(inspectionPeriod(monthlyOn31, '2026-03-31')).toEqual({ from: '2026-02-28', to: '2026-03-30' });
    expect(inspectionPeriod(quarterly, '2027-02-15')).toEqual({ from: '2026-11-15', to: '2027-02-14' });
  });
});

describe('dueInstant', () => {
  it.each<[string, string]>([
    ['2026-03-28', '2026-03-27T23:00:00Z'], // winter time, UTC+1
    ['2026-03-29', '2026-03-28T23:00:00Z'], // the spring DST day starts in winter time
    ['2026-03-30', '2026-03-29T22:00:00Z'], // summer time, UTC+2
    ['2026-10-25', '2026-10-24T22:00:00Z'], // the autumn DST day starts in summer time
    ['2026-10-26', '2026-10-25T23:00:00Z'],
  ])('%s begins at %s', (date, instant) => expect(dueInstant(date, tz)).toBe(instant));
});

describe('inspectionState', () => {
  it.each<[string, string, string, string]>([
    ['planned weeks ahead', '2026-03-29', '2026-03-10T12:00:00Z', 'planned'],
    ['soon, seven days ahead', '2026-03-29', '2026-03-22T12:00:00Z', 'soon'],
    ['soon, the last minute before the due day (local)', '2026-03-29', '2026-03-28T22:59:00Z', 'soon'],
    ['due from local midnight on the DST day', '2026-03-29', '2026-03-28T23:00:00Z', 'due'],
    ['still due late that evening (summer time)', '2026-03-29', '2026-03-29T21:59:00Z', 'due'],
    ['overdue from the next local midnight', '2026-03-29', '2026-03-29T22:00:00Z', 'overdue'],
    ['autumn: due at 22:00Z the evening before', '2026-10-25', '2026-10-24T22:00:00Z', 'due'],
    ['autumn: overdue an hour later than in summer', '2026-10-25', '2026-10-25T23:00:00Z', 'overdue'],
    ['autumn: not overdue at 22:30Z (23:30 local)', '2026-10-25', '2026-10-25T22:30:00Z', 'due'],
    ['over a month end', '2026-12-01', '2026-11-30T12:00:00Z', 'soon'],
  ])('%s', (_name, due, now, state) => expect(inspectionState(due, now, tz)).toBe(state));
});

describe('shouldRemind', () => {
  it.each<[string, boolean]>([
    ['2026-03-21', false],
    ['2026-03-22', true],
    ['2026-03-25', false],
    ['2026-03-29', true],
    ['2026-04-02', true],
  ])('on %s: %s', (today, expected) => expect(shouldRemind('2026-03-29', today)).toBe(expected));
});

describe('pickSample', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
  it('takes the asked number, without repeats, from the pool', () => {
    const sample = pickSample(ids, 5, 42);
    expect(sample).toHaveLength(5);
    expect(new Set(sample).size).toBe(5);
    for (const id of sample) expect(ids).toContain(id);
  });
  it('is reproducible from its seed and differs between seeds', () => {
    expect(pickSample(ids, 5, 42)).toEqual(pickSample(ids, 5, 42));
    expect(pickSample(ids, 5, 42)).not.toEqual(pickSample(ids, 5, 43));
  });
  it('takes everything from a small pool', () => {
    expect(pickSample(['a', 'b'], 5, 1).sort()).toEqual(['a', 'b']);
  });
});

describe('validateSchedule', () => {
  it.each<[InspectionSchedule, string | null]>([
    [monthlyOn31, null],
    [{ ...monthlyOn31, intervalMonths: 5 }, 'intervalMonths'],
    [{ ...monthlyOn31, dayOfMonth: 32 }, 'dayOfMonth'],
    [{ ...monthlyOn31, firstDue: '2026-02-30' }, 'firstDue'],
  ])('%o', (schedule, field) => expect(validateSchedule(schedule)?.field ?? null).toBe(field));
});
