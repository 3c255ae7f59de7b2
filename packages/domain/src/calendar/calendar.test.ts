import { describe, expect, it } from 'vitest';
import { buildCalendar, describeDay, MAX_CALENDAR_DAYS } from './calendar.ts';
import { nordostCalendar, nordvastCalendar } from './presets.ts';

describe('buildCalendar: the contract example', () => {
  const calendar = buildCalendar('Socialjouren Nordost', '2026-05-13', '2026-05-15', nordostCalendar);

  it('includes both dates', () => {
    expect(Object.keys(calendar)).toEqual(['organisation', 'from', 'to', 'days']);
    expect(calendar.organisation).toBe('Socialjouren Nordost');
    expect(calendar.days.map((day) => [day.date, day.dayType])).toEqual([
      ['2026-05-13', 'day_before_holiday'],
      ['2026-05-14', 'holiday'],
      ['2026-05-15', 'bridge_day'],
    ]);
  });

  it('describes Kristi himmelsfärdsdag exactly, keys in contract order', () => {
    const expected = {
      date: '2026-05-14',
      weekday: 'thursday',
      dayType: 'holiday',
      holidayName: 'Kristi himmelsfärdsdag',
      standby: { from: '2026-05-14T02:00:00+02:00', to: '2026-05-14T16:00:00+02:00' },
      open: { from: '2026-05-14T16:00:00+02:00', to: '2026-05-15T02:00:00+02:00' },
    };
    expect(calendar.days[1]).toEqual(expected);
    expect(JSON.stringify(calendar.days[1])).toBe(JSON.stringify(expected));
  });
});

describe('describeDay: weekday names', () => {
  it.each([
    ['2026-05-11', 'monday'],
    ['2026-05-12', 'tuesday'],
    ['2026-05-13', 'wednesday'],
    ['2026-05-14', 'thursday'],
    ['2026-05-15', 'friday'],
    ['2026-05-16', 'saturday'],
    ['2026-05-17', 'sunday'],
  ])('%s is a %s', (date, weekday) => {
    expect(describeDay(date, nordostCalendar).weekday).toBe(weekday);
  });
});

describe('describeDay: windows across DST nights (Nordost)', () => {
  it.each([
    // date, standby from, standby to, open from, open to
    // winter and summer time on ordinary days
    ['2026-01-15', '2026-01-15T02:00:00+01:00', '2026-01-15T08:00:00+01:00', '2026-01-15T16:30:00+01:00', '2026-01-16T02:00:00+01:00'],
    ['2026-07-15', '2026-07-15T02:00:00+02:00', '2026-07-15T08:00:00+02:00', '2026-07-15T16:30:00+02:00', '2026-07-16T02:00:00+02:00'],
    // spring 2026: 02:00 on Sunday 29 March does not exist and becomes 03:00+02:00
    ['2026-03-28', '2026-03-28T02:00:00+01:00', '2026-03-28T16:00:00+01:00', '2026-03-28T16:00:00+01:00', '2026-03-29T03:00:00+02:00'],
    ['2026-03-29', '2026-03-29T03:00:00+02:00', '2026-03-29T16:00:00+02:00', '2026-03-29T16:00:00+02:00', '2026-03-30T02:00:00+02:00'],
    // autumn 2026: 02:00 on Sunday 25 October happens twice; the first is taken
    ['2026-10-24', '2026-10-24T02:00:00+02:00', '2026-10-24T16:00:00+02:00', '2026-10-24T16:00:00+02:00', '2026-10-25T02:00:00+02:00'],
    ['2026-10-25', '2026-10-25T02:00:00+02:00', '2026-10-25T16:00:00+01:00', '2026-10-25T16:00:00+01:00', '2026-10-26T02:00:00+01:00'],
    // spring 2027 falls on Påskdagen
    ['2027-03-27', '2027-03-27T02:00:00+01:00', '2027-03-27T16:00:00+01:00', '2027-03-27T16:00:00+01:00', '2027-03-28T03:00:00+02:00'],
    ['2027-03-28', '2027-03-28T03:00:00+02:00', '2027-03-28T16:00:00+02:00', '2027-03-28T16:00:00+02:00', '2027-03-29T02:00:00+02:00'],
    // autumn 2027
    ['2027-10-30', '2027-10-30T02:00:00+02:00', '2027-10-30T16:00:00+02:00', '2027-10-30T16:00:00+02:00', '2027-10-31T02:00:00+02:00'],
    ['2027-10-31', '2027-10-31T02:00:00+02:00', '2027-10-31T16:00:00+01:00', '2027-10-31T16:00:00+01:00', '2027-11-01T02:00:00+01:00'],
  ])('%s', (date, standbyFrom, standbyTo, openFrom, openTo) => {
    const day = describeDay(date, nordostCalendar);
    expect(day.standby).toEqual({ from: standbyFrom, to: standbyTo });
    expect(day.open).toEqual({ from: openFrom, to: openTo });
  });
});

describe('describeDay: configuration', () => {
  it('uses the configured standby and open end times', () => {
    const day = describeDay('2026-05-13', {
      ...nordvastCalendar,
      standbyStart: '01:00',
      standbyEndShort: '07:30',
      openEnd: '01:00',
    });
    expect(day.standby).toEqual({ from: '2026-05-13T01:00:00+02:00', to: '2026-05-13T07:30:00+02:00' });
    expect(day.open).toEqual({ from: '2026-05-13T14:00:00+02:00', to: '2026-05-14T01:00:00+02:00' });
  });

  it('throws when no open rule matches', () => {
    expect(() => describeDay('2026-05-13', { ...nordostCalendar, openRules: [{ weekdays: [5], from: '14:00' }] })).toThrow(
      RangeError,
    );
  });
});

describe('buildCalendar: invalid input', () => {
  it.each([
    ['2026-02-30', '2026-03-01', /Invalid from date "2026-02-30"/],
    ['2026-03-01', '2026-3-2', /Invalid to date "2026-3-2"/],
    ['yesterday', '2026-03-01', /Invalid from date/],
    ['2026-03-02', '2026-03-01', /from date 2026-03-02 is after the to date 2026-03-01/],
    ['2020-01-01', '2030-01-08', /3661 days; at most 3660/],
  ])('%s..%s', (from, to, message) => {
    expect(() => buildCalendar('X', from, to, nordostCalendar)).toThrow(RangeError);
    expect(() => buildCalendar('X', from, to, nordostCalendar)).toThrow(message);
  });

  it('accepts a single day', () => {
    expect(buildCalendar('X', '2026-12-24', '2026-12-24', nordostCalendar).days).toHaveLength(1);
  });

  it('accepts a year across a year boundary', () => {
    const days = buildCalendar('X', '2026-07-01', '2027-06-30', nordostCalendar).days;
    expect(days).toHaveLength(365);
    expect(days.filter((day) => day.dayType === 'bridge_day').map((day) => day.date)).toEqual([
      '2027-05-07', // Friday after Kristi himmelsfärdsdag
    ]);
  });

  it('limits the range to about ten years', () => {
    expect(MAX_CALENDAR_DAYS).toBe(3660);
  });

  it('rejects an invalid configuration', () => {
    expect(() => buildCalendar('X', '2026-01-01', '2026-01-02', { ...nordostCalendar, timeZone: 'Mars/Olympus' })).toThrow(
      /Invalid time zone/,
    );
  });
});
