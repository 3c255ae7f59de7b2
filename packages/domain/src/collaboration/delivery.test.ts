import { describe, expect, it } from 'vitest';
import { acknowledgementDeadline, collaborationSettingsOf, dueDailyRuns } from './delivery.ts';

const tz = 'Europe/Stockholm';

describe('acknowledgementDeadline', () => {
  it.each<[string, string, string]>([
    ['Tuesday 07:00 → Tuesday noon', '2026-11-24T06:00:00Z', '2026-11-24T11:00:00Z'],
    ['Tuesday 14:00 (late run) → Wednesday noon', '2026-11-24T13:00:00Z', '2026-11-25T11:00:00Z'],
    ['Saturday → Monday noon', '2026-11-28T06:00:00Z', '2026-11-30T11:00:00Z'],
    ['Christmas Eve → Monday 28 December noon', '2026-12-24T06:00:00Z', '2026-12-28T11:00:00Z'],
    ['summer time: noon is 10:00Z', '2026-06-02T05:00:00Z', '2026-06-02T10:00:00Z'],
  ])('%s', (_name, deliveredAt, expected) => {
    expect(acknowledgementDeadline(deliveredAt, '12:00', tz)).toBe(expected);
  });
});

describe('dueDailyRuns', () => {
  const run = (now: string, lastRunDate: string | null) => dueDailyRuns({ now, timeZone: tz, time: '07:00', lastRunDate, maxDaysBack: 3 }).map((r) => r.date);
  it.each<[string, string, string | null, string[]]>([
    ['before 07:00, yesterday done', '2026-11-24T05:59:00Z', '2026-11-23', []],
    ['at 07:00, yesterday done', '2026-11-24T06:00:00Z', '2026-11-23', ['2026-11-24']],
    ['today already done', '2026-11-24T09:00:00Z', '2026-11-24', []],
    ['down for two mornings', '2026-11-26T07:00:00Z', '2026-11-23', ['2026-11-24', '2026-11-25', '2026-11-26']],
    ['down for a week: at most three days back', '2026-11-30T07:00:00Z', '2026-11-20', ['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']],
    ['a new installation: only the latest', '2026-11-24T09:00:00Z', null, ['2026-11-24']],
    ['a new installation before 07:00: yesterday', '2026-11-24T05:00:00Z', null, ['2026-11-23']],
  ])('%s', (_name, now, last, expected) => {
    expect(run(now, last)).toEqual(expected);
  });

  it('gives the local instant of each run', () => {
    expect(dueDailyRuns({ now: '2026-07-01T06:00:00Z', timeZone: tz, time: '07:00', lastRunDate: '2026-06-30', maxDaysBack: 3 })).toEqual([{ date: '2026-07-01', at: '2026-07-01T05:00:00Z' }]);
  });
});

describe('collaborationSettingsOf', () => {
  it('fills in defaults and drops malformed values', () => {
    expect(collaborationSettingsOf(undefined)).toEqual({ reportDeliveryTime: '07:00', reportAcknowledgeBy: '12:00', unitEmail: null });
    expect(collaborationSettingsOf({ reportDeliveryTime: '7', reportAcknowledgeBy: '11:30', unitEmail: 'jouren@example.se' })).toEqual({ reportDeliveryTime: '07:00', reportAcknowledgeBy: '11:30', unitEmail: 'jouren@example.se' });
  });
});
