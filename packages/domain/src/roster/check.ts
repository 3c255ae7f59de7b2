// The roster checker: every broken rule of a whole roster at once, the gaps it leaves
// (absence, too few staff, rest broken by a call-out) and substitutes who could fill them.
import type { CalendarConfig } from '../calendar/config.ts';
import { addDays } from '../calendar/dates.ts';
import { toInstant } from '../calendar/time.ts';
import { checkRest, formatHours, type WorkInterval } from './rest.ts';
import { shiftKey, shiftOf } from './shifts.ts';
import type { Assignment, CallOut, RosterRules, ShiftInstance, ShiftKind, StaffRequest, Violation } from './types.ts';

export interface RosterPerson {
  id: string;
  name: string;
}

export interface RosterCheckInput {
  calendar: CalendarConfig;
  rules: RosterRules;
  /** first date of the roster and its length in days */
  from: string;
  days: number;
  requiredPerShift: number;
  staff: readonly RosterPerson[];
  assignments: readonly Assignment[];
  requests: readonly StaffRequest[];
  callOuts: readonly CallOut[];
}

/** A memo of shift instances: the calendar work is done once per date and kind. */
export function shiftCache(calendar: CalendarConfig) {
  const cache = new Map<string, ShiftInstance | null>();
  return (date: string, kind: ShiftKind): ShiftInstance | null => {
    const key = shiftKey(date, kind);
    if (!cache.has(key)) cache.set(key, shiftOf(date, kind, calendar));
    return cache.get(key)!;
  };
}

/** Everyone's work as intervals: planned open shifts (standby is not work) and call-outs. */
export function workByStaff(assignments: readonly Assignment[], callOuts: readonly CallOut[], shift: ReturnType<typeof shiftCache>, timeZone: string): Map<string, WorkInterval[]> {
  const work = new Map<string, WorkInterval[]>();
  const add = (id: string, w: WorkInterval) => {
    const list = work.get(id) ?? [];
    list.push(w);
    work.set(id, list);
  };
  for (const a of assignments) {
    if (a.kind === 'standby') continue;
    const s = shift(a.date, a.kind);
    if (!s) continue;
    add(a.staffId, { startMs: s.startMs, endMs: s.endMs, kind: 'shift', date: a.date, shiftKey: s.key, callOutId: null });
  }
  for (const c of callOuts) {
    const start = toInstant(c.startedAt);
    add(c.staffId, {
      startMs: start.epochMilliseconds,
      endMs: toInstant(c.backAt).epochMilliseconds,
      kind: 'callout',
      date: start.toZonedDateTimeISO(timeZone).toPlainDate().toString(),
      shiftKey: null,
      callOutId: c.id,
    });
  }
  return work;
}

const isAbsent = (requests: readonly StaffRequest[], staffId: string, date: string) => requests.some((r) => r.staffId === staffId && r.date === date && r.kind === 'absence');

/** Every broken rule of a roster: coverage, standby, absences and each person's rest rules. */
export function checkRoster(input: RosterCheckInput): Violation[] {
  const { calendar, rules } = input;
  const shift = shiftCache(calendar);
  const names = new Map(input.staff.map((s) => [s.id, s.name]));
  const to = addDays(input.from, input.days - 1);
  const violations: Violation[] = [];

  for (const a of input.assignments) {
    if (a.kind !== 'standby' && isAbsent(input.requests, a.staffId, a.date)) {
      violations.push({ rule: 'absent', staffId: a.staffId, date: a.date, shiftKey: shiftKey(a.date, a.kind), message: `${names.get(a.staffId) ?? 'Okänd'} är frånvarande ${a.date} men har pass` });
    }
  }

  for (let offset = 0; offset < input.days; offset++) {
    const date = addDays(input.from, offset);
    const onShift = input.assignments.filter((a) => a.date === date && a.kind === 'open' && !isAbsent(input.requests, a.staffId, date)).length;
    const evening = input.assignments.filter((a) => a.date === date && a.kind === 'open_until_midnight').length;
    if (onShift < input.requiredPerShift) {
      const missing = input.requiredPerShift - onShift;
      const key = shiftKey(date, 'open');
      const message =
        onShift + evening >= input.requiredPerShift
          ? `Passet ${date}: ${missing} för få efter 24:00 (${onShift} av ${input.requiredPerShift} hela passet)`
          : `Passet ${date}: ${input.requiredPerShift - onShift - evening} för få (${onShift + evening} av ${input.requiredPerShift})`;
      violations.push({ rule: 'understaffed', staffId: null, date, shiftKey: key, message });
    }
    const standbyDate = addDays(date, 1);
    const onStandby = input.assignments.filter((a) => a.date === standbyDate && a.kind === 'standby').length;
    if (onStandby < rules.standbyPerNight) {
      violations.push({ rule: 'standby_missing', staffId: null, date: standbyDate, shiftKey: shiftKey(standbyDate, 'standby'), message: `Beredskapen ${standbyDate}: ingen har beredskap` });
    }
  }

  const work = workByStaff(input.assignments, input.callOuts, shift, calendar.timeZone);
  for (const [staffId, intervals] of work) {
    violations.push(...checkRest({ staffId, name: names.get(staffId), work: intervals, from: addDays(input.from, -1), to: addDays(to, 1), rules, timeZone: calendar.timeZone }));
  }
  return violations;
}

