import {
  decisionDeadlines,
  parseSekToOre,
  validateDecision,
  validateWithdrawal,
  type DecisionTypeConfig,
  type LinkedDecision,
  type SubjectPlacement,
} from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { announce } from '../live/events.ts';
import { checkDecisionNotices, recordNoticeOverrides, requireNoticesAcknowledged } from '../notices/checks.ts';
import { loadCase, requireWrite } from './intake.ts';

const TIME_ZONE = 'Europe/Stockholm';

/** The domain names fields by meaning; the form names them as the contract does. */
const formField: Record<string, string> = {
  decisionMaker: 'makerKind',
  linkedDecision: 'linkedDecisionId',
  'subject.birthDate': 'subjectPersonId',
  subject: 'subjectPersonId',
};

export interface DecisionRequest {
  typeCode: string;
  decidedAt: string | null;
  makerKind: 'politician' | 'delegation';
  makerName: string;
  makerCapacity: string;
  communicatedVia: 'phone' | 'digital_signature' | 'paper' | 'in_person';
  signedAt: string | null;
  grounds: string;
  subjectPersonId: string | null;
  subjectPlacement?: SubjectPlacement | null | undefined;
  granted: boolean | null;
  amountSek: string | null;
  linkedDecisionId: string | null;
  specialCircumstances: string | null;
  noticeOverrideReason: string | null;
}

async function loadDecisionType(ctx: Ctx, organisationId: string, code: string): Promise<DecisionTypeConfig> {
  const type = await ctx.trx.selectFrom('decision_type').selectAll().where('organisation_id', '=', organisationId).where('code', '=', code).executeTakeFirst();
  if (!type || !type.is_active) throw new AppError('validation', 'Välj en beslutstyp ur listan.', 'typeCode');
  const bases = await ctx.trx.selectFrom('decision_type_legal_basis').selectAll().where('organisation_id', '=', organisationId).where('decision_type_code', '=', code).orderBy('valid_from').execute();
  return {
    code: type.code,
    name: type.name,
    decidedBy: type.decided_by,
    subjectMaxAgeExclusive: type.subject_max_age_exclusive,
    isGrantable: type.is_grantable,
    legalBases: bases.map((b) => ({ reference: b.reference, validFrom: b.valid_from, validTo: b.valid_to })),
  };
}

/**
 * Record a decision with legal force. The domain's rules decide whether it
 * may be taken (who decides, the subject's age, the legal basis in force that
 * day, police assistance only for an LVU decision of the same child); the
 * legal deadlines it starts are stored with it until the municipality confirms them.
 */
