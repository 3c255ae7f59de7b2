import { ageOn, formatOre, formatPersonnummer } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { caseNotices, noticeOverridesOfCase } from '../notices/present.ts';
import { displayNameOf, isProtected, todayOf } from '../persons/service.ts';
import { loadCase } from './intake.ts';
import { protectionAssessmentState } from './protection.ts';
import * as repo from './repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCasePerson(p: repo.CasePersonRow, today: string) {
  const hidden = isProtected(p);
  return {
    id: p.id,
    displayName: displayNameOf(p),
    isProtected: hidden,
    role: p.role,
    whereNow: hidden ? null : p.where_now,
    identityNumber: hidden || !p.identity_number ? null : p.identity_kind === 'reservnummer' ? p.identity_number : formatPersonnummer(p.identity_number),
    age: hidden || !p.birth_date ? null : ageOn(p.birth_date, today),
    birthYear: hidden ? null : p.birth_date ? Number(p.birth_date.slice(0, 4)) : p.birth_year_approx,
  };
}

export function presentDeadline(d: Awaited<ReturnType<typeof repo.deadlinesOfCase>>[number]) {
  return {
    id: d.id,
    caseId: d.case_id,
    kind: d.kind,
    label: d.label,
    legalReference: d.legal_reference,
    nominalDate: d.nominal_date,
    movedDate: d.moved_date,
    municipalityCode: d.municipality_code,
    confirmedAt: iso(d.confirmed_at),
    confirmedByName: d.confirmed_by_name,
  };
}

