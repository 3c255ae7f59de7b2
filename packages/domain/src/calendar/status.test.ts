import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { nordostCalendar, nordvastCalendar } from './presets.ts';
import { unitStatusAt, type UnitStatus } from './status.ts';

type Row = [instant: string, status: UnitStatus, since: string, until: string, next: UnitStatus];

describe('unitStatusAt (Nordost)', () => {
  it.each<Row>([
    // spring night 2026: Saturday open until 02:00, which is 03:00+02:00
    ['2026-03-28T14:59:59Z', 'standby', '2026-03-28T02:00:00+01:00', '2026-03-28T16:00:00+01:00', 'open'],
    ['2026-03-28T15:00:00Z', 'open', '2026-03-28T16:00:00+01:00', '2026-03-29T03:00:00+02:00', 'standby'],
    ['2026-03-28T23:30:00Z', 'open', '2026-03-28T16:00:00+01:00', '2026-03-29T03:00:00+02:00', 'standby'],
    ['2026-03-29T00:59:59Z', 'open', '2026-03-28T16:00:00+01:00', '2026-03-29T03:00:00+02:00', 'standby'],
    ['2026-03-29T01:00:00Z', 'standby', '2026-03-29T03:00:00+02:00', '2026-03-29T16:00:00+02:00', 'open'],
    ['2026-03-29T14:00:00Z', 'open', '2026-03-29T16:00:00+02:00', '2026-03-30T02:00:00+02:00', 'standby'],
    // autumn night 2026: the first 02:00 ends the open window
    ['2026-10-24T23:59:59Z', 'open', '2026-10-24T16:00:00+02:00', '2026-10-25T02:00:00+02:00', 'standby'],
    ['2026-10-25T00:00:00Z', 'standby', '2026-10-25T02:00:00+02:00', '2026-10-25T16:00:00+01:00', 'open'],
    ['2026-10-25T01:30:00Z', 'standby', '2026-10-25T02:00:00+02:00', '2026-10-25T16:00:00+01:00', 'open'],
    ['2026-10-25T02:30:00+01:00', 'standby', '2026-10-25T02:00:00+02:00', '2026-10-25T16:00:00+01:00', 'open'],
    ['2026-10-26T00:59:59Z', 'open', '2026-10-25T16:00:00+01:00', '2026-10-26T02:00:00+01:00', 'standby'],
    ['2026-10-26T01:00:00Z', 'standby', '2026-10-26T02:00:00+01:00', '2026-10-26T08:00:00+01:00', 'closed'],
    // around midnight: Friday 15 May (bridge day) into Saturday
    ['2026-05-15T21:59:59Z', 'open', '2026-05-15T15:00:00+02:00', '2026-05-16T02:00:00+02:00', 'standby'],
    ['2026-05-15T22:00:00Z', 'open', '2026-05-15T15:00:00+02:00', '2026-05-16T02:00:00+02:00', 'standby'],
    ['2026-05-15T23:59:59Z', 'open', '2026-05-15T15:00:00+02:00', '2026-05-16T02:00:00+02:00', 'standby'],
    ['2026-05-16T00:00:00Z', 'standby', '2026-05-16T02:00:00+02:00', '2026-05-16T16:00:00+02:00', 'open'],
    // a day before a holiday: standby, closed, open
    ['2026-05-13T05:59:59Z', 'standby', '2026-05-13T02:00:00+02:00', '2026-05-13T08:00:00+02:00', 'closed'],
    ['2026-05-13T06:00:00Z', 'closed', '2026-05-13T08:00:00+02:00', '2026-05-13T15:00:00+02:00', 'open'],
    ['2026-05-13T12:59:59Z', 'closed', '2026-05-13T08:00:00+02:00', '2026-05-13T15:00:00+02:00', 'open'],
    ['2026-05-13T13:00:00Z', 'open', '2026-05-13T15:00:00+02:00', '2026-05-14T02:00:00+02:00', 'standby'],
    // a holiday: standby runs straight into the open window
    ['2026-05-14T10:00:00Z', 'standby', '2026-05-14T02:00:00+02:00', '2026-05-14T16:00:00+02:00', 'open'],
    ['2026-05-14T14:00:00Z', 'open', '2026-05-14T16:00:00+02:00', '2026-05-15T02:00:00+02:00', 'standby'],
    // ordinary winter workday and New Year's night
    ['2026-01-15T12:00:00Z', 'closed', '2026-01-15T08:00:00+01:00', '2026-01-15T16:30:00+01:00', 'open'],
    ['2026-12-31T23:30:00Z', 'open', '2026-12-31T16:00:00+01:00', '2027-01-01T02:00:00+01:00', 'standby'],
  ])('%s → %s since %s until %s, then %s', (instant, status, since, until, next) => {
    expect(unitStatusAt(instant, nordostCalendar)).toEqual({ status, since, until, next });
  });

  it('accepts a Temporal.Instant', () => {
    expect(unitStatusAt(Temporal.Instant.from('2026-05-13T06:00:00Z'), nordostCalendar).status).toBe('closed');
  });

  it('rejects a time without an offset', () => {
    expect(() => unitStatusAt('2026-05-13T08:00:00', nordostCalendar)).toThrow(RangeError);
  });
});

describe('unitStatusAt (Nordväst)', () => {
  it.each<Row>([
    // Långfredagen: every Friday opens at 14:00, so the open window cuts standby short
    ['2026-04-03T11:59:59Z', 'standby', '2026-04-03T02:00:00+02:00', '2026-04-03T14:00:00+02:00', 'open'],
    ['2026-04-03T12:00:00Z', 'open', '2026-04-03T14:00:00+02:00', '2026-04-04T02:00:00+02:00', 'standby'],
    // an ordinary Friday and Monday
    ['2026-05-22T10:00:00Z', 'closed', '2026-05-22T08:00:00+02:00', '2026-05-22T14:00:00+02:00', 'open'],
    ['2026-05-18T10:00:00Z', 'closed', '2026-05-18T08:00:00+02:00', '2026-05-18T16:00:00+02:00', 'open'],
  ])('%s → %s since %s until %s, then %s', (instant, status, since, until, next) => {
    expect(unitStatusAt(instant, nordvastCalendar)).toEqual({ status, since, until, next });
  });
});

describe('unitStatusAt with unusual configurations', () => {
  it('is closed in a gap between the open end and the next standby', () => {
    const config = { ...nordostCalendar, openEnd: '01:00' };
    expect(unitStatusAt('2026-05-13T23:30:00Z', config)).toEqual({
      status: 'closed',
      since: '2026-05-14T01:00:00+02:00',
      until: '2026-05-14T02:00:00+02:00',
      next: 'standby',
    });
  });

  it('throws when the status never changes', () => {
    const config = { ...nordostCalendar, openRules: [{ from: '02:00' }] };
    expect(() => unitStatusAt('2026-05-13T12:00:00Z', config)).toThrow(/does not change/);
  });
});
