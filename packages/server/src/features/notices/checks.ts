import {
  checkDecisionAgainstNotices,
  checkShelterAgainstNotices,
  defaultNoticeRules,
  type NoticeConflict,
  type NoticeRules,
  type SubjectPlacement,
} from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { actorOf, todayOf } from '../persons/service.ts';
import { instructionsOf } from './present.ts';
import * as repo from './repository.ts';

/**
 * The checks the case feature makes against the notices of a case's persons.
 * They see every municipality's notices (the jour works the case), whatever
 * the reader of the case may later see.
 */

async function activeNoticesOfCase(ctx: Ctx, caseId: string) {
  const personIds = await repo.casePersonIds(ctx.trx, caseId);
  const notices = await repo.activeNoticesOfPersons(ctx.trx, { kind: 'organisation', organisationId: actorOf(ctx).organisationId }, personIds, todayOf(ctx));
  return { personIds, notices };
}

/**
 * A must-read notice of a person in the case has to be acknowledged in the
 * case (its current version) before the case can go on: journal entries,
 * decisions and closing are refused until then.
 */
export async function requireNoticesAcknowledged(ctx: Ctx, caseId: string): Promise<void> {
  const { notices } = await activeNoticesOfCase(ctx, caseId);
  const mustRead = notices.filter((n) => n.level === 'must_read');
  if (mustRead.length === 0) return;
  const acks = await repo.acknowledgementsInCase(ctx.trx, caseId);
  const open = mustRead.filter((n) => !acks.some((a) => a.notice_id === n.id && a.notice_version === n.version));
  if (open.length === 0) return;
  const names = open.map((n) => `”${n.title}” (${n.municipality_name})`).join(', ');
  throw new AppError(
    'validation',
    `Ärendet gäller en person med en avisering som måste läsas: ${names}. Läs aviseringen och kvittera den innan du fortsätter med ärendet.`,
    'notices',
    { notices: open.map((n) => ({ id: n.id, title: n.title, municipalityCode: n.municipality_code })) },
  );
}

async function rulesOf(ctx: Ctx): Promise<NoticeRules> {
  const org = await ctx.trx.selectFrom('organisation').select('settings').where('id', '=', actorOf(ctx).organisationId).executeTakeFirstOrThrow();
  const stored = (org.settings as { noticeRules?: Partial<NoticeRules> }).noticeRules;
  return { ...defaultNoticeRules, ...stored };
}

function refuse(conflicts: NoticeConflict[]): never {
  throw new AppError('validation', conflicts.map((c) => c.message).join(' '), 'noticeOverrideReason', {
    conflicts: conflicts.map((c) => ({ noticeId: c.noticeId, noticeTitle: c.noticeTitle, instruction: c.instruction })),
  });
}

export interface DecisionNoticeCheck {
  subjectPlacement: SubjectPlacement;
  placementNotice: { id: string; title: string } | null;
  conflicts: NoticeConflict[];
}

/**
 * Check a decision against the notices of the case's persons. A decision that
 * goes against a notice's instruction is refused without a stated reason
 * (field noticeOverrideReason, the message naming the notice). The placement
 * a notice gives is what the legal rules judge a police assistance by.
 */
export async function checkDecisionNotices(
  ctx: Ctx,
  caseId: string,
  decision: { typeCode: string; granted: boolean | null; subjectPersonId: string | null; subjectPlacement: SubjectPlacement; noticeOverrideReason: string | null },
): Promise<DecisionNoticeCheck> {
  const { personIds, notices } = await activeNoticesOfCase(ctx, caseId);
  if (notices.length === 0) return { subjectPlacement: decision.subjectPlacement, placementNotice: null, conflicts: [] };
  const result = checkDecisionAgainstNotices(
    { typeCode: decision.typeCode, granted: decision.granted, subjectPersonId: decision.subjectPersonId, subjectPlacement: decision.subjectPlacement, casePersonIds: personIds },
    notices.map((n) => ({ id: n.id, title: n.title, municipalityName: n.municipality_name, instructions: instructionsOf(n), personIds: n.personIds, contactName: n.contact_name, contactPhone: n.contact_phone })),
    await rulesOf(ctx),
  );
  if (result.conflicts.length > 0 && !decision.noticeOverrideReason?.trim()) refuse(result.conflicts);
  return result;
}

/** Granting emergency accommodation at closing, against a notice: refused without a stated reason. */
export async function checkShelterNotices(ctx: Ctx, caseId: string, reason: string | null): Promise<NoticeConflict[]> {
  const { personIds, notices } = await activeNoticesOfCase(ctx, caseId);
  const conflicts = checkShelterAgainstNotices(
    personIds,
    notices.map((n) => ({ id: n.id, title: n.title, municipalityName: n.municipality_name, instructions: instructionsOf(n), personIds: n.personIds, contactName: n.contact_name, contactPhone: n.contact_phone })),
  );
  if (conflicts.length > 0 && !reason?.trim()) refuse(conflicts);
  return conflicts;
}

/** Record the instructions a decision (or a closing) went against, with the reason, in the case's history. */
export async function recordNoticeOverrides(ctx: Ctx, caseId: string, decisionId: string | null, conflicts: NoticeConflict[], reason: string, municipalityCode: string) {
  if (conflicts.length === 0) return;
  const actor = actorOf(ctx);
  await ctx.trx
    .insertInto('notice_override')
    .values(
      conflicts.map((c) => ({
        notice_id: c.noticeId,
        case_id: caseId,
        decision_id: decisionId,
        instruction: c.instruction,
        reason: reason.trim(),
        recorded_by: actor.userId,
        recorded_by_name: ctx.principal.displayName,
        recorded_at: ctx.now,
      })),
    )
    .execute();
  for (const c of conflicts) {
    await ctx.audit({ action: 'notice.overridden', entityType: 'notice', entityId: c.noticeId, municipalityCode, details: { caseId, decisionId, instruction: c.instruction } });
  }
}
