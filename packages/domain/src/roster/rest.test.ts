import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { checkRest, dailyPeriod, longestRestWithin, type WorkInterval } from './rest.ts';
import { defaultRosterRules } from './types.ts';

const TZ = 'Europe/Stockholm';
/** Local wall-clock `YYYY-MM-DDTHH:MM` in Stockholm (a time in the spring gap moves forward). */
const at = (local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(TZ, { disambiguation: 'compatible' }).epochMilliseconds;
const shift = (from: string, to: string): WorkInterval => ({ startMs: at(from), endMs: at(to), kind: 'shift', date: from.slice(0, 10), shiftKey: `${from.slice(0, 10)}:open`, callOutId: null });
const callOut = (from: string, to: string): WorkInterval => ({ startMs: at(from), endMs: at(to), kind: 'callout', date: from.slice(0, 10), shiftKey: null, callOutId: 'c1' });
/** Night shifts 16:00–02:00 starting on each date. */
const nights = (...dates: string[]) => dates.map((d) => shift(`${d}T16:00`, `${Temporal.PlainDate.from(d).add({ days: 1 }).toString()}T02:00`));

const rules = defaultRosterRules;
const check = (work: WorkInterval[], from: string, to: string) => checkRest({ staffId: 'p', work, from, to, rules, timeZone: TZ });
const rulesOf = (work: WorkInterval[], from: string, to: string) => check(work, from, to).map((v) => `${v.rule}@${v.date}`).sort();

describe('rest rules', () => {
  it.each([
    {
      name: 'consecutive night shifts 16–02 leave 14 h rest',
      work: nights('2026-05-11', '2026-05-12', '2026-05-13'),
      expected: [],
    },
    {
      name: 'a weekday call-out ending 06:00 breaks the rest before a 16:30 shift (LEGAL: earliest start 17:00)',
      work: [...nights('2026-05-11'), callOut('2026-05-12T04:00', '2026-05-12T06:00'), shift('2026-05-12T16:30', '2026-05-13T02:00')],
      expected: ['daily_rest@2026-05-12', 'rest_before_shift@2026-05-12'],
    },
    {
      name: 'the same call-out with the next shift at 17:00 leaves exactly 11 h',
      work: [...nights('2026-05-11'), callOut('2026-05-12T04:00', '2026-05-12T06:00'), shift('2026-05-12T17:00', '2026-05-13T02:00')],
      expected: [],
    },
    {
      name: 'a shift ending 02:00 followed by one at 12:00 the same day: 10 h before the shift',
      work: [shift('2026-05-11T16:00', '2026-05-12T02:00'), shift('2026-05-12T12:00', '2026-05-12T20:00')],
      expected: ['daily_rest@2026-05-12', 'rest_before_shift@2026-05-12'],
    },
    {
      name: 'spring DST night: back 01:30 CET, shift at 12:00 CEST is 10.5 h on the clock but 9.5 h of rest',
      work: [callOut('2026-03-29T00:30', '2026-03-29T01:30'), shift('2026-03-29T12:00', '2026-03-29T20:00')],
      expected: ['daily_rest@2026-03-29', 'rest_before_shift@2026-03-29'],
    },
    {
      name: 'autumn DST night: back 02:30 (summer time), shift at 12:30 is 10 h on the clock but 11 h of rest',
      work: [callOut('2026-10-25T01:00', '2026-10-25T02:30'), shift('2026-10-25T12:30', '2026-10-25T20:00')],
      expected: [],
    },
    {
      name: 'seven nights in a row leave no 36 h weekly rest',
      work: nights('2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15', '2026-05-16', '2026-05-17'),
      expected: ['weekly_rest@2026-05-11'],
    },
    {
      name: 'six nights with a day off in the middle leave 38 h weekly rest',
      work: nights('2026-05-11', '2026-05-12', '2026-05-13', '2026-05-15', '2026-05-16', '2026-05-17'),
      expected: [],
    },
    {
      name: 'spring DST: a day off from Saturday 02:00 to Sunday 14:00 is 36 h on the clock but 35 h of rest',
      work: [...nights('2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27'), shift('2026-03-29T14:00', '2026-03-30T02:00')],
      expected: ['weekly_rest@2026-03-23'],
    },
    {
      name: 'the same day off in a week without DST is 36 h',
      work: [...nights('2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15'), shift('2026-05-17T14:00', '2026-05-18T02:00')],
      expected: [],
    },
    {
      name: 'autumn DST: Saturday 02:00 to Sunday 13:00 is 35 h on the clock but 36 h of rest',
      work: [...nights('2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'), shift('2026-10-25T13:00', '2026-10-26T02:00')],
      expected: [],
    },
    {
      name: 'two overlapping shifts are double-booked',
      work: [shift('2026-05-11T16:00', '2026-05-12T02:00'), shift('2026-05-11T20:00', '2026-05-12T00:00')],
      expected: ['double_booked@2026-05-11'],
    },
  ])('$name', ({ work, expected }) => {
    const from = Temporal.Instant.fromEpochMilliseconds(Math.min(...work.map((w) => w.startMs))).toZonedDateTimeISO(TZ).toPlainDate();
    const to = Temporal.Instant.fromEpochMilliseconds(Math.max(...work.map((w) => w.endMs))).toZonedDateTimeISO(TZ).toPlainDate();
    expect(rulesOf(work, from.toString(), to.toString())).toEqual([...expected].sort());
  });

  it('names the rest and the call-out that broke it, in Swedish', () => {
    const [violation] = check([callOut('2026-05-12T04:00', '2026-05-12T06:00'), shift('2026-05-12T16:30', '2026-05-13T02:00')], '2026-05-12', '2026-05-12').filter((v) => v.rule === 'rest_before_shift');
    expect(violation).toMatchObject({ restHours: 10.5, callOutId: 'c1', shiftKey: '2026-05-12:open' });
    expect(violation!.message).toContain('10,5 h vila efter utryckningen');
  });

  it.each([
    { date: '2026-03-29', hours: 23 },
    { date: '2026-10-25', hours: 25 },
    { date: '2026-05-12', hours: 24 },
  ])('the 24-hour period of $date lasts $hours h', ({ date, hours }) => {
    const p = dailyPeriod(date, rules, TZ);
    expect((p.toMs - p.fromMs) / 3_600_000).toBe(hours);
  });

  it('measures the longest rest clipped to the period', () => {
    const p = dailyPeriod('2026-05-12', rules, TZ);
    expect(longestRestWithin(nights('2026-05-11', '2026-05-12'), p.fromMs, p.toMs)).toBe(14);
    expect(longestRestWithin([], p.fromMs, p.toMs)).toBe(24);
  });
});