/** Everything about a case, for the case page and the handover report. Each person shown is a logged read. */
export async function buildCaseView(ctx: Ctx, caseId: string) {
  const row = await loadCase(ctx, caseId);
  const today = todayOf(ctx);
  const [persons, triage, journal, decisions, deadlines, time, costs, reports, municipality, types] = await Promise.all([
    repo.casePersons(ctx.trx, [caseId]),
    repo.triageHistory(ctx.trx, caseId),
    repo.journal(ctx.trx, caseId),
    repo.decisions(ctx.trx, caseId),
    repo.deadlinesOfCase(ctx.trx, caseId),
    repo.timeEntries(ctx.trx, caseId),
    repo.directCosts(ctx.trx, caseId),
    repo.handoverReports(ctx.trx, caseId),
    ctx.trx.selectFrom('municipality').select('name').where('organisation_id', '=', row.organisation_id).where('code', '=', row.municipality_code).executeTakeFirst(),
    ctx.trx.selectFrom('decision_type').select(['code', 'name']).where('organisation_id', '=', row.organisation_id).execute(),
  ]);
  const typeName = new Map(types.map((t) => [t.code, t.name]));
  const [notices, overrides] = await Promise.all([
    caseNotices(ctx, caseId, persons.map((p) => p.id), row.status === 'open'),
    noticeOverridesOfCase(ctx, caseId),
  ]);
  const hasProtectionAssessment = journal.some((j) => j.kind === 'protection_assessment');
  const protection = protectionAssessmentState(row, hasProtectionAssessment, ctx.now);
  const totalMinutes = time.reduce((s, t) => s + t.minutes, 0) + row.minutes_imported;
  const totalOre = costs.reduce((s, c) => s + Number(c.amount_ore), 0);
  return {
    id: row.id,
    caseNumber: row.case_number,
    caseType: row.case_type,
    receivedAt: row.received_at.toISOString(),
    contactChannel: row.contact_channel as 'polis',
    // A reporter who asked to stay anonymous is still known to the jour; the handover report says so.
    reporterName: row.reporter_name,
    reporterOrganisation: row.reporter_organisation,
    reporterPhone: row.reporter_phone,
    reporterIsMandated: row.reporter_is_mandated,
    reporterWantsSecrecy: row.reporter_wants_secrecy,
    municipalityCode: row.municipality_code,
    municipalityName: municipality?.name ?? 'Annan kommun',
    isMember: row.is_member,
    categoryCode: row.category_code,
    youthCrime: row.youth_crime,
    summary: row.summary,
    concernsChild: row.concerns_child,
    priority: row.priority,
    triageCriteria: row.triage_criteria,
    status: row.status,
    closedAt: iso(row.closed_at),
    nextSteps: row.next_steps,
    shelterRequested: row.shelter_requested,
    shelterGranted: row.shelter_granted,
    hasProtectionAssessment,
    protectionAssessmentDue: protection.due,
    persons: persons.map((p) => presentCasePerson(p, today)),
    triage: triage.map((t) => ({
      priority: t.priority,
      suggestedPriority: t.suggested_priority,
      criteria: t.criteria,
      matchedRule: t.matched_rule,
      overrideReason: t.override_reason,
      triagedBy: t.triaged_by_name,
      triagedAt: t.triaged_at.toISOString(),
    })),
    journal: journal.map((j) => ({
      id: j.id,
      kind: j.kind,
      actionType: j.action_type,
      body: j.body,
      correctsEntryId: j.corrects_entry_id,
      correctedBy: journal.filter((c) => c.corrects_entry_id === j.id).map((c) => c.id),
      calledAt: iso(j.called_at),
      arrivedAt: iso(j.arrived_at),
      turnOutMinutes: j.called_at && j.arrived_at ? Math.round((j.arrived_at.getTime() - j.called_at.getTime()) / 60_000) : null,
      authorName: j.author_name,
      writtenAt: j.written_at.toISOString(),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      typeCode: d.type_code,
      typeName: typeName.get(d.type_code) ?? d.type_code,
      legalReference: d.legal_reference,
      decidedAt: d.decided_at.toISOString(),
      makerKind: d.maker_kind,
      makerName: d.maker_name,
      makerCapacity: d.maker_capacity,
      communicatedVia: d.communicated_via,
      signedAt: iso(d.signed_at),
      grounds: d.grounds,
      subjectPersonId: d.subject_person_id,
      granted: d.granted,
      amountSek: d.amount_ore === null ? null : formatOre(Number(d.amount_ore)),
      linkedDecisionId: d.linked_decision_id,
      specialCircumstances: d.special_circumstances,
      status: d.status,
      withdrawnAt: iso(d.withdrawn_at),
      withdrawnReason: d.withdrawn_reason,
      noticeOverrideReason: d.notice_override_reason,
      recordedByName: d.recorded_by_name,
      deadlines: deadlines.filter((x) => x.decision_id === d.id).map(presentDeadline),
      noticeOverrides: overrides.filter((o) => o.decisionId === d.id).map((o) => o.view),
    })),
    timeEntries: time.map((t) => ({ id: t.id, userName: t.user_name, workDate: t.work_date, minutes: t.minutes, note: t.note })),
    totalMinutes,
    costs: costs.map((c) => ({ id: c.id, kind: c.kind, amountSek: formatOre(Number(c.amount_ore)), costDate: c.cost_date, note: c.note, recordedByName: c.recorded_by_name })),
    totalCostSek: formatOre(totalOre),
    handoverReports: reports.map((r) => ({ id: r.id, createdAt: r.created_at.toISOString() })),
    version: row.version,
    notices,
    noticeOverrides: overrides.map((o) => o.view),
  };
}

/** The case page: the view, and one audit event for each person it shows. */
export async function getCase(ctx: Ctx, caseId: string) {
  const view = await buildCaseView(ctx, caseId);
  const personIds = view.persons.map((p) => p.id);
  if (personIds.length === 0) await ctx.audit({ action: 'case.read', entityType: 'case', entityId: caseId, municipalityCode: view.municipalityCode });
  for (const personId of personIds) await ctx.audit({ action: 'case.read', entityType: 'case', entityId: caseId, personId, municipalityCode: view.municipalityCode });
  return view;
}

