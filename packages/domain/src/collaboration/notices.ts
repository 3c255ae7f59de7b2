// Notices (aviseringar): what a member municipality tells the jour in advance
// about a person or family, and the structured instructions the system checks
// a decision against. Pure: the notices, the decision and the rules are parameters.
import type { SubjectPlacement } from '../decisions/rules.ts';

export const NOTICE_LEVELS = ['information', 'important', 'must_read'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

export const NOTICE_LEVEL_LABELS = {
  information: 'Information',
  important: 'Viktigt',
  must_read: 'Måste läsas och kvitteras',
} as const satisfies Record<NoticeLevel, string>;

export const NOTICE_INSTRUCTIONS = [
  'no_economic_aid',
  'no_emergency_accommodation',
  'child_placed_sol',
  'child_placed_lvu',
  'contact_municipality_first',
] as const;
export type NoticeInstruction = (typeof NOTICE_INSTRUCTIONS)[number];

export const NOTICE_INSTRUCTION_LABELS = {
  no_economic_aid: 'Inget ekonomiskt bistånd',
  no_emergency_accommodation: 'Ingen akut logi',
  child_placed_sol: 'Barnet är placerat enligt socialtjänstlagen (inte LVU): handräckning får inte begäras',
  child_placed_lvu: 'Barnet är placerat enligt LVU',
  contact_municipality_first: 'Kontakta kommunen innan beslut fattas',
} as const satisfies Record<NoticeInstruction, string>;

export function isNoticeInstruction(value: string): value is NoticeInstruction {
  return (NOTICE_INSTRUCTIONS as readonly string[]).includes(value);
}

/** Longest validity of one notice; a longer plan is renewed, so stale notices do not linger. */
export const NOTICE_MAX_DAYS = 366;

/** A notice is in force from its first to its last day (local dates), unless withdrawn. */
export function isNoticeActive(notice: { status: 'active' | 'withdrawn'; validFrom: string; validTo: string }, today: string): boolean {
  return notice.status === 'active' && notice.validFrom <= today && today <= notice.validTo;
}

export interface NoticeValidationInput {
  validFrom: string;
  validTo: string;
  instructions: readonly string[];
  personCount: number;
  /** the local date today */
  today: string;
}

export interface NoticeValidationError {
  field: string;
  message: string;
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Checks a notice before it is saved: its dates, its instructions and that it is about someone. */
export function validateNotice(input: NoticeValidationInput): NoticeValidationError[] {
  const errors: NoticeValidationError[] = [];
  if (input.personCount === 0) errors.push({ field: 'persons', message: 'Ange vilken person eller familj aviseringen gäller' });
  if (input.validTo < input.validFrom) errors.push({ field: 'validTo', message: 'Sista giltighetsdag ligger före första' });
  else if (input.validTo < input.today) errors.push({ field: 'validTo', message: 'Aviseringen har redan upphört att gälla' });
  else if (dayNumber(input.validTo) - dayNumber(input.validFrom) > NOTICE_MAX_DAYS) {
    errors.push({ field: 'validTo', message: `En avisering gäller högst ${NOTICE_MAX_DAYS} dagar; förnya den när planen följs upp` });
  }
  const unknown = input.instructions.filter((i) => !isNoticeInstruction(i));
  if (unknown.length > 0) errors.push({ field: 'instructions', message: `Okänd instruktion: ${unknown.join(', ')}` });
  if (input.instructions.includes('child_placed_sol') && input.instructions.includes('child_placed_lvu')) {
    errors.push({ field: 'instructions', message: 'Barnet kan inte vara placerat både enligt socialtjänstlagen och LVU' });
  }
  return errors;
}

/** Which decision types each instruction speaks of: configuration, not code. */
export interface NoticeRules {
  /** decision types that grant economic aid */
  economicAidTypes: readonly string[];
  /** decision types that grant emergency accommodation (logi) */
  accommodationTypes: readonly string[];
}

export const defaultNoticeRules: NoticeRules = {
  economicAidTypes: ['EKONOMISKT_BISTAND'],
  accommodationTypes: ['AKUT_LOGI'],
};

/** An active notice as the check needs it. */
export interface NoticeForCheck {
  id: string;
  title: string;
  municipalityName: string;
  instructions: readonly NoticeInstruction[];
  /** the persons it is about */
  personIds: readonly string[];
  contactName: string;
  contactPhone: string;
}

export interface DecisionForCheck {
  typeCode: string;
  granted: boolean | null;
  subjectPersonId: string | null;
  /** the placement the social worker stated; null when not stated */
  subjectPlacement: SubjectPlacement;
  /** every person in the case */
  casePersonIds: readonly string[];
}

export interface NoticeConflict {
  noticeId: string;
  noticeTitle: string;
  instruction: NoticeInstruction;
  /** Swedish, names the notice */
  message: string;
}

export interface NoticeCheck {
  /** instructions the decision goes against: recording it needs a stated reason */
  conflicts: NoticeConflict[];
  /** the placement to judge the decision by: the one stated, else the one a notice gives */
  subjectPlacement: SubjectPlacement;
  /** the notice the placement comes from, when it does */
  placementNotice: { id: string; title: string } | null;
}

const concerns = (notice: NoticeForCheck, personIds: readonly string[]) => notice.personIds.some((id) => personIds.includes(id));

function conflict(notice: NoticeForCheck, instruction: NoticeInstruction, what: string): NoticeConflict {
  return {
    noticeId: notice.id,
    noticeTitle: notice.title,
    instruction,
    message: `Beslutet går emot aviseringen ”${notice.title}” från ${notice.municipalityName} (${NOTICE_INSTRUCTION_LABELS[instruction].toLowerCase()}). ${what}`,
  };
}

/**
 * Does a decision go against an active notice of a person in the case?
 * - granted economic aid while a notice says no economic aid;
 * - granted emergency accommodation while a notice says no accommodation;
 * - any decision while a notice asks to be contacted first;
 * - a stated placement of the decision's subject that differs from the one a notice gives.
 * A conflict is not a refusal: the decision may stand with a stated reason.
 * The placement from a notice (SoL or LVU) is what the legal rules judge a
 * police assistance by when the social worker did not state one.
 */
export function checkDecisionAgainstNotices(decision: DecisionForCheck, notices: readonly NoticeForCheck[], rules: NoticeRules = defaultNoticeRules): NoticeCheck {
  const conflicts: NoticeConflict[] = [];
  let placement: SubjectPlacement = null;
  let placementNotice: NoticeCheck['placementNotice'] = null;
  const reason = 'Ange skälet till att beslutet ändå fattas.';
  for (const notice of notices) {
    if (!concerns(notice, decision.casePersonIds)) continue;
    const has = (i: NoticeInstruction) => notice.instructions.includes(i);
    if (has('no_economic_aid') && rules.economicAidTypes.includes(decision.typeCode) && decision.granted === true) {
      conflicts.push(conflict(notice, 'no_economic_aid', reason));
    }
    if (has('no_emergency_accommodation') && rules.accommodationTypes.includes(decision.typeCode) && decision.granted !== false) {
      conflicts.push(conflict(notice, 'no_emergency_accommodation', reason));
    }
    if (has('contact_municipality_first')) {
      const contact = [notice.contactName, notice.contactPhone].filter(Boolean).join(', ');
      conflicts.push(conflict(notice, 'contact_municipality_first', `Ange att kommunen är kontaktad${contact ? ` (${contact})` : ''}, eller varför beslutet inte kunde vänta.`));
    }
    if (decision.subjectPersonId && notice.personIds.includes(decision.subjectPersonId)) {
      const fromNotice: SubjectPlacement = has('child_placed_sol') ? 'sol' : has('child_placed_lvu') ? 'lvu' : null;
      if (fromNotice !== null) {
        if (placement === null) {
          placement = fromNotice;
          placementNotice = { id: notice.id, title: notice.title };
        }
        if (decision.subjectPlacement !== null && decision.subjectPlacement !== fromNotice) {
          const instruction = fromNotice === 'sol' ? 'child_placed_sol' : 'child_placed_lvu';
          conflicts.push(conflict(notice, instruction, `Du har angett att barnet är placerat enligt ${decision.subjectPlacement === 'sol' ? 'socialtjänstlagen' : 'LVU'}. ${reason}`));
        }
      }
    }
  }
  return { conflicts, subjectPlacement: decision.subjectPlacement ?? placement, placementNotice: decision.subjectPlacement !== null ? null : placementNotice };
}

/** Granting emergency accommodation when closing a case, against a notice of a person in it. */
export function checkShelterAgainstNotices(casePersonIds: readonly string[], notices: readonly NoticeForCheck[]): NoticeConflict[] {
  return notices
    .filter((n) => n.instructions.includes('no_emergency_accommodation') && concerns(n, casePersonIds))
    .map((n) => conflict(n, 'no_emergency_accommodation', 'Ange skälet till att logi ändå beviljas.'));
}
