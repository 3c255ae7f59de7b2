// Access review (loggkontroll): which reads of personal data look unusual.
// Pure rules over facts the server loads from the audit log and the cases.
import { Temporal } from 'temporal-polyfill';

/** The organisation's thresholds (organisation.settings.accessReview). */
export interface AccessReviewSettings {
  /** A shift day starts at this local hour: a read at 02:00 belongs to the previous evening's shift. */
  shiftStartHour: number;
  /** Days before a day whose read counts make the user's usual volume. */
  lookbackDays: number;
  /** A day is unusual when its count is above this many times the usual (median of the user's active days). */
  volumeFactor: number;
  /** ...and at least this many reads (a quiet user reading 3 instead of 1 is not worth a finding). */
  volumeMinimum: number;
  /** Active days needed in the lookback before the median is trusted; with fewer, `noHistoryThreshold` applies. */
  minHistoryDays: number;
  /** The count that is unusual for a user without enough history. */
  noHistoryThreshold: number;
  /** Actions that mean a person's data was opened (searches list many persons and are counted only in volumes). */
  openActions: string[];
}

export const defaultAccessReviewSettings: AccessReviewSettings = {
  shiftStartHour: 8,
  lookbackDays: 30,
  volumeFactor: 3,
  volumeMinimum: 30,
  minHistoryDays: 5,
  noHistoryThreshold: 100,
  openActions: ['person.read', 'person.revealed', 'case.read'],
};