export async function recordDecision(ctx: Ctx, caseId: string, input: DecisionRequest) {
  const actor = requireWrite(ctx);
  const row = await loadCase(ctx, caseId);
  if (row.status !== 'open') throw new AppError('conflict', 'Ärendet är avslutat; registrera beslutet i ett nytt ärende.');
  await requireNoticesAcknowledged(ctx, caseId);
  const type = await loadDecisionType(ctx, actor.organisationId, input.typeCode);
  const decidedAt = input.decidedAt ?? ctx.now.toISOString();

  let subjectBirthDate: string | null = null;
  if (input.subjectPersonId) {
    const subject = await ctx.trx
      .selectFrom('case_person as cp')
      .innerJoin('person as p', 'p.id', 'cp.person_id')
      .select(['p.birth_date'])
      .where('cp.case_id', '=', caseId)
      .where('cp.person_id', '=', input.subjectPersonId)
      .executeTakeFirst();
    if (!subject) throw new AppError('validation', 'Personen som beslutet gäller ska finnas i ärendet.', 'subjectPersonId');
    subjectBirthDate = subject.birth_date;
  }
  let linked: LinkedDecision | null = null;
  if (input.linkedDecisionId) {
    const found = await ctx.trx
      .selectFrom('decision')
      .select(['id', 'type_code', 'status', 'subject_person_id'])
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', input.linkedDecisionId)
      .executeTakeFirst();
    if (!found) throw new AppError('validation', 'Det kopplade beslutet finns inte.', 'linkedDecisionId');
    linked = { id: found.id, typeCode: found.type_code, status: found.status, subjectPersonId: found.subject_person_id };
  }
  // Against a notice's instruction only with a stated reason; a notice's placement (SoL/LVU) counts when none is stated.
  const notices = await checkDecisionNotices(ctx, caseId, {
    typeCode: type.code,
    granted: type.isGrantable ? input.granted : null,
    subjectPersonId: input.subjectPersonId,
    subjectPlacement: input.subjectPlacement ?? null,
    noticeOverrideReason: input.noticeOverrideReason,
  });
  const amountOre = input.amountSek === null ? null : parseSekToOre(input.amountSek);
  if (input.amountSek !== null && amountOre === null) throw new AppError('validation', 'Ange belopp i kronor, t.ex. 500 eller 500,50.', 'amountSek');

  const result = validateDecision(
    {
      typeCode: type.code,
      decidedAt,
      decisionMaker: { kind: input.makerKind },
      subjectPersonId: input.subjectPersonId,
      subject: input.subjectPersonId ? { birthDate: subjectBirthDate } : null,
      linkedDecision: linked,
      specialCircumstances: input.specialCircumstances,
      granted: input.granted,
    },
    { decisionType: type, timeZone: TIME_ZONE, now: new Date(ctx.now.getTime() + 5 * 60_000).toISOString(), subjectPlacement: notices.subjectPlacement },
  );
  if (!result.ok) {
    const first = result.errors[0]!;
    const fromNotice = first.code === 'sol_placement' && notices.placementNotice ? ` (Uppgiften om placeringen kommer från aviseringen ”${notices.placementNotice.title}”.)` : '';
    throw new AppError('validation', first.message + fromNotice, formField[first.field] ?? first.field, {
      errors: result.errors.map((e) => ({ field: formField[e.field] ?? e.field, code: e.code, message: e.message })),
    });
  }

  const decision = await ctx.trx
    .insertInto('decision')
    .values({
      case_id: caseId,
      organisation_id: actor.organisationId,
      type_code: type.code,
      legal_reference: result.legalBasis.reference,
      decided_at: new Date(decidedAt),
      maker_kind: input.makerKind,
      maker_name: input.makerName,
      maker_capacity: input.makerCapacity,
      communicated_via: input.communicatedVia,
      signed_at: input.signedAt ? new Date(input.signedAt) : null,
      grounds: input.grounds,
      subject_person_id: input.subjectPersonId,
      granted: type.isGrantable ? input.granted : null,
      amount_ore: amountOre,
      linked_decision_id: input.linkedDecisionId,
      special_circumstances: input.specialCircumstances,
      notice_override_reason: input.noticeOverrideReason,
      recorded_by: actor.userId,
      recorded_by_name: ctx.principal.displayName,
      recorded_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordNoticeOverrides(ctx, caseId, decision.id, notices.conflicts, input.noticeOverrideReason ?? '', row.municipality_code);
  const deadlines = decisionDeadlines(type.code, decidedAt, TIME_ZONE);
  if (deadlines.length > 0) {
    await ctx.trx
      .insertInto('legal_deadline')
      .values(
        deadlines.map((d) => ({
          decision_id: decision.id,
          case_id: caseId,
          organisation_id: actor.organisationId,
          municipality_code: row.municipality_code,
          kind: d.kind,
          label: d.label,
          legal_reference: d.legalReference,
          nominal_date: d.nominalDate,
          moved_date: d.movedDate,
        })),
      )
      .execute();
  }
  await ctx.audit({
    action: 'decision.recorded',
    entityType: 'decision',
    entityId: decision.id,
    personId: input.subjectPersonId,
    municipalityCode: row.municipality_code,
    details: { caseId, typeCode: type.code, makerKind: input.makerKind, deadlines: deadlines.length },
  });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'case', id: caseId, municipalityCode: row.municipality_code });
  return decision.id;
}

/** Withdraw a decision (police assistance, when its basis falls), with a reason. */
export async function withdrawDecision(ctx: Ctx, caseId: string, decisionId: string, reason: string) {
  requireWrite(ctx);
  const row = await loadCase(ctx, caseId);
  const decision = await ctx.trx.selectFrom('decision').selectAll().where('case_id', '=', caseId).where('id', '=', decisionId).executeTakeFirst();
  if (!decision) throw new AppError('not_found', 'Beslutet finns inte i ärendet.');
  const checked = validateWithdrawal({ decision: { typeCode: decision.type_code, status: decision.status, decidedAt: decision.decided_at.toISOString() }, reason, withdrawnAt: ctx.now.toISOString() });
  if (!checked.ok) throw new AppError('validation', checked.errors[0]!.message, checked.errors[0]!.field === 'reason' ? 'reason' : undefined);
  await ctx.trx.updateTable('decision').set({ status: 'withdrawn', withdrawn_at: ctx.now, withdrawn_reason: checked.reason }).where('id', '=', decisionId).execute();
  await ctx.audit({ action: 'decision.withdrawn', entityType: 'decision', entityId: decisionId, personId: decision.subject_person_id, municipalityCode: row.municipality_code, details: { caseId } });
  await announce(ctx.trx, { organisationId: row.organisation_id, topic: 'case', id: caseId, municipalityCode: row.municipality_code });
}
