import { describe, expect, it } from 'vitest';
import { callbackClosesTask, callbackNeedOf, countCalls, normalizePhoneNumber, openCallbackTasks, type CallFact } from './calls.ts';

describe('callbackNeedOf', () => {
  it.each([
    ['missed', '070-123 45 67', 'callback'],
    ['busy', '070-123 45 67', 'callback'],
    ['missed', null, 'impossible'],
    ['busy', null, 'impossible'],
    ['answered', '070-123 45 67', 'none'],
    ['transferred_112', '070-123 45 67', 'none'],
  ] as const)('%s from %s: %s', (outcome, number, need) => expect(callbackNeedOf(outcome, number)).toBe(need));
});

describe('normalizePhoneNumber', () => {
  it.each([
    ['070-123 45 67', '0701234567'],
    ['+46 70 123 45 67', '0701234567'],
    ['0046701234567', '0701234567'],
    ['', null],
    [null, null],
    ['anonym', null],
  ])('%s → %s', (input, expected) => expect(normalizePhoneNumber(input)).toBe(expected));
});

describe('callbackClosesTask', () => {
  it.each([
    ['reached', true],
    ['not_needed', true],
    ['no_answer', false],
  ] as const)('%s: %s', (result, closes) => expect(callbackClosesTask(result)).toBe(closes));
});

const call = (id: string, at: string, outcome: CallFact['outcome'], callerNumber: string | null, callbackClosedAt: string | null = null): CallFact => ({ id, occurredAt: at, outcome, callerNumber, callbackClosedAt });

describe('openCallbackTasks', () => {
  it.each<[string, CallFact[], { callerNumber: string; callIds: string[] }[]]>([
    ['a missed call is a task', [call('a', '2026-11-23T21:00:00Z', 'missed', '070-111 11 11')], [{ callerNumber: '0701111111', callIds: ['a'] }]],
    ['a hidden number is not', [call('a', '2026-11-23T21:00:00Z', 'missed', null)], []],
    ['answered and 112 calls are not', [call('a', '2026-11-23T21:00:00Z', 'answered', '070-111 11 11'), call('b', '2026-11-23T21:01:00Z', 'transferred_112', '070-222 22 22')], []],
    [
      'two attempts from one number (written two ways) are one task',
      [call('a', '2026-11-23T21:00:00Z', 'busy', '070-111 11 11'), call('b', '2026-11-23T21:05:00Z', 'missed', '+46701111111')],
      [{ callerNumber: '0701111111', callIds: ['a', 'b'] }],
    ],
    ['the caller got through later: no task', [call('a', '2026-11-23T21:00:00Z', 'busy', '070-111 11 11'), call('b', '2026-11-23T21:10:00Z', 'answered', '0701111111')], []],
    [
      'an answered call before the missed one does not close it',
      [call('a', '2026-11-23T20:00:00Z', 'answered', '070-111 11 11'), call('b', '2026-11-23T21:10:00Z', 'missed', '0701111111')],
      [{ callerNumber: '0701111111', callIds: ['b'] }],
    ],
    ['called back by hand: no task', [call('a', '2026-11-23T21:00:00Z', 'missed', '070-111 11 11', '2026-11-23T21:20:00Z')], []],
    [
      'tasks oldest first, across midnight',
      [call('late', '2026-11-23T23:30:00Z', 'missed', '070-222 22 22'), call('early', '2026-11-23T22:50:00Z', 'busy', '070-333 33 33')],
      [
        { callerNumber: '0703333333', callIds: ['early'] },
        { callerNumber: '0702222222', callIds: ['late'] },
      ],
    ],
  ])('%s', (_name, calls, expected) => {
    expect(openCallbackTasks(calls).map((t) => ({ callerNumber: t.callerNumber, callIds: t.callIds }))).toEqual(expected);
  });
});

describe('countCalls', () => {
  it('counts per outcome', () => {
    expect(countCalls(['answered', 'answered', 'busy', 'transferred_112'])).toEqual({ answered: 2, missed: 0, busy: 1, transferred_112: 1, total: 4 });
  });
});
