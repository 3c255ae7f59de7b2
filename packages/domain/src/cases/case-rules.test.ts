import { describe, expect, it } from 'vitest';
import {
  canCloseCase,
  isProtectionAssessmentOverdue,
  meetsTurnOutBenchmark,
  protectionAssessmentDue,
  turnOutMinutes,
  type CloseCaseBlocker,
  type CloseCaseInput,
} from './case-rules.ts';

const ZONE = 'Europe/Stockholm';

describe('canCloseCase', () => {
  it.each<[string, CloseCaseInput, CloseCaseBlocker[]]>([
    ['adult case', { concernsChild: false, hasProtectionAssessment: false }, []],
    ['child case with assessment', { concernsChild: true, hasProtectionAssessment: true }, []],
    ['child case without assessment', { concernsChild: true, hasProtectionAssessment: false }, ['protection_assessment_missing']],
    ['handed over, child case with assessment', { status: 'handed_over', concernsChild: true, hasProtectionAssessment: true }, []],
    ['already closed', { status: 'closed', concernsChild: false, hasProtectionAssessment: false }, ['already_closed']],
    ['unconfirmed deadline', { concernsChild: false, hasProtectionAssessment: false, unconfirmedDeadlines: 1 }, ['unconfirmed_deadlines']],
    ['zero deadlines and assignments', { concernsChild: false, hasProtectionAssessment: false, unconfirmedDeadlines: 0, openAssignments: 0 }, []],
    ['open assignment', { concernsChild: false, hasProtectionAssessment: true, openAssignments: 2 }, ['open_assignments']],
    [
      'everything missing',
      { status: 'closed', concernsChild: true, hasProtectionAssessment: false, unconfirmedDeadlines: 2, openAssignments: 1 },
      ['already_closed', 'protection_assessment_missing', 'unconfirmed_deadlines', 'open_assignments'],
    ],
  ])('%s', (_name, input, blockers) => {
    const result = canCloseCase(input);
    expect(result.ok).toBe(blockers.length === 0);
    if (!result.ok) expect(result.reasons.map((r) => r.code)).toEqual(blockers);
  });

  it('explains in Swedish', () => {
    expect(canCloseCase({ concernsChild: true, hasProtectionAssessment: false, unconfirmedDeadlines: 2, openAssignments: 1 })).toEqual({
      ok: false,
      reasons: [
        { code: 'protection_assessment_missing', message: 'Ärendet rör ett barn: en skyddsbedömning måste dokumenteras innan ärendet avslutas' },
        { code: 'unconfirmed_deadlines', message: '2 lagstadgade tidsfrister är inte bekräftade som överlämnade till kommunen' },
        { code: 'open_assignments', message: 'Ett uppdrag från kommunen är inte utfört' },
      ],
    });
  });
});

describe('protectionAssessmentDue', () => {
  it.each<[string, string | undefined, string]>([
    // received at, late from, due date
    ['2026-05-15T10:00:00Z', undefined, '2026-05-15'], // 12:00 local
    ['2026-05-15T19:59:59Z', undefined, '2026-05-15'], // 21:59:59 local
    ['2026-05-15T20:00:00Z', undefined, '2026-05-16'], // 22:00 local: late
    ['2026-05-15T21:59:00Z', undefined, '2026-05-16'], // 23:59 local
    ['2026-05-15T22:30:00Z', undefined, '2026-05-16'], // 00:30 the next local day: early on its own day
    ['2026-01-15T20:59:00Z', undefined, '2026-01-15'], // 21:59 winter time
    ['2026-01-15T21:00:00Z', undefined, '2026-01-16'], // 22:00 winter time
    ['2026-01-15T23:30:00Z', undefined, '2026-01-16'], // 23:30 UTC is 00:30 the next local day
    ['2026-03-28T23:30:00Z', undefined, '2026-03-29'], // 00:30 on the spring-forward night
    ['2026-03-29T01:30:00Z', undefined, '2026-03-29'], // 03:30 summer time, just after the change
    ['2026-10-25T00:30:00Z', undefined, '2026-10-25'], // 02:30 summer time on the fall-back night
    ['2026-10-25T01:30:00Z', undefined, '2026-10-25'], // 02:30 again, winter time
    ['2026-10-24T20:30:00Z', undefined, '2026-10-25'], // 22:30 on the Saturday before
    ['2026-12-31T21:30:00Z', undefined, '2027-01-01'], // 22:30 on New Year's Eve
    ['2026-05-15T18:30:00Z', '20:00', '2026-05-16'], // 20:30 with a 20:00 limit
    ['2026-05-15T17:59:00Z', '20:00', '2026-05-15'],
    ['2026-05-15T21:30:00+02:00', '23:30', '2026-05-15'],
  ])('received %s (late from %s) → due %s', (receivedAt, lateFrom, due) => {
    expect(protectionAssessmentDue(receivedAt, ZONE, lateFrom)).toBe(due);
  });

  it.each(['24:00', '9:00', ''])('rejects the late limit %j', (lateFrom) => {
    expect(() => protectionAssessmentDue('2026-05-15T10:00:00Z', ZONE, lateFrom)).toThrow(RangeError);
  });
});

