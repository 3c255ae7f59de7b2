// Retention (gallring): when a case's personal data is removed, and which
// cases are kept. Pure rules; the rules themselves are configuration.
import { Temporal } from 'temporal-polyfill';
import { ageOn } from '../persons/identity.ts';

/** The organisation's retention rules (organisation.settings.retention). */
export interface RetentionRules {
  /** Personal data in a case is removed this many years after its last entry. */
  yearsAfterLastEntry: number;
  /** Persons born on these days of a month are kept (research sample); their cases are not removed. */
  keepBirthDays: number[];
  /** Decision types whose records are kept when the decision concerns a child (placements). */
  keepPlacementDecisionTypes: string[];
  /** A decision concerns a child when its subject is younger than this on the decision date. */
  childAgeBelow: number;
}

/** LEGAL.md: five years after the last note, by the end of the following calendar year; placements of children and persons born on day 5, 15 or 25 are kept. */
export const defaultRetentionRules: RetentionRules = {
  yearsAfterLastEntry: 5,
  keepBirthDays: [5, 15, 25],
  keepPlacementDecisionTypes: ['LVU6', 'SOL_PLACERING', 'SKYDDAT_BOENDE'],
  childAgeBelow: 18,
};

export interface RetentionDates {
  /** The first day the case may be removed: five years after the last entry. */
  eligibleFrom: string;
  /** The last day by which it must have been removed: 31 December of the year after `eligibleFrom`'s year. */
  removeBy: string;
}

/** The removal window of a case whose last entry was on `lastEntryDate` (a local date). */
export function retentionDates(lastEntryDate: string, rules: Pick<RetentionRules, 'yearsAfterLastEntry'>): RetentionDates {
  // 29 February + 5 years is 28 February (constrain).
  const eligible = Temporal.PlainDate.from(lastEntryDate).add({ years: rules.yearsAfterLastEntry }, { overflow: 'constrain' });
  return { eligibleFrom: eligible.toString(), removeBy: `${eligible.year + 1}-12-31` };
}

export interface RetentionCaseFacts {
  /** The local date of the case's last entry (received, journal, decision, time, cost, closing). */
  lastEntryDate: string;
  status: 'open' | 'closed' | 'handed_over';
  /** birth dates of the case's persons (null when unknown) */
  birthDates: (string | null)[];
  decisions: { typeCode: string; decidedOn: string; subjectBirthDate: string | null; caseConcernsChild: boolean }[];
}

export type RetentionVerdict =
  | { kind: 'remove'; overdue: boolean }
  | { kind: 'not_yet' }
  | { kind: 'open' }
  | { kind: 'keep_birth_day'; day: number }
  | { kind: 'keep_placement'; typeCode: string };

export interface RetentionAssessment extends RetentionDates {
  verdict: RetentionVerdict;
}

/** Is a decision about a child? The subject's age on the decision date, or the case's child flag when the subject is unknown. */
function concernsChild(d: RetentionCaseFacts['decisions'][number], rules: RetentionRules): boolean {
  if (d.subjectBirthDate) return d.decidedOn < d.subjectBirthDate || ageOn(d.subjectBirthDate, d.decidedOn) < rules.childAgeBelow;
  return d.caseConcernsChild;
}

/**
 * What retention does with a case on `today`: remove it (overdue when past
 * its removal deadline), not yet, or keep it by an exception. An open case is
 * never removed. Exceptions are checked only once the case is due, so the
 * dry run says why a due case stays.
 */
export function assessRetention(facts: RetentionCaseFacts, rules: RetentionRules, today: string): RetentionAssessment {
  const dates = retentionDates(facts.lastEntryDate, rules);
  const verdict = ((): RetentionVerdict => {
    if (facts.status === 'open') return { kind: 'open' };
    if (today < dates.eligibleFrom) return { kind: 'not_yet' };
    for (const birthDate of facts.birthDates) {
      if (!birthDate) continue;
      const day = Number(birthDate.slice(8, 10));
      if (rules.keepBirthDays.includes(day)) return { kind: 'keep_birth_day', day };
    }
    for (const d of facts.decisions) {
      if (rules.keepPlacementDecisionTypes.includes(d.typeCode) && concernsChild(d, rules)) return { kind: 'keep_placement', typeCode: d.typeCode };
    }
    return { kind: 'remove', overdue: today > dates.removeBy };
  })();
  return { ...dates, verdict };
}

/** The latest local date a case with last entry on or before it can have and be due on `today` (a cheap pre-filter for the query). */
export function latestDueLastEntry(today: string, rules: Pick<RetentionRules, 'yearsAfterLastEntry'>): string {
  // eligibleFrom = last + N years ≤ today ⇔ last ≤ today − N years (constrained the same way, with a day's margin for 29 February).
  return Temporal.PlainDate.from(today).subtract({ years: rules.yearsAfterLastEntry }, { overflow: 'constrain' }).add({ days: 1 }).toString();
}

export const AGE_GROUPS = ['0-12', '13-17', '18-20', '21-64', '65+', 'okand'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The age group kept for statistics when a person's data is removed. */
export function ageGroupOf(birthDate: string | null, on: string): AgeGroup {
  if (!birthDate || on < birthDate) return 'okand';
  const age = ageOn(birthDate, on);
  if (age <= 12) return '0-12';
  if (age <= 17) return '13-17';
  if (age <= 20) return '18-20';
  if (age <= 64) return '21-64';
  return '65+';
}

/** Rules as data: invalid configuration is refused with the field named. */
export function validateRetentionRules(rules: RetentionRules): { field: string; message: string } | null {
  if (!Number.isInteger(rules.yearsAfterLastEntry) || rules.yearsAfterLastEntry < 1 || rules.yearsAfterLastEntry > 100) {
    return { field: 'yearsAfterLastEntry', message: 'Antal år måste vara ett heltal mellan 1 och 100.' };
  }
  if (rules.keepBirthDays.some((d) => !Number.isInteger(d) || d < 1 || d > 31)) return { field: 'keepBirthDays', message: 'Födelsedagar måste vara dagar i månaden, 1–31.' };
  if (!Number.isInteger(rules.childAgeBelow) || rules.childAgeBelow < 1 || rules.childAgeBelow > 30) return { field: 'childAgeBelow', message: 'Åldersgränsen måste vara ett heltal mellan 1 och 30.' };
  return null;
}
