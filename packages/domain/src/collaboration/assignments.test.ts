import { describe, expect, it } from 'vitest';
import { assignmentOccasions, assignmentProgress, validateAssignmentSchedule, type AssignmentSchedule } from './assignments.ts';

const tz = 'Europe/Stockholm';
// Friday 2026-11-27 16:00 to Monday 2026-11-30 08:00, supervision 19–21 every evening.
const weekend: AssignmentSchedule = { windowFrom: '2026-11-27T15:00:00Z', windowTo: '2026-11-30T07:00:00Z', recurrence: 'daily', dailyFrom: '19:00', dailyTo: '21:00' };

describe('assignmentOccasions', () => {
  it('one occasion for a one-off assignment', () => {
    expect(assignmentOccasions({ ...weekend, recurrence: 'none', dailyFrom: null, dailyTo: null }, tz)).toEqual([{ date: '2026-11-27', from: '2026-11-27T15:00:00Z', to: '2026-11-30T07:00:00Z' }]);
  });

  it('each evening of a weekend', () => {
    expect(assignmentOccasions(weekend, tz)).toEqual([
      { date: '2026-11-27', from: '2026-11-27T18:00:00Z', to: '2026-11-27T20:00:00Z' },
      { date: '2026-11-28', from: '2026-11-28T18:00:00Z', to: '2026-11-28T20:00:00Z' },
      { date: '2026-11-29', from: '2026-11-29T18:00:00Z', to: '2026-11-29T20:00:00Z' },
    ]);
  });

  it('slots across midnight belong to the day they start, cut to the window', () => {
    const night = { ...weekend, windowFrom: '2026-11-27T22:00:00Z', dailyFrom: '22:00', dailyTo: '02:00' };
    expect(assignmentOccasions(night, tz)).toEqual([
      { date: '2026-11-27', from: '2026-11-27T22:00:00Z', to: '2026-11-28T01:00:00Z' },
      { date: '2026-11-28', from: '2026-11-28T21:00:00Z', to: '2026-11-29T01:00:00Z' },
      { date: '2026-11-29', from: '2026-11-29T21:00:00Z', to: '2026-11-30T01:00:00Z' },
    ]);
  });

  it('follows the clock over a daylight-saving change', () => {
    // Sunday 2026-03-29: clocks go forward; 19:00 is 17:00Z after, 18:00Z before.
    const spring = { windowFrom: '2026-03-28T12:00:00Z', windowTo: '2026-03-29T22:00:00Z', recurrence: 'daily' as const, dailyFrom: '19:00', dailyTo: '21:00' };
    expect(assignmentOccasions(spring, tz).map((o) => o.from)).toEqual(['2026-03-28T18:00:00Z', '2026-03-29T17:00:00Z']);
  });
});

describe('assignmentProgress', () => {
  it.each<[string, string, { date: string; outcome: 'done' | 'not_possible' | 'attempt' }[], string[], boolean, boolean]>([
    ['Friday before the first evening', '2026-11-27T16:00:00Z', [], ['upcoming', 'upcoming', 'upcoming'], false, false],
    ['Friday evening', '2026-11-27T18:30:00Z', [], ['due', 'upcoming', 'upcoming'], false, false],
    ['Friday done, Saturday evening', '2026-11-28T18:30:00Z', [{ date: '2026-11-27', outcome: 'done' }], ['handled', 'due', 'upcoming'], false, false],
    ['Saturday forgotten, Sunday evening', '2026-11-29T18:30:00Z', [{ date: '2026-11-27', outcome: 'done' }], ['handled', 'overdue', 'due'], true, false],
    ['an attempt does not close an occasion', '2026-11-28T21:00:00Z', [{ date: '2026-11-27', outcome: 'done' }, { date: '2026-11-28', outcome: 'attempt' }], ['handled', 'overdue', 'upcoming'], true, false],
    [
      'all handled',
      '2026-11-29T21:00:00Z',
      [
        { date: '2026-11-27', outcome: 'done' },
        { date: '2026-11-28', outcome: 'not_possible' },
        { date: '2026-11-29', outcome: 'done' },
      ],
      ['handled', 'handled', 'handled'],
      false,
      true,
    ],
  ])('%s', (_name, now, reports, states, overdue, complete) => {
    const progress = assignmentProgress(weekend, reports.map((r) => ({ occasionDate: r.date, outcome: r.outcome })), now, tz);
    expect(progress.occasions.map((o) => o.state)).toEqual(states);
    expect(progress.isOverdue).toBe(overdue);
    expect(progress.isComplete).toBe(complete);
  });

  it('points at the occasion going on, else the next', () => {
    expect(assignmentProgress(weekend, [], '2026-11-28T18:30:00Z', tz).current?.date).toBe('2026-11-28');
    expect(assignmentProgress(weekend, [], '2026-11-28T12:00:00Z', tz).current?.date).toBe('2026-11-28');
  });
});

describe('validateAssignmentSchedule', () => {
  const now = '2026-11-27T12:00:00Z';
  it.each<[string, Partial<AssignmentSchedule>, string[]]>([
    ['valid weekend', {}, []],
    ['ends before it starts', { windowTo: '2026-11-27T14:00:00Z' }, ['windowTo']],
    ['already over', { windowFrom: '2026-11-20T12:00:00Z', windowTo: '2026-11-21T12:00:00Z' }, ['windowTo']],
    ['daily without times', { dailyFrom: null }, ['dailyFrom']],
    ['daily slot of zero length', { dailyTo: '19:00' }, ['dailyTo']],
    ['daily for two months', { windowTo: '2027-01-30T12:00:00Z' }, ['windowTo']],
    ['slot outside the window', { windowFrom: '2026-11-27T21:00:00Z', windowTo: '2026-11-27T22:00:00Z' }, ['dailyFrom']],
    ['one-off with daily times', { recurrence: 'none' }, ['recurrence']],
  ])('%s', (_name, over, fields) => {
    expect(validateAssignmentSchedule({ ...weekend, ...over }, tz, now).map((e) => e.field)).toEqual(fields);
  });
});