export type GapReason = 'understaffed' | 'absence' | 'rest';

/** A shift that needs someone more. */
export interface Gap {
  date: string;
  shiftKey: string;
  /** how many are missing */
  missing: number;
  reason: GapReason;
  /** the person who cannot take it (absent, or rest broken by a call-out) */
  staffId: string | null;
  callOutId: string | null;
  message: string;
}

/**
 * The gaps of a roster: open shifts with fewer than required who can work them. A person
 * assigned but absent, or whose rest before the shift a call-out broke, leaves a gap.
 */
export function rosterGaps(input: RosterCheckInput, violations: readonly Violation[] = checkRoster(input)): Gap[] {
  const names = new Map(input.staff.map((s) => [s.id, s.name]));
  const gaps: Gap[] = [];
  for (let offset = 0; offset < input.days; offset++) {
    const date = addDays(input.from, offset);
    const key = shiftKey(date, 'open');
    const blocked: Gap[] = [];
    let able = 0;
    for (const a of input.assignments) {
      if (a.date !== date || a.kind === 'standby') continue;
      if (isAbsent(input.requests, a.staffId, date)) {
        blocked.push({ date, shiftKey: key, missing: 1, reason: 'absence', staffId: a.staffId, callOutId: null, message: `${names.get(a.staffId) ?? 'Okänd'} är frånvarande` });
        continue;
      }
      const broken = violations.find((v) => v.staffId === a.staffId && v.callOutId && (v.rule === 'rest_before_shift' || v.rule === 'daily_rest') && v.shiftKey === shiftKey(date, a.kind));
      if (broken) {
        blocked.push({ date, shiftKey: key, missing: 1, reason: 'rest', staffId: a.staffId, callOutId: broken.callOutId ?? null, message: `${names.get(a.staffId) ?? 'Okänd'} får inte dygnsvila efter en utryckning (${formatHours(broken.restHours ?? 0)} h vila)` });
        continue;
      }
      able++;
    }
    let missing = input.requiredPerShift - able;
    // Name the people who cannot come first, then any shortfall left.
    for (const gap of blocked) {
      if (missing <= 0) break;
      gaps.push(gap);
      missing--;
    }
    if (missing > 0) gaps.push({ date, shiftKey: key, missing, reason: 'understaffed', staffId: null, callOutId: null, message: `${missing} för få på passet` });
  }
  return gaps;
}

export interface SubstituteCandidate {
  id: string;
  name: string;
  /** dates they are available */
  availableDates: ReadonlySet<string>;
  /** they choose to work only until 24:00 on weekdays */
  weekdayUntilMidnight: boolean;
}

export interface SubstituteProposal {
  staffId: string;
  name: string;
  kind: ShiftKind;
  start: string;
  end: string;
}

/**
 * Substitutes who could take the open shift on `date`: available that date, not already
 * on it, and rested (adding the shift to their work breaks no rest rule).
 */
export function proposeSubstitutes(args: {
  date: string;
  candidates: readonly SubstituteCandidate[];
  assignments: readonly Assignment[];
  callOuts: readonly CallOut[];
  calendar: CalendarConfig;
  rules: RosterRules;
}): SubstituteProposal[] {
  const shift = shiftCache(args.calendar);
  const proposals: SubstituteProposal[] = [];
  for (const candidate of args.candidates) {
    if (!candidate.availableDates.has(args.date)) continue;
    if (args.assignments.some((a) => a.staffId === candidate.id && a.date === args.date && a.kind !== 'standby')) continue;
    const untilMidnight = candidate.weekdayUntilMidnight ? shift(args.date, 'open_until_midnight') : null;
    const kind: ShiftKind = untilMidnight ? 'open_until_midnight' : 'open';
    const target = untilMidnight ?? shift(args.date, 'open')!;
    const own = args.assignments.filter((a) => a.staffId === candidate.id);
    const work = workByStaff([...own, { staffId: candidate.id, date: args.date, kind }], args.callOuts.filter((c) => c.staffId === candidate.id), shift, args.calendar.timeZone).get(candidate.id) ?? [];
    const broken = checkRest({ staffId: candidate.id, work, from: addDays(args.date, -7), to: addDays(args.date, 7), rules: args.rules, timeZone: args.calendar.timeZone });
    if (broken.length > 0) continue;
    proposals.push({ staffId: candidate.id, name: candidate.name, kind, start: target.start, end: target.end });
  }
  // Whole-shift substitutes first (the workload after midnight needs full staffing), then by name.
  return proposals.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'sv') : a.kind === 'open' ? -1 : 1));
}
