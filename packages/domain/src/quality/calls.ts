/**
 * The call log: every contact attempt on the unit's lines. The units have
 * three lines and no queue: a caller who meets busy lines is told to call 112
 * or is cut off. A missed or busy call from a known number is a callback task
 * on the shift board until someone has called back, or the caller got
 * through on a later call.
 */
export const CALL_OUTCOMES = ['answered', 'missed', 'busy', 'transferred_112'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  answered: 'Besvarat',
  missed: 'Missat',
  busy: 'Upptaget',
  transferred_112: 'Hänvisat till 112',
};

export const CALLBACK_RESULTS = ['reached', 'no_answer', 'not_needed'] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];

export const CALLBACK_RESULT_LABELS: Record<CallbackResult, string> = {
  reached: 'Nådde personen',
  no_answer: 'Inget svar – försök igen',
  not_needed: 'Behövs inte',
};

/** What a logged call leaves behind: a callback to make, none, or one that cannot be made (hidden number). */
export type CallbackNeed = 'callback' | 'none' | 'impossible';

export function callbackNeedOf(outcome: CallOutcome, callerNumber: string | null): CallbackNeed {
  if (outcome !== 'missed' && outcome !== 'busy') return 'none';
  return callerNumber ? 'callback' : 'impossible';
}

/** A callback attempt's result closes the task, or leaves it open for another try. */
export function callbackClosesTask(result: CallbackResult): boolean {
  return result !== 'no_answer';
}

/**
 * Numbers compared as a person would dial them: digits only, +46 and 0046
 * as a leading 0. Null for a hidden or empty number.
 */
export function normalizePhoneNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  let digits = value.replace(/[^\d+]/g, '');
  if (digits.startsWith('+46')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0046')) digits = `0${digits.slice(4)}`;
  digits = digits.replace(/\+/g, '');
  return digits.length >= 3 ? digits : null;
}

export interface CallFact {
  id: string;
  occurredAt: string;
  outcome: CallOutcome;
  callerNumber: string | null;
  /** set when the callback task was closed by hand */
  callbackClosedAt: string | null;
}

export interface CallbackTask {
  callerNumber: string;
  /** the calls the task gathers, oldest first */
  callIds: string[];
  firstAt: string;
  lastAt: string;
  attempts: number;
}

/**
 * The open callback tasks: missed and busy calls from a known number, not
 * closed by hand and not followed by an answered call from the same number,
 * one task per number.
 */
export function openCallbackTasks(calls: readonly CallFact[]): CallbackTask[] {
  const sorted = [...calls].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const lastAnswered = new Map<string, string>();
  for (const c of sorted) {
    const n = normalizePhoneNumber(c.callerNumber);
    if (n && c.outcome === 'answered') lastAnswered.set(n, c.occurredAt);
  }
  const tasks = new Map<string, CallbackTask>();
  for (const c of sorted) {
    const n = normalizePhoneNumber(c.callerNumber);
    if (!n || callbackNeedOf(c.outcome, n) !== 'callback' || c.callbackClosedAt) continue;
    const answered = lastAnswered.get(n);
    if (answered && answered > c.occurredAt) continue;
    const task = tasks.get(n);
    if (task) {
      task.callIds.push(c.id);
      task.lastAt = c.occurredAt;
      task.attempts++;
    } else tasks.set(n, { callerNumber: n, callIds: [c.id], firstAt: c.occurredAt, lastAt: c.occurredAt, attempts: 1 });
  }
  return [...tasks.values()].sort((a, b) => a.firstAt.localeCompare(b.firstAt));
}

/** Calls per outcome (for the annual report's availability figures). */
export function countCalls(outcomes: readonly CallOutcome[]): Record<CallOutcome, number> & { total: number } {
  const counts = { answered: 0, missed: 0, busy: 0, transferred_112: 0, total: 0 };
  for (const o of outcomes) {
    counts[o]++;
    counts.total++;
  }
  return counts;
}