describe('isProtectionAssessmentOverdue', () => {
  it.each<[string, string, boolean, boolean]>([
    // received at, now, has assessment, overdue
    ['2026-05-15T12:00:00+02:00', '2026-05-15T23:59:00+02:00', false, false],
    ['2026-05-15T12:00:00+02:00', '2026-05-16T00:00:00+02:00', false, true], // the day has ended
    ['2026-05-15T12:00:00+02:00', '2026-05-16T00:00:00+02:00', true, false],
    ['2026-05-15T23:00:00+02:00', '2026-05-16T23:59:59+02:00', false, false], // late: due the next day
    ['2026-05-15T23:00:00+02:00', '2026-05-17T00:00:00+02:00', false, true],
    ['2026-05-16T00:30:00+02:00', '2026-05-16T23:00:00+02:00', false, false],
    ['2026-05-16T00:30:00+02:00', '2026-05-17T00:00:01+02:00', false, true],
    ['2026-10-24T23:00:00+02:00', '2026-10-25T23:59:00+01:00', false, false], // late, across the fall-back night
    ['2026-10-24T23:00:00+02:00', '2026-10-26T00:00:00+01:00', false, true],
  ])('received %s, now %s, assessed %s → overdue %s', (receivedAt, now, hasProtectionAssessment, overdue) => {
    expect(isProtectionAssessmentOverdue({ receivedAt, now, timeZone: ZONE, hasProtectionAssessment })).toBe(overdue);
  });

  it('takes the late limit', () => {
    const check = { receivedAt: '2026-05-15T20:30:00+02:00', now: '2026-05-16T08:00:00+02:00', timeZone: ZONE, hasProtectionAssessment: false };
    expect(isProtectionAssessmentOverdue(check)).toBe(true);
    expect(isProtectionAssessmentOverdue({ ...check, lateFrom: '20:00' })).toBe(false);
  });
});

describe('turnOutMinutes / meetsTurnOutBenchmark', () => {
  it.each<[string, string, number, boolean]>([
    ['2026-05-15T22:00:00+02:00', '2026-05-15T23:30:00+02:00', 90, true],
    ['2026-05-15T22:00:00+02:00', '2026-05-15T22:00:00+02:00', 0, true],
    ['2026-05-15T23:10:00+02:00', '2026-05-16T01:10:00+02:00', 120, true], // exactly the benchmark, across midnight
    ['2026-05-15T23:10:00+02:00', '2026-05-16T01:10:01+02:00', 120, false], // one second over
    ['2026-05-15T23:10:00+02:00', '2026-05-16T01:11:00+02:00', 121, false],
    ['2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00', 60, true], // spring forward: the clock says 2 h
    ['2026-10-25T01:30:00+02:00', '2026-10-25T03:00:00+01:00', 150, false], // fall back: the clock says 1.5 h
    ['2026-05-15T20:00:00Z', '2026-05-15T23:59:00+02:00', 119, true], // mixed offsets
  ])('%s → %s: %i min, meets %s', (calledAt, arrivedAt, minutes, meets) => {
    expect(turnOutMinutes(calledAt, arrivedAt)).toBe(minutes);
    expect(meetsTurnOutBenchmark(calledAt, arrivedAt)).toBe(meets);
  });

  it('takes another benchmark', () => {
    expect(meetsTurnOutBenchmark('2026-05-15T22:00:00+02:00', '2026-05-15T23:30:00+02:00', 60)).toBe(false);
  });

  it('refuses an arrival before the call', () => {
    expect(() => turnOutMinutes('2026-05-15T22:00:00+02:00', '2026-05-15T21:59:00+02:00')).toThrow(RangeError);
  });
});
