// Legal deadlines after a decision or a report of concern. Counted from the
// calendar date in the time zone (Europe/Stockholm) of the instant, not the
// shift's date. The nominal date is the target; the date moved past a Saturday,
// Sunday, public holiday, Midsummer Eve, Christmas Eve or New Year's Eve (lag
// 1930:173 2 §) is shown as information only, since whether that law applies
// (e.g. to LVU 7 §) is disputed. Rules are data keyed by decision type code.
import type { Temporal } from 'temporal-polyfill';
import { parseIsoDate } from '../calendar/dates.ts';
import { nextLegalWorkingDay } from '../calendar/legal.ts';
import { localDateOf } from '../calendar/time.ts';
import type { LegalBasisConfig } from '../organisation/types.ts';

export type DeadlineKind = 'court_submission' | 'care_application' | 'pre_assessment' | 'investigation';

/** What the time is counted from. */
export type DeadlineStart = 'decision' | 'execution' | 'report';

export interface DeadlineOffset {
  days?: number;
  /** "within one week from the day" = the same weekday the next week */
  weeks?: number;
  /** calendar months; the 31st becomes the last day of a shorter month */
  months?: number;
}

export interface DeadlineRule {
  kind: DeadlineKind;
  /** Swedish */
  label: string;
  from: DeadlineStart;
  offset: DeadlineOffset;
  /** the reference in force on the start date is shown */
  legalBases: readonly LegalBasisConfig[];
  /** Swedish, shown with the deadline */
  note: string | null;
}

export interface LegalDeadline {
  kind: DeadlineKind;
  label: string;
  from: DeadlineStart;
  /** local date the time is counted from */
  startDate: string;
  /** the target */
  nominalDate: string;
  /** the next legal working day when the nominal date is not one, else equal (information) */
  movedDate: string;
  isMoved: boolean;
  /** '' when no reference is configured for the start date */
  legalReference: string;
  note: string | null;
}

const LVU = 'lagen (1990:52) med särskilda bestämmelser om vård av unga';
const LVM = 'lagen (1988:870) om vård av missbrukare i vissa fall';

/** Deadlines after a decision, by decision type code (LEGAL.md "Decisions a jour records"). */
export const defaultDecisionDeadlineRules: Readonly<Record<string, readonly DeadlineRule[]>> = {
  LVU6: [
    {
      kind: 'court_submission',
      label: 'Underställning till förvaltningsrätten',
      from: 'decision',
      offset: { weeks: 1 },
      legalBases: [{ reference: `7 § ${LVU}`, validFrom: '1990-07-01', validTo: null }],
      note: 'Inom en vecka från beslutsdagen. Underställs beslutet inte i tid upphör omhändertagandet (jfr JO 534-2013).',
    },
    {
      kind: 'care_application',
      label: 'Ansökan om vård hos förvaltningsrätten',
      from: 'execution',
      offset: { weeks: 4 },
      legalBases: [{ reference: `8 § ${LVU}`, validFrom: '1990-07-01', validTo: null }],
      note: 'Inom fyra veckor från den dag omhändertagandet verkställdes [verifiera].',
    },
  ],
  LVM13: [
    {
      kind: 'court_submission',
      label: 'Underställning till förvaltningsrätten',
      from: 'decision',
      offset: { days: 1 },
      legalBases: [{ reference: `15 § ${LVM}`, validFrom: '1989-01-01', validTo: null }],
      note: 'Senast dagen efter beslutet. Förvaltningsrätten prövar inom fyra dagar.',
    },
  ],
};

const SOL_2001 = 'socialtjänstlagen (2001:453)';
const SOL_2025 = 'Socialtjänstlagen (2025:400) [verifiera paragraf]';

/** Clocks of a child's report of concern, handed to the home municipality. */
export const defaultReportDeadlineRules: readonly DeadlineRule[] = [
  {
    kind: 'pre_assessment',
    label: 'Förhandsbedömning av orosanmälan',
    from: 'report',
    offset: { days: 14 },
    legalBases: [
      { reference: `11 kap. 1 a § ${SOL_2001}`, validFrom: '2013-01-01', validTo: '2025-06-30' },
      { reference: SOL_2025, validFrom: '2025-07-01', validTo: null },
    ],
    note: 'Kommunen ska inom 14 dagar från mottagandet besluta om utredning ska inledas.',
  },
  {
    kind: 'investigation',
    label: 'Utredning slutförd',
    from: 'report',
    offset: { months: 4 },
    legalBases: [
      { reference: `11 kap. 2 § ${SOL_2001}`, validFrom: '2002-01-01', validTo: '2025-06-30' },
      { reference: SOL_2025, validFrom: '2025-07-01', validTo: null },
    ],
    note: 'Fyra månader räknas från beslutet att inleda utredning; datumet gäller om utredningen inleds samma dag som anmälan kom in.',
  },
];

function basisOn(bases: readonly LegalBasisConfig[], date: string): LegalBasisConfig | null {
  return bases.find((b) => b.validFrom <= date && (b.validTo === null || date <= b.validTo)) ?? null;
}

/** The nominal and moved dates of a rule counted from `startDate` (YYYY-MM-DD). */
export function computeDeadline(rule: DeadlineRule, startDate: string): LegalDeadline {
  const { days = 0, weeks = 0, months = 0 } = rule.offset;
  const nominalDate = parseIsoDate(startDate, 'startDate').add({ months }).add({ days: days + 7 * weeks }).toString();
  const movedDate = nextLegalWorkingDay(nominalDate);
  return {
    kind: rule.kind,
    label: rule.label,
    from: rule.from,
    startDate,
    nominalDate,
    movedDate,
    isMoved: movedDate !== nominalDate,
    legalReference: basisOn(rule.legalBases, startDate)?.reference ?? '',
    note: rule.note,
  };
}

export interface DecisionDeadlineOptions {
  /** when the decision was carried out; deadlines counted from execution are left out without it */
  executedAt?: Temporal.Instant | string | null;
  rules?: Readonly<Record<string, readonly DeadlineRule[]>>;
}

/**
 * Legal deadlines after a decision of type `typeCode` taken at `decidedAt`,
 * counted from its local date in `timeZone`: LVU 6 § → submission within one
 * week (the same weekday next week), LVM 13 § → submission the next day.
 * A type without rules has none.
 */
export function decisionDeadlines(
  typeCode: string,
  decidedAt: Temporal.Instant | string,
  timeZone: string,
  options: DecisionDeadlineOptions = {},
): LegalDeadline[] {
  const rules = (options.rules ?? defaultDecisionDeadlineRules)[typeCode] ?? [];
  const decisionDate = localDateOf(decidedAt, timeZone);
  const executionDate = options.executedAt ? localDateOf(options.executedAt, timeZone) : null;
  const deadlines: LegalDeadline[] = [];
  for (const rule of rules) {
    const start = rule.from === 'execution' ? executionDate : decisionDate;
    if (start !== null) deadlines.push(computeDeadline(rule, start));
  }
  return deadlines;
}

/**
 * Clocks of a child's report of concern received at `receivedAt`, counted from
 * its local date: pre-assessment within 14 days, investigation within 4 months.
 * Information for the home municipality, which carries them.
 */
export function reportDeadlines(
  receivedAt: Temporal.Instant | string,
  timeZone: string,
  rules: readonly DeadlineRule[] = defaultReportDeadlineRules,
): LegalDeadline[] {
  const receivedDate = localDateOf(receivedAt, timeZone);
  return rules.map((rule) => computeDeadline(rule, receivedDate));
}
