// Rules for recording a decision with legal force (myndighetsutövning) and for
// withdrawing one. Pure: the decision type, the time zone, the clock and what is
// known about the child's placement are parameters.
import { Temporal } from 'temporal-polyfill';
import { isIsoDate } from '../calendar/dates.ts';
import { localDateOf } from '../calendar/time.ts';
import { legalBasisOn } from '../organisation/presets.ts';
import type { DecisionMaker, DecisionTypeConfig, LegalBasisConfig } from '../organisation/types.ts';
import { ageOn } from '../persons/identity.ts';

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';
/** Decision types whose decision an LVU 43 § police assistance may carry out. */
export const DEFAULT_LVU_BASIS_CODES: readonly string[] = ['LVU6'];
/** Police assistance under 43 § LVU. */
export const DEFAULT_HANDRACKNING_CODES: readonly string[] = ['LVU43'];
/** Decision types the jour may withdraw (a police assistance whose basis has fallen). */
export const DEFAULT_WITHDRAWABLE_CODES: readonly string[] = ['LVU43'];

export type DecisionStatus = 'active' | 'withdrawn' | 'lapsed';

/** What a municipality's notice or the case says about how the child is placed. */
export type SubjectPlacement = 'sol' | 'lvu' | null;

export interface LinkedDecision {
  id?: string;
  typeCode: string;
  status: DecisionStatus;
  subjectPersonId: string | null;
}

export interface DecisionInput {
  typeCode: string;
  /** RFC 3339 instant */
  decidedAt: string;
  decisionMaker: { kind: DecisionMaker };
  subjectPersonId: string | null;
  /** the person the decision concerns; `birthDate` null when unknown */
  subject: { birthDate: string | null } | null;
  /** for a police assistance: the LVU decision it carries out */
  linkedDecision?: LinkedDecision | null;
  /** for a police assistance: the written special circumstances or exceptional reasons */
  specialCircumstances?: string | null;
  /** for a grantable type: granted (true) or refused (false) */
  granted?: boolean | null;
}

export interface DecisionContext {
  decisionType: DecisionTypeConfig;
  /** default Europe/Stockholm */
  timeZone?: string;
  /** when set, a decision time after it is refused */
  now?: string;
  subjectPlacement?: SubjectPlacement;
  lvuBasisCodes?: readonly string[];
  handrackningCodes?: readonly string[];
}

export type DecisionErrorCode =
  | 'type_mismatch'
  | 'invalid_time'
  | 'in_future'
  | 'maker_not_allowed'
  | 'subject_missing'
  | 'birth_date_missing'
  | 'birth_date_invalid'
  | 'too_old'
  | 'no_legal_basis'
  | 'lvu_basis_missing'
  | 'lvu_basis_wrong_type'
  | 'lvu_basis_not_active'
  | 'lvu_basis_other_person'
  | 'special_circumstances_missing'
  | 'sol_placement'
  | 'granted_missing';

export interface DecisionError {
  field: string;
  code: DecisionErrorCode;
  /** Swedish, for the UI */
  message: string;
}

export type DecisionValidation =
  | { ok: true; /** the local date of the decision */ decisionDate: string; legalBasis: LegalBasisConfig }
  | { ok: false; errors: DecisionError[] };

function parseInstant(value: string): Temporal.Instant | null {
  try {
    return Temporal.Instant.from(value);
  } catch {
    return null;
  }
}

/**
 * Validates a decision before it is recorded:
 * - the maker's kind matches the type (a politician-only type by a social worker is refused, JO 956-2008);
 * - a type with an age limit needs the subject's birth date and an age under the limit on the decision's local date;
 * - a legal basis of the type is in force on the decision's local date;
 * - a police assistance (43 § LVU) carries out an active LVU decision for the same person, states the special
 *   circumstances in writing, and is refused for a child placed under the social services act;
 * - a grantable type says whether it is granted or refused.
 */
