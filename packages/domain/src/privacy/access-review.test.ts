import { describe, expect, it } from 'vitest';
import { defaultAccessReviewSettings, findUnusualAccess, isOutsideUsersShifts, isUnusualVolume, median, shiftDayOf, usualVolume, type AccessFacts, type OpenEvent } from './access-review.ts';

const TZ = 'Europe/Stockholm';

describe('shiftDayOf', () => {
  it.each<[string, string]>([
    ['2026-11-23T20:00:00Z', '2026-11-23'], // 21:00 local
    ['2026-11-24T01:00:00Z', '2026-11-23'], // 02:00 local: the evening's shift
    ['2026-11-24T06:59:59Z', '2026-11-23'], // 07:59:59 local
    ['2026-11-24T07:00:00Z', '2026-11-24'], // 08:00 local
    ['2026-03-29T05:30:00Z', '2026-03-28'], // 07:30 CEST, the night of the spring change
    ['2026-03-29T06:00:00Z', '2026-03-29'], // 08:00 CEST
    ['2026-10-25T06:30:00Z', '2026-10-24'], // 07:30 CET, the night of the autumn change
    ['2026-10-25T07:00:00Z', '2026-10-25'], // 08:00 CET
  ])('%s → %s', (instant, day) => {
    expect(shiftDayOf(instant, 8, TZ)).toBe(day);
  });
});

describe('median', () => {
  it.each<[number[], number]>([
    [[], 0],
    [[4], 4],
    [[1, 9, 3], 3],
    [[1, 2, 3, 10], 2.5],
  ])('%j → %d', (values, m) => expect(median(values)).toBe(m));
});

const open = (over: Partial<OpenEvent> = {}): OpenEvent => ({ seq: 1, occurredAt: '2026-11-23T20:00:00Z', userId: 'u1', action: 'person.read', personId: 'p1', caseId: null, personProtected: false, ...over });

describe('isOutsideUsersShifts', () => {
  const base = {
    personCases: new Map([
      ['p1', [{ caseId: 'c-tonight', receivedAt: '2026-11-23T19:00:00Z' }]],
      ['p2', [{ caseId: 'c-old', receivedAt: '2025-02-10T19:00:00Z' }]],
      ['p3', []],
    ]),
    workedCases: new Map([['u2', new Set(['c-old'])]]),
    shiftDays: new Map([['u1', new Set(['2026-11-23'])], ['u2', new Set(['2026-11-23'])], ['u3', new Set(['2026-11-20'])]]),
  };
  it.each<[string, Partial<OpenEvent>, boolean]>([
    ['a case of the night the user works', { userId: 'u1', personId: 'p1' }, false],
    ['an old case the user never worked on', { userId: 'u1', personId: 'p2' }, true],
    ['an old case the user worked on', { userId: 'u2', personId: 'p2' }, false],
    ['a person in no case at all', { userId: 'u1', personId: 'p3' }, true],
    ['tonight’s case by someone off shift', { userId: 'u3', personId: 'p1' }, true],
    ['a user with no shifts and no work', { userId: 'u9', personId: 'p1' }, true],
  ])('%s → %s', (_, over, outside) => {
    expect(isOutsideUsersShifts(open(over), base, defaultAccessReviewSettings, TZ)).toBe(outside);
  });
});

describe('usualVolume and isUnusualVolume', () => {
  const counts = new Map([
    ['2026-11-01', 10],
    ['2026-11-05', 12],
    ['2026-11-08', 8],
    ['2026-11-10', 11],
    ['2026-11-15', 9],
    ['2026-11-20', 200],
  ]);
  it('takes the median of the active days before the day within the lookback', () => {
    expect(usualVolume(counts, '2026-11-20', defaultAccessReviewSettings)).toEqual({ usual: 10, historyDays: 5 });
    expect(usualVolume(counts, '2026-11-10', defaultAccessReviewSettings)).toEqual({ usual: null, historyDays: 3 });
    expect(usualVolume(counts, '2026-12-20', { lookbackDays: 10, minHistoryDays: 1 })).toEqual({ usual: null, historyDays: 0 });
  });
  it.each<[number, number | null, boolean]>([
    [200, 10, true],
    [31, 10, true],
    [30, 10, false], // not above three times
    [29, 5, false], // below the minimum
    [99, null, false],
    [100, null, true],
  ])('%i reads against usual %s → %s', (count, usual, unusual) => {
    expect(isUnusualVolume(count, usual, defaultAccessReviewSettings)).toBe(unusual);
  });
});

describe('findUnusualAccess', () => {
  const facts = (over: Partial<AccessFacts> = {}): AccessFacts => ({
    opens: [],
    personCases: new Map([
      ['p1', [{ caseId: 'c1', receivedAt: '2026-11-23T19:00:00Z' }]],
      ['p2', [{ caseId: 'c2', receivedAt: '2024-01-10T19:00:00Z' }]],
    ]),
    workedCases: new Map(),
    shiftDays: new Map([['u1', new Set(['2026-11-23'])]]),
    dailyReads: new Map(),
    from: '2026-11-01',
    to: '2026-11-30',
    timeZone: TZ,
    ...over,
  });

  it('groups a protected identity opened twice in a night into one finding', () => {
    const found = findUnusualAccess(facts({ opens: [open({ seq: 1, personProtected: true }), open({ seq: 2, personProtected: true, action: 'case.read', caseId: 'c1' })] }), defaultAccessReviewSettings);
    expect(found).toEqual([{ kind: 'protected_identity', userId: 'u1', personId: 'p1', day: '2026-11-23', seqs: [1, 2] }]);
  });

  it('finds the planted read of an old case outside the user’s shifts, and not the ordinary one', () => {
    const found = findUnusualAccess(facts({ opens: [open({ seq: 1 }), open({ seq: 2, personId: 'p2' })] }), defaultAccessReviewSettings);
    expect(found).toEqual([{ kind: 'outside_shift_cases', userId: 'u1', personId: 'p2', day: '2026-11-23', seqs: [2] }]);
  });

  it('ignores searches (they list many persons) and events outside the period', () => {
    const found = findUnusualAccess(facts({ opens: [open({ seq: 1, personId: 'p2', action: 'person.searched' }), open({ seq: 2, personId: 'p2', occurredAt: '2026-10-20T20:00:00Z' })] }), defaultAccessReviewSettings);
    expect(found).toEqual([]);
  });

  it('reports a day far above the user’s usual volume', () => {
    const days = new Map([['2026-10-20', 10], ['2026-10-22', 12], ['2026-10-25', 9], ['2026-10-28', 10], ['2026-10-30', 11], ['2026-11-02', 14], ['2026-11-03', 90]]);
    const found = findUnusualAccess(facts({ dailyReads: new Map([['u1', days]]) }), defaultAccessReviewSettings);
    expect(found).toEqual([{ kind: 'volume', userId: 'u1', day: '2026-11-03', count: 90, usual: 10.5, historyDays: 6 }]);
  });
});
