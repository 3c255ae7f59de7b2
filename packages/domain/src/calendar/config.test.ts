import { describe, expect, it } from 'vitest';
import { validateCalendarConfig, type CalendarConfig } from './config.ts';
import { nordostCalendar } from './presets.ts';

describe('validateCalendarConfig', () => {
  it('accepts a preset', () => {
    expect(() => validateCalendarConfig(nordostCalendar)).not.toThrow();
  });

  it.each<[string, Partial<CalendarConfig>, RegExp]>([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, /Invalid time zone "Mars\/Olympus"/],
    ['an unknown eve', { holidayEves: ['lucia' as never] }, /Unknown holiday eve "lucia"/],
    ['an invalid extra holiday date', { extraHolidays: [{ date: '2026-02-30', name: 'X' }] }, /Invalid extra holiday date/],
    ['an extra holiday without a name', { extraHolidays: [{ date: '2026-08-14', name: ' ' }] }, /has no name/],
    ['an invalid standby start', { standbyStart: '2:00' }, /Invalid standbyStart "2:00"/],
    ['an invalid open end', { openEnd: '24:00' }, /Invalid openEnd "24:00"/],
    ['standby ending before it starts', { standbyEndShort: '01:00' }, /Standby must end after it starts/],
    ['no open rules', { openRules: [] }, /At least one open rule/],
    ['an invalid rule time', { openRules: [{ from: '16.00' }] }, /Open rule 1: invalid from "16.00"/],
    ['an unknown day type', { openRules: [{ dayTypes: ['sunday' as never], from: '16:00' }] }, /unknown day type "sunday"/],
    ['a weekday out of range', { openRules: [{ from: '16:00' }, { weekdays: [0], from: '16:00' }] }, /Open rule 2: weekday 0/],
  ])('rejects %s', (_label, change, message) => {
    expect(() => validateCalendarConfig({ ...nordostCalendar, ...change })).toThrow(RangeError);
    expect(() => validateCalendarConfig({ ...nordostCalendar, ...change })).toThrow(message);
  });
});