export function validateDecision(input: DecisionInput, context: DecisionContext): DecisionValidation {
  const type = context.decisionType;
  const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
  const errors: DecisionError[] = [];
  const add = (field: string, code: DecisionErrorCode, message: string) => errors.push({ field, code, message });

  if (input.typeCode !== type.code) add('typeCode', 'type_mismatch', `Beslutstypen ${input.typeCode} stämmer inte med konfigurationen (${type.code})`);

  const decidedAt = parseInstant(input.decidedAt);
  const decisionDate = decidedAt ? localDateOf(decidedAt, timeZone) : null;
  if (!decidedAt) add('decidedAt', 'invalid_time', 'Ange beslutstiden som datum och klockslag');
  else if (context.now !== undefined && Temporal.Instant.compare(decidedAt, Temporal.Instant.from(context.now)) > 0) {
    add('decidedAt', 'in_future', 'Beslutstiden ligger i framtiden');
  }

  if (type.decidedBy === 'politician' && input.decisionMaker.kind !== 'politician') {
    add(
      'decisionMaker',
      'maker_not_allowed',
      `${type.name} beslutas av nämnden eller, när nämndens beslut inte kan avvaktas, av ordföranden eller en annan ledamot som nämnden har förordnat. ` +
        'Beslutet kan inte delegeras till en tjänsteman, och ett sådant beslut saknar laglig grund (jfr JO 956-2008). Kontakta jourhavande politiker.',
    );
  }

  const isHandrackning = (context.handrackningCodes ?? DEFAULT_HANDRACKNING_CODES).includes(type.code);
  const needsSubject = type.subjectMaxAgeExclusive !== null || type.decidedBy === 'politician' || isHandrackning;
  if (needsSubject && !input.subjectPersonId) add('subjectPersonId', 'subject_missing', 'Ange vem beslutet gäller');

  if (type.subjectMaxAgeExclusive !== null) {
    const limit = type.subjectMaxAgeExclusive;
    const birthDate = input.subject?.birthDate ?? null;
    if (birthDate === null) {
      add(
        'subject.birthDate',
        'birth_date_missing',
        `Ange födelsedatum för den som beslutet gäller: ${type.name} får bara avse den som är under ${limit} år på beslutsdagen`,
      );
    } else if (!isIsoDate(birthDate) || (decisionDate !== null && birthDate > decisionDate)) {
      add('subject.birthDate', 'birth_date_invalid', 'Födelsedatumet är ogiltigt eller ligger efter beslutsdagen');
    } else if (decisionDate !== null) {
      const age = ageOn(birthDate, decisionDate);
      if (age >= limit) {
        add('subject.birthDate', 'too_old', `Personen är ${age} år på beslutsdagen ${decisionDate}. ${type.name} får bara avse den som är under ${limit} år.`);
      }
    }
  }

  const legalBasis = decisionDate !== null ? legalBasisOn(type, decisionDate) : null;
  if (decisionDate !== null && legalBasis === null) {
    add('typeCode', 'no_legal_basis', `${type.name} saknar ett lagrum som gäller på beslutsdagen ${decisionDate}`);
  }

  if (isHandrackning) checkHandrackning(input, context, add);

  if (type.isGrantable && typeof input.granted !== 'boolean') add('granted', 'granted_missing', 'Ange om ansökan beviljas eller avslås');

  if (errors.length > 0 || decisionDate === null || legalBasis === null) return { ok: false, errors };
  return { ok: true, decisionDate, legalBasis };
}