/** The shift day of an instant: its local date, or the day before when earlier than the shift start hour. */
export function shiftDayOf(instant: string, shiftStartHour: number, timeZone: string): string {
  const local = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDateTime();
  return (local.hour < shiftStartHour ? local.toPlainDate().subtract({ days: 1 }) : local.toPlainDate()).toString();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One opening of a person's data, from the audit log. */
export interface OpenEvent {
  seq: number;
  occurredAt: string;
  userId: string;
  action: string;
  personId: string;
  /** the case the event was about, when it was a case */
  caseId: string | null;
  /** the person has (or had at the time) a protected identity */
  personProtected: boolean;
}

export interface AccessFacts {
  opens: OpenEvent[];
  /** each person's cases with the instant they were received */
  personCases: ReadonlyMap<string, readonly { caseId: string; receivedAt: string }[]>;
  /** cases each user worked on (registered, wrote in, decided, triaged, recorded time or cost, closed) */
  workedCases: ReadonlyMap<string, ReadonlySet<string>>;
  /** shift days each user was working (signed in or wrote something) */
  shiftDays: ReadonlyMap<string, ReadonlySet<string>>;
  /** reads of personal data per user and local date, for the review period and the lookback before it */
  dailyReads: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** the review period (local dates, inclusive) */
  from: string;
  to: string;
  timeZone: string;
}

export type AccessFinding =
  | { kind: 'protected_identity'; userId: string; personId: string; day: string; seqs: number[] }
  | { kind: 'outside_shift_cases'; userId: string; personId: string; day: string; seqs: number[] }
  | { kind: 'volume'; userId: string; day: string; count: number; usual: number | null; historyDays: number };

const findingOrder = { protected_identity: 0, outside_shift_cases: 1, volume: 2 } as const;

/**
 * A person opened without being in any case of the user's shifts: none of the
 * person's cases is one the user worked on, and none came in on a shift day
 * the user was working. Colleagues on the same shift may open the night's cases.
 */
export function isOutsideUsersShifts(event: OpenEvent, facts: Pick<AccessFacts, 'personCases' | 'workedCases' | 'shiftDays'>, settings: Pick<AccessReviewSettings, 'shiftStartHour'>, timeZone: string): boolean {
  const cases = facts.personCases.get(event.personId) ?? [];
  const worked = facts.workedCases.get(event.userId);
  const days = facts.shiftDays.get(event.userId);
  for (const c of cases) {
    if (worked?.has(c.caseId)) return false;
    if (days?.has(shiftDayOf(c.receivedAt, settings.shiftStartHour, timeZone))) return false;
  }
  return true;
}

/** The usual volume of a user before `day`: the median of the active days in the lookback, or null when too few. */
export function usualVolume(counts: ReadonlyMap<string, number> | undefined, day: string, settings: Pick<AccessReviewSettings, 'lookbackDays' | 'minHistoryDays'>): { usual: number | null; historyDays: number } {
  const start = Temporal.PlainDate.from(day).subtract({ days: settings.lookbackDays }).toString();
  const history: number[] = [];
  for (const [d, n] of counts ?? []) if (d >= start && d < day && n > 0) history.push(n);
  return { usual: history.length >= settings.minHistoryDays ? median(history) : null, historyDays: history.length };
}

export function isUnusualVolume(count: number, usual: number | null, settings: Pick<AccessReviewSettings, 'volumeFactor' | 'volumeMinimum' | 'noHistoryThreshold'>): boolean {
  if (usual === null) return count >= settings.noHistoryThreshold;
  return count >= settings.volumeMinimum && count > settings.volumeFactor * usual;
}

/** Every unusual access in the period, one finding per user, person and day (per user and day for volumes). */
export function findUnusualAccess(facts: AccessFacts, settings: AccessReviewSettings): AccessFinding[] {
  const grouped = new Map<string, Extract<AccessFinding, { seqs: number[] }>>();
  const add = (kind: 'protected_identity' | 'outside_shift_cases', e: OpenEvent, day: string) => {
    const key = `${kind}|${e.userId}|${e.personId}|${day}`;
    const found = grouped.get(key);
    if (found) found.seqs.push(e.seq);
    else grouped.set(key, { kind, userId: e.userId, personId: e.personId, day, seqs: [e.seq] });
  };
  for (const e of facts.opens) {
    if (!settings.openActions.includes(e.action)) continue;
    const day = Temporal.Instant.from(e.occurredAt).toZonedDateTimeISO(facts.timeZone).toPlainDate().toString();
    if (day < facts.from || day > facts.to) continue;
    if (e.personProtected) add('protected_identity', e, day);
    if (isOutsideUsersShifts(e, facts, settings, facts.timeZone)) add('outside_shift_cases', e, day);
  }
  const findings: AccessFinding[] = [...grouped.values()];
  for (const [userId, counts] of facts.dailyReads) {
    for (const [day, count] of counts) {
      if (day < facts.from || day > facts.to) continue;
      const { usual, historyDays } = usualVolume(counts, day, settings);
      if (isUnusualVolume(count, usual, settings)) findings.push({ kind: 'volume', userId, day, count, usual, historyDays });
    }
  }
  return findings.sort((a, b) => findingOrder[a.kind] - findingOrder[b.kind] || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) || a.userId.localeCompare(b.userId));
}

export function validateAccessReviewSettings(s: AccessReviewSettings): { field: string; message: string } | null {
  if (!Number.isInteger(s.shiftStartHour) || s.shiftStartHour < 0 || s.shiftStartHour > 23) return { field: 'shiftStartHour', message: 'Passets starttimme måste vara 0–23.' };
  if (!Number.isInteger(s.lookbackDays) || s.lookbackDays < 1 || s.lookbackDays > 365) return { field: 'lookbackDays', message: 'Antal dagar bakåt måste vara 1–365.' };
  if (!(s.volumeFactor > 1) || s.volumeFactor > 100) return { field: 'volumeFactor', message: 'Faktorn måste vara större än 1 och högst 100.' };
  if (!Number.isInteger(s.volumeMinimum) || s.volumeMinimum < 1) return { field: 'volumeMinimum', message: 'Minsta antal måste vara ett positivt heltal.' };
  if (!Number.isInteger(s.minHistoryDays) || s.minHistoryDays < 1) return { field: 'minHistoryDays', message: 'Antal dagar med historik måste vara ett positivt heltal.' };
  if (!Number.isInteger(s.noHistoryThreshold) || s.noHistoryThreshold < 1) return { field: 'noHistoryThreshold', message: 'Gränsen utan historik måste vara ett positivt heltal.' };
  return null;
}
