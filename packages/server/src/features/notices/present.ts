import { NOTICE_INSTRUCTION_LABELS, isNoticeInstruction, scopeOf, type NoticeInstruction } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { actorOf, todayOf } from '../persons/service.ts';
import * as repo from './repository.ts';

/**
 * How notices appear where a person comes up (search, person page, case):
 * scoped to what the reader may see (a kommun user: its own municipality's),
 * each read logged in the audit log, and a read by the jour's staff entered in
 * the notice's read log that the municipality follows.
 */

export function instructionsOf(row: Pick<repo.NoticeRow, 'instructions'>): NoticeInstruction[] {
  return (row.instructions as string[]).filter(isNoticeInstruction);
}

export function presentBrief(row: repo.NoticeRow, personIds: string[]) {
  const instructions = instructionsOf(row);
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    level: row.level,
    title: row.title,
    instructions,
    instructionLabels: instructions.map((i) => NOTICE_INSTRUCTION_LABELS[i]),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    personIds,
    requiresAcknowledgement: row.level === 'must_read',
  };
}

export function presentCard(row: repo.NoticeRow, personIds: string[]) {
  return {
    ...presentBrief(row, personIds),
    plan: row.plan,
    shouldDo: row.should_do,
    shouldNotDo: row.should_not_do,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    registeredVia: row.registered_via,
    phonedInBy: row.phoned_in_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Is the reader one of the jour's staff (whose reads the municipality sees)? */
function isJourStaff(ctx: Ctx): boolean {
  const role = actorOf(ctx).role;
  return role === 'socialsekreterare' || role === 'enhetschef';
}

type View = 'person_search' | 'person' | 'case' | 'case_registration' | 'notice';

/** Log reads of notices: one audit event per notice and person concerned, and the read log for the jour's staff. */
export async function logNoticeReads(ctx: Ctx, shown: { id: string; municipalityCode: string; personIds: string[] }[], view: View, full: boolean) {
  for (const notice of shown) {
    const persons = notice.personIds.length > 0 ? notice.personIds : [null];
    for (const personId of persons) {
      await ctx.audit({ action: 'notice.read', entityType: 'notice', entityId: notice.id, personId, municipalityCode: notice.municipalityCode, details: { view, full } });
    }
  }
  if (full && isJourStaff(ctx)) {
    const actor = actorOf(ctx);
    await repo.recordRead(ctx.trx, [...new Set(shown.map((n) => n.id))], actor.userId, ctx.principal.displayName, ctx.now);
  }
}

/** Notices in force in brief, per person (search results, a case just registered). */
export async function noticeBriefsOfPersons(ctx: Ctx, personIds: string[], view: View) {
  const byPerson = new Map<string, ReturnType<typeof presentBrief>[]>();
  const rows = await repo.activeNoticesOfPersons(ctx.trx, scopeOf(actorOf(ctx)), personIds, todayOf(ctx));
  for (const row of rows) {
    const brief = presentBrief(row, row.personIds);
    for (const personId of row.personIds) if (personIds.includes(personId)) byPerson.set(personId, [...(byPerson.get(personId) ?? []), brief]);
  }
  await logNoticeReads(
    ctx,
    rows.map((r) => ({ id: r.id, municipalityCode: r.municipality_code, personIds: r.personIds.filter((p) => personIds.includes(p)) })),
    view,
    false,
  );
  return byPerson;
}

/** A person's notices in force, in full (the person page). */
export async function noticeCardsOfPerson(ctx: Ctx, personId: string) {
  const rows = await repo.activeNoticesOfPersons(ctx.trx, scopeOf(actorOf(ctx)), [personId], todayOf(ctx));
  await logNoticeReads(ctx, rows.map((r) => ({ id: r.id, municipalityCode: r.municipality_code, personIds: [personId] })), 'person', true);
  return rows.map((r) => presentCard(r, r.personIds));
}

/** A case's notices in force, in full, with their acknowledgement in the case (the case page, the handover report). */
export async function caseNotices(ctx: Ctx, caseId: string, casePersonIds: string[], caseIsOpen: boolean) {
  const rows = await repo.activeNoticesOfPersons(ctx.trx, scopeOf(actorOf(ctx)), casePersonIds, todayOf(ctx));
  const acks = rows.length > 0 ? await repo.acknowledgementsInCase(ctx.trx, caseId) : [];
  await logNoticeReads(ctx, rows.map((r) => ({ id: r.id, municipalityCode: r.municipality_code, personIds: r.personIds.filter((p) => casePersonIds.includes(p)) })), 'case', true);
  return rows.map((r) => {
    const ack = acks.find((a) => a.notice_id === r.id && a.notice_version === r.version);
    return {
      ...presentCard(r, r.personIds),
      casePersonIds: r.personIds.filter((p) => casePersonIds.includes(p)),
      acknowledgement: ack ? { acknowledgedAt: ack.acknowledged_at.toISOString(), acknowledgedByName: ack.acknowledged_by_name } : null,
      blocksCase: caseIsOpen && r.level === 'must_read' && !ack,
    };
  });
}

/**
 * The overrides recorded in a case. Another municipality's notice is named
 * only to the jour: a kommun reader sees that a notice was overridden and why,
 * not the other municipality's notice.
 */
export async function noticeOverridesOfCase(ctx: Ctx, caseId: string) {
  const scope = scopeOf(actorOf(ctx));
  const rows = await repo.overridesOfCase(ctx.trx, caseId);
  return rows.map((o) => ({
    decisionId: o.decision_id,
    view: {
      noticeId: o.notice_id,
      noticeTitle: scope.kind === 'municipality' && scope.municipalityCode !== o.municipality_code ? null : o.title,
      municipalityCode: o.municipality_code,
      instruction: o.instruction as NoticeInstruction,
      instructionLabel: isNoticeInstruction(o.instruction) ? NOTICE_INSTRUCTION_LABELS[o.instruction] : o.instruction,
      reason: o.reason,
      recordedByName: o.recorded_by_name,
      recordedAt: o.recorded_at.toISOString(),
    },
  }));
}

type OverrideView = Awaited<ReturnType<typeof noticeOverridesOfCase>>[number]['view'];

/**
 * A case view as the home municipality receives it in the handover report:
 * only its own notices, and other municipalities' notices unnamed.
 */
export function noticesForMunicipality<V extends { notices: { municipalityCode: string }[]; noticeOverrides: OverrideView[]; decisions: { noticeOverrides: OverrideView[] }[] }>(view: V, municipalityCode: string): V {
  const redact = (o: OverrideView): OverrideView => (o.municipalityCode === municipalityCode ? o : { ...o, noticeTitle: null });
  return {
    ...view,
    notices: view.notices.filter((n) => n.municipalityCode === municipalityCode),
    noticeOverrides: view.noticeOverrides.map(redact),
    decisions: view.decisions.map((d) => ({ ...d, noticeOverrides: d.noticeOverrides.map(redact) })),
  };
}