function checkHandrackning(
  input: DecisionInput,
  context: DecisionContext,
  add: (field: string, code: DecisionErrorCode, message: string) => void,
): void {
  const basisCodes = context.lvuBasisCodes ?? DEFAULT_LVU_BASIS_CODES;
  const linked = input.linkedDecision ?? null;
  if (context.subjectPlacement === 'sol') {
    add(
      'subjectPlacement',
      'sol_placement',
      'Barnet är enligt uppgift placerat med stöd av socialtjänstlagen (SoL). Handräckning enligt 43 § LVU kan bara begäras för att genomföra ett beslut enligt LVU, ' +
        'aldrig en frivillig placering: ett barn som är placerat enligt SoL kan inte handräckas. Ett sådant beslut har tidigare fått hävas och rapporterats som avvikelse. ' +
        'Kontrollera enligt vilket lagrum barnet är placerat; om barnet nu är omhändertaget enligt LVU, rätta uppgiften om placeringen först.',
    );
  }
  if (linked === null) {
    add(
      'linkedDecision',
      'lvu_basis_missing',
      'Handräckning enligt 43 § LVU kräver ett gällande beslut enligt LVU som ska genomföras. Koppla beslutet (t.ex. omedelbart omhändertagande enligt 6 § LVU).',
    );
  } else {
    if (!basisCodes.includes(linked.typeCode)) {
      add('linkedDecision', 'lvu_basis_wrong_type', `Det kopplade beslutet (${linked.typeCode}) är inte ett beslut enligt LVU som kan genomföras med handräckning`);
    }
    if (linked.status !== 'active') {
      add('linkedDecision', 'lvu_basis_not_active', 'Det kopplade LVU-beslutet gäller inte längre (återkallat eller upphört). Handräckning kan inte begäras.');
    }
    if (!input.subjectPersonId || linked.subjectPersonId !== input.subjectPersonId) {
      add('linkedDecision', 'lvu_basis_other_person', 'Det kopplade LVU-beslutet gäller en annan person än handräckningen');
    }
  }
  if (!(input.specialCircumstances ?? '').trim()) {
    add(
      'specialCircumstances',
      'special_circumstances_missing',
      'Beskriv skriftligt de särskilda omständigheter som gör att åtgärden inte kan genomföras utan polisens medverkan, eller de synnerliga skälen (jfr JO 1598-2020)',
    );
  }
}

// ---------------------------------------------------------------------------
// Withdrawal

export interface WithdrawalInput {
  decision: { typeCode: string; status: DecisionStatus; decidedAt: string };
  reason: string;
  /** RFC 3339 instant */
  withdrawnAt: string;
}

export type WithdrawalValidation = { ok: true; reason: string } | { ok: false; errors: { field: string; message: string }[] };

/** A withdrawable decision (by default a police assistance) that is active can be withdrawn with a reason. */
export function validateWithdrawal(
  input: WithdrawalInput,
  options: { withdrawableCodes?: readonly string[] } = {},
): WithdrawalValidation {
  const errors: { field: string; message: string }[] = [];
  if (!(options.withdrawableCodes ?? DEFAULT_WITHDRAWABLE_CODES).includes(input.decision.typeCode)) {
    errors.push({ field: 'typeCode', message: 'Beslut av den här typen kan inte återkallas av jouren' });
  }
  if (input.decision.status !== 'active') errors.push({ field: 'status', message: 'Beslutet är redan återkallat eller har upphört' });
  const reason = input.reason.trim();
  if (!reason) errors.push({ field: 'reason', message: 'Ange skälet till att beslutet återkallas' });
  const withdrawnAt = parseInstant(input.withdrawnAt);
  const decidedAt = parseInstant(input.decision.decidedAt);
  if (!withdrawnAt) errors.push({ field: 'withdrawnAt', message: 'Ange tiden för återkallelsen som datum och klockslag' });
  else if (decidedAt && Temporal.Instant.compare(withdrawnAt, decidedAt) < 0) {
    errors.push({ field: 'withdrawnAt', message: 'Återkallelsen kan inte ligga före beslutet' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, reason };
}

export interface DecisionLink {
  id: string;
  typeCode: string;
  status: DecisionStatus;
  linkedDecisionId: string | null;
}

/**
 * When an LVU decision is withdrawn or lapses, the active police assistances
 * that carry it out have lost their basis and should be withdrawn: their ids.
 */
export function decisionsLosingBasis(
  basisDecisionId: string,
  decisions: readonly DecisionLink[],
  handrackningCodes: readonly string[] = DEFAULT_HANDRACKNING_CODES,
): string[] {
  return decisions
    .filter((d) => d.linkedDecisionId === basisDecisionId && d.status === 'active' && handrackningCodes.includes(d.typeCode))
    .map((d) => d.id);
}
