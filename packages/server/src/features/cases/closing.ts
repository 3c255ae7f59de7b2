import { canCloseCase, type JsonValue } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { markReportRead } from '../deliveries/service.ts';
import { announce } from '../live/events.ts';
import { checkShelterNotices, recordNoticeOverrides, requireNoticesAcknowledged } from '../notices/checks.ts';
import { noticesForMunicipality } from '../notices/present.ts';
import { actorOf } from '../persons/service.ts';
import { staleCase, requireWrite, loadCase } from './intake.ts';
import { buildCaseView } from './view.ts';

export type CaseViewData = Awaited<ReturnType<typeof buildCaseView>>;

export interface HandoverReport {
  organisation: { name: string; phone: string };
  municipality: { code: string; name: string };
  generatedAt: string;
  case: CaseViewData;
  /** protected persons: identity kept for the municipality, address and contact never sent */
  protectedPersons: { displayName: string; identityNumber: string | null }[];
  /** what the home municipality must do next */
  toDo: string[];
}

function toDoOf(view: CaseViewData): string[] {
  const items: string[] = [];
  if (view.nextSteps) items.push(view.nextSteps);
  for (const d of view.decisions) {
    for (const dl of d.deadlines) {
      if (dl.confirmedAt) continue;
      items.push(`${dl.label} (${d.typeName}): senast ${dl.nominalDate}${dl.movedDate !== dl.nominalDate ? ` – förlängt till ${dl.movedDate} enligt lag (1930:173), kontrollera om det gäller` : ''}.`);
    }
  }
  if (view.caseType === 'orosanmalan' || view.concernsChild) items.push('Förhandsbedömning av orosanmälan inom 14 dagar (11 kap. socialtjänstlagen).');
  if (view.concernsChild && !view.hasProtectionAssessment) items.push('Skyddsbedömning är inte dokumenterad av jouren: gör den omedelbart.');
  if (view.reporterWantsSecrecy) items.push('Anmälaren har begärt att få vara anonym: pröva sekretess enligt OSL 26 kap. innan uppgifter lämnas ut.');
  for (const o of view.noticeOverrides) {
    const decision = view.decisions.find((d) => d.noticeOverrides.some((x) => x.noticeId === o.noticeId && x.instruction === o.instruction && x.recordedAt === o.recordedAt));
    const what = decision ? `Beslutet ”${decision.typeName}”` : 'Jouren';
    const notice = o.noticeTitle ? `kommunens avisering ”${o.noticeTitle}”` : 'en avisering från en annan kommun';
    items.push(`${what} gick emot ${notice} (${o.instructionLabel.toLowerCase()}). Skäl: ${o.reason}`);
  }
  return items;
}

/**
 * Close a case at the jour or hand it over to the home municipality. A case
 * concerning a child needs a documented protection assessment first. Closing
 * produces the handover report, stored as the structured record the
 * municipality receives.
 */
export async function closeCase(ctx: Ctx, caseId: string, input: { outcome: 'closed' | 'handed_over'; nextSteps: string | null; shelterGranted: boolean; version: number; noticeOverrideReason?: string | null }) {
  const actor = requireWrite(ctx);
  const row = await loadCase(ctx, caseId);
  if (row.version !== input.version) throw staleCase();
  if (row.status !== 'open') throw new AppError('conflict', 'Ärendet är redan avslutat.');
  await requireNoticesAcknowledged(ctx, caseId);
  const hasAssessment = await ctx.trx.selectFrom('journal_entry').select('id').where('case_id', '=', caseId).where('kind', '=', 'protection_assessment').executeTakeFirst();
  const closable = canCloseCase({ concernsChild: row.concerns_child, hasProtectionAssessment: hasAssessment !== undefined });
  if (!closable.ok) {
    throw new AppError('validation', closable.reasons.map((r) => r.message).join(' '), 'protectionAssessment', { reasons: closable.reasons });
  }
  if (input.shelterGranted && !row.shelter_requested) throw new AppError('validation', 'Logi kan bara beviljas när någon har sökt logi.', 'shelterGranted');
  const shelterConflicts = input.shelterGranted ? await checkShelterNotices(ctx, caseId, input.noticeOverrideReason ?? null) : [];
  const result = await ctx.trx
    .updateTable('jour_case')
    .set({ status: input.outcome, closed_at: ctx.now, closed_by: actor.userId, next_steps: input.nextSteps, shelter_granted: input.shelterGranted, version: row.version + 1, updated_at: ctx.now })
    .where('id', '=', caseId)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw staleCase();
  await ctx.audit({ action: 'case.closed', entityType: 'case', entityId: caseId, municipalityCode: row.municipality_code, details: { outcome: input.outcome } });
  await recordNoticeOverrides(ctx, caseId, null, shelterConflicts, input.noticeOverrideReason ?? '', row.municipality_code);
  const report = await createHandoverReport(ctx, caseId);
  await announce(ctx.trx, { organisationId: row.organisation_id, topic: 'case', id: caseId, municipalityCode: row.municipality_code });
  return report;
}

export async function createHandoverReport(ctx: Ctx, caseId: string) {
  const actor = actorOf(ctx);
  // The home municipality receives its own notices only; another municipality's is not named.
  const built = await buildCaseView(ctx, caseId);
  const view = noticesForMunicipality(built, built.municipalityCode);
  const org = await ctx.trx.selectFrom('organisation').select(['name', 'phone']).where('id', '=', actor.organisationId).executeTakeFirstOrThrow();
  const persons = await ctx.trx
    .selectFrom('case_person as cp')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .select(['p.identity_number', 'p.protection', 'p.hidden_residence'])
    .where('cp.case_id', '=', caseId)
    .execute();
  const payload: HandoverReport = {
    organisation: { name: org.name, phone: org.phone },
    municipality: { code: view.municipalityCode, name: view.municipalityName },
    generatedAt: ctx.now.toISOString(),
    case: view,
    protectedPersons: persons
      .filter((p) => p.protection !== 'none' || p.hidden_residence)
      .map((p) => ({ displayName: 'Person med skyddade personuppgifter', identityNumber: p.identity_number })),
    toDo: toDoOf(view),
  };
  const row = await ctx.trx
    .insertInto('handover_report')
    .values({
      case_id: caseId,
      organisation_id: actor.organisationId,
      municipality_code: view.municipalityCode,
      created_at: ctx.now,
      created_by: actor.userId,
      payload: JSON.stringify(payload as unknown as JsonValue),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'handover.created', entityType: 'handover_report', entityId: row.id, municipalityCode: view.municipalityCode, details: { caseId } });
  return { id: row.id, payload };
}

/** A stored handover report; reading it is a read of every person in it. */
export async function getHandoverReport(ctx: Ctx, reportId: string): Promise<{ id: string; payload: HandoverReport }> {
  const actor = actorOf(ctx);
  let q = ctx.trx.selectFrom('handover_report').selectAll().where('organisation_id', '=', actor.organisationId).where('id', '=', reportId);
  if (actor.role === 'kommun') q = q.where('municipality_code', '=', actor.municipalityCode!);
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Jourrapporten finns inte.');
  if (actor.role === 'kommun') await markReportRead(ctx, row.id);
  const payload = row.payload as unknown as HandoverReport;
  const personIds = payload.case.persons.map((p) => p.id);
  if (personIds.length === 0) await ctx.audit({ action: 'handover.read', entityType: 'handover_report', entityId: reportId, municipalityCode: row.municipality_code });
  for (const personId of personIds) await ctx.audit({ action: 'handover.read', entityType: 'handover_report', entityId: reportId, personId, municipalityCode: row.municipality_code });
  return { id: row.id, payload };
}
