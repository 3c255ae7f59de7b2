// Retention (gallring): remove the personal data and free text of cases past
// their retention time, keep the de-identified facts the statistics count,
// and remove persons left without cases. The rules are the organisation's
// configuration (settings.retention); the verdicts are the domain's.
import { ageGroupOf, assessRetention, latestDueLastEntry, localDateOf, type JsonValue, type RetentionRules } from '@jourbok/domain';
import { sql } from 'kysely';
import type { Ctx, Trx } from '../../app/context.ts';
import { loadRetentionRules, organisationIdOf, TIME_ZONE } from './settings.ts';

export interface RetentionCandidate {
  caseId: string;
  caseNumber: string;
  receivedAt: string;
  lastEntryDate: string;
  eligibleFrom: string;
  removeBy: string;
  municipalityCode: string;
  categoryCode: string;
  personCount: number;
  verdict: 'remove' | 'keep_birth_day' | 'keep_placement';
  overdue: boolean;
  isImported: boolean;
}

export interface RetentionCounts {
  cases: number;
  journalEntries: number;
  decisions: number;
  casePersons: number;
  personsRemoved: number;
  personsKept: number;
  handoverReports: number;
  keptBirthDay: number;
  keptPlacement: number;
}

const CHUNK = 1000;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** The cases that are due on `today` (not open, not already retained), with the verdict of the rules. */
async function assessDueCases(trx: Trx, organisationId: string, rules: RetentionRules, today: string): Promise<RetentionCandidate[]> {
  const bound = latestDueLastEntry(today, rules);
  // The last entry of a case: received, closed, or the latest journal entry, triage, decision, time, cost or handover report.
  const due = await sql<{ id: string; case_number: string; received_at: Date; status: 'closed' | 'handed_over' | 'open'; municipality_code: string; category_code: string; concerns_child: boolean; is_imported: boolean; last_entry: string }>`
    with last as (
      select c.id, c.case_number, c.received_at, c.status, c.municipality_code, c.category_code, c.concerns_child, c.is_imported,
        to_char((greatest(c.received_at, c.closed_at,
          (select max(j.written_at) from journal_entry j where j.case_id = c.id),
          (select max(t.triaged_at) from triage_event t where t.case_id = c.id),
          (select max(greatest(d.decided_at, d.recorded_at, d.withdrawn_at, d.signed_at)) from decision d where d.case_id = c.id),
          (select max(te.recorded_at) from time_entry te where te.case_id = c.id),
          (select max(dc.recorded_at) from direct_cost dc where dc.case_id = c.id),
          (select max(h.created_at) from handover_report h where h.case_id = c.id)
        ) at time zone ${TIME_ZONE})::date, 'YYYY-MM-DD') as last_entry
      from jour_case c
      where c.organisation_id = ${organisationId}::uuid and c.retained_at is null and c.status <> 'open'
        and c.received_at < ${bound}::date + 1
    )
    select * from last where last_entry <= ${bound} order by received_at, case_number`.execute(trx);
  if (due.rows.length === 0) return [];
  const ids = due.rows.map((r) => r.id);
  const births = new Map<string, (string | null)[]>();
  const decisions = new Map<string, { typeCode: string; decidedOn: string; subjectBirthDate: string | null }[]>();
  for (const chunk of chunks(ids)) {
    const persons = await trx.selectFrom('case_person as cp').innerJoin('person as p', 'p.id', 'cp.person_id').select(['cp.case_id', 'p.birth_date']).where('cp.case_id', 'in', chunk).execute();
    for (const p of persons) births.set(p.case_id, [...(births.get(p.case_id) ?? []), p.birth_date]);
    const ds = await trx
      .selectFrom('decision as d')
      .leftJoin('person as p', 'p.id', 'd.subject_person_id')
      .select(['d.case_id', 'd.type_code', 'd.decided_at', 'p.birth_date'])
      .where('d.case_id', 'in', chunk)
      .where('d.status', '=', 'active')
      .execute();
    for (const d of ds) decisions.set(d.case_id, [...(decisions.get(d.case_id) ?? []), { typeCode: d.type_code, decidedOn: localDateOf(d.decided_at.toISOString(), TIME_ZONE), subjectBirthDate: d.birth_date }]);
    // An imported case brings decision counts only: a placement type counts as about a child when the case concerned a child.
    const imported = await trx.selectFrom('imported_decision').select(['case_id', 'type_code']).where('case_id', 'in', chunk).execute();
    for (const d of imported) decisions.set(d.case_id, [...(decisions.get(d.case_id) ?? []), { typeCode: d.type_code, decidedOn: '', subjectBirthDate: null }]);
  }
  const candidates: RetentionCandidate[] = [];
  for (const r of due.rows) {
    const assessment = assessRetention(
      {
        lastEntryDate: r.last_entry,
        status: r.status,
        birthDates: births.get(r.id) ?? [],
        decisions: (decisions.get(r.id) ?? []).map((d) => ({ ...d, decidedOn: d.decidedOn || r.last_entry, caseConcernsChild: r.concerns_child || r.category_code === 'barn_unga' })),
      },
      rules,
      today,
    );
    const v = assessment.verdict;
    if (v.kind !== 'remove' && v.kind !== 'keep_birth_day' && v.kind !== 'keep_placement') continue;
    candidates.push({
      caseId: r.id,
      caseNumber: r.case_number,
      receivedAt: r.received_at.toISOString(),
      lastEntryDate: r.last_entry,
      eligibleFrom: assessment.eligibleFrom,
      removeBy: assessment.removeBy,
      municipalityCode: r.municipality_code,
      categoryCode: r.category_code,
      personCount: births.get(r.id)?.length ?? 0,
      verdict: v.kind,
      overdue: v.kind === 'remove' && v.overdue,
      isImported: r.is_imported,
    });
  }
  return candidates;
}

/** Persons in these cases who would have no case left, and are not in a notice still valid or an open assignment. */
async function personsLeftWithoutCases(trx: Trx, caseIds: readonly string[], today: string): Promise<{ remove: string[]; keep: string[] }> {
  const affected = new Set<string>();
  for (const chunk of chunks(caseIds)) for (const r of await trx.selectFrom('case_person').select('person_id').where('case_id', 'in', chunk).execute()) affected.add(r.person_id);
  const remove: string[] = [];
  const keep: string[] = [];
  for (const chunk of chunks([...affected])) {
    const rows = await sql<{ id: string; other_case: boolean; in_use: boolean }>`
      select p.id,
        exists (select 1 from case_person cp where cp.person_id = p.id and not (cp.case_id = any(${caseIds}::uuid[]))) as other_case,
        (exists (select 1 from notice_person np join notice n on n.id = np.notice_id where np.person_id = p.id and n.status = 'active' and n.valid_to >= ${today}::date)
          or exists (select 1 from assignment_person ap join assignment a on a.id = ap.assignment_id where ap.person_id = p.id and a.status = 'open')) as in_use
      from person p where p.id = any(${chunk}::uuid[])`.execute(trx);
    for (const r of rows.rows) {
      if (r.other_case) continue;
      (r.in_use ? keep : remove).push(r.id);
    }
  }
  return { remove, keep };
}

export async function previewRetention(ctx: Ctx, options: { today?: string; limit?: number } = {}) {
  const organisationId = organisationIdOf(ctx);
  const rules = await loadRetentionRules(ctx);
  const today = options.today ?? localDateOf(ctx.now.toISOString(), TIME_ZONE);
  const candidates = await assessDueCases(ctx.trx, organisationId, rules, today);
  const removing = candidates.filter((c) => c.verdict === 'remove');
  const persons = await personsLeftWithoutCases(ctx.trx, removing.map((c) => c.caseId), today);
  const preview = {
    today,
    rules,
    toRemove: removing.length,
    overdue: removing.filter((c) => c.overdue).length,
    kept: { birthDay: candidates.filter((c) => c.verdict === 'keep_birth_day').length, placement: candidates.filter((c) => c.verdict === 'keep_placement').length },
    personsToRemove: persons.remove.length,
    // registered cases first (they hold persons and text), then the oldest
    candidates: [...candidates].sort((a, b) => Number(a.isImported) - Number(b.isImported) || (a.receivedAt < b.receivedAt ? -1 : 1)).slice(0, options.limit ?? 500),
    candidatesTotal: candidates.length,
  };
  await ctx.audit({ action: 'retention.previewed', entityType: 'retention_run', entityId: null, details: { today, toRemove: preview.toRemove, personsToRemove: preview.personsToRemove } });
  return preview;
}

/**
 * The run: in one transaction, blank every personal field and free text of the
 * due cases, keep what statistics count (municipality, category, dates, status,
 * decision types, shelter, youth crime, minutes, costs; the persons' role, age
 * group, sex and home municipality in case_person_fact), remove the persons
 * left without cases, and record the run (counts only) in retention_run and the audit log.
 */
export async function runRetention(ctx: Ctx, options: { today?: string } = {}) {
  const organisationId = organisationIdOf(ctx);
  const trx = ctx.trx;
  const rules = await loadRetentionRules(ctx);
  const today = options.today ?? localDateOf(ctx.now.toISOString(), TIME_ZONE);
  const candidates = await assessDueCases(trx, organisationId, rules, today);
  const ids = candidates.filter((c) => c.verdict === 'remove').map((c) => c.caseId);
  const persons = await personsLeftWithoutCases(trx, ids, today);
  const counts: RetentionCounts = {
    cases: ids.length,
    journalEntries: 0,
    decisions: 0,
    casePersons: 0,
    personsRemoved: persons.remove.length,
    personsKept: persons.keep.length,
    handoverReports: 0,
    keptBirthDay: candidates.filter((c) => c.verdict === 'keep_birth_day').length,
    keptPlacement: candidates.filter((c) => c.verdict === 'keep_placement').length,
  };
  // The append-only tables accept blanking their free text in this transaction only (migration 0010).
  await sql`select set_config('jourbok.retention', 'on', true)`.execute(trx);
  for (const chunk of chunks(ids)) {
    const links = await trx
      .selectFrom('case_person as cp')
      .innerJoin('person as p', 'p.id', 'cp.person_id')
      .innerJoin('jour_case as c', 'c.id', 'cp.case_id')
      .select(['cp.case_id', 'cp.role', 'p.birth_date', 'p.sex', 'p.home_municipality_code', 'c.received_at'])
      .where('cp.case_id', 'in', chunk)
      .execute();
    if (links.length > 0) {
      await trx
        .insertInto('case_person_fact')
        .values(links.map((l) => ({ case_id: l.case_id, role: l.role, age_group: ageGroupOf(l.birth_date, localDateOf(l.received_at.toISOString(), TIME_ZONE)), sex: l.sex, home_municipality_code: l.home_municipality_code })))
        .execute();
    }
    await sql`update jour_case set reporter_name = null, reporter_organisation = null, reporter_phone = null, summary = '', next_steps = null,
      external_id = null, retained_at = ${ctx.now}, version = version + 1 where id = any(${chunk}::uuid[])`.execute(trx);
    await sql`update triage_event set override_reason = null where case_id = any(${chunk}::uuid[]) and override_reason is not null`.execute(trx);
    const journal = await sql`update journal_entry set body = '' where case_id = any(${chunk}::uuid[]) and body <> ''`.execute(trx);
    counts.journalEntries += Number(journal.numAffectedRows ?? 0);
    await sql`update committee_report set note = null where decision_id in (select id from decision where case_id = any(${chunk}::uuid[]))`.execute(trx);
    const decisions = await sql`update decision set grounds = '', special_circumstances = null, withdrawn_reason = null, notice_override_reason = null, subject_person_id = null
      where case_id = any(${chunk}::uuid[])`.execute(trx);
    counts.decisions += Number(decisions.numAffectedRows ?? 0);
    await sql`update notice_override set reason = '' where case_id = any(${chunk}::uuid[])`.execute(trx);
    await sql`update time_entry set note = null where case_id = any(${chunk}::uuid[]) and note is not null`.execute(trx);
    await sql`update direct_cost set note = null where case_id = any(${chunk}::uuid[]) and note is not null`.execute(trx);
    // The handover report is a copy of the case with its persons: it goes, with its delivery receipt.
    await sql`delete from report_delivery where handover_report_id in (select id from handover_report where case_id = any(${chunk}::uuid[]))`.execute(trx);
    const reports = await sql`delete from handover_report where case_id = any(${chunk}::uuid[])`.execute(trx);
    counts.handoverReports += Number(reports.numAffectedRows ?? 0);
    const removedLinks = await sql`delete from case_person where case_id = any(${chunk}::uuid[])`.execute(trx);
    counts.casePersons += Number(removedLinks.numAffectedRows ?? 0);
  }
  for (const chunk of chunks(persons.remove)) {
    await sql`delete from notice_person where person_id = any(${chunk}::uuid[])`.execute(trx);
    await sql`delete from assignment_person where person_id = any(${chunk}::uuid[])`.execute(trx);
    await sql`update decision set subject_person_id = null where subject_person_id = any(${chunk}::uuid[])`.execute(trx);
    await sql`delete from person where id = any(${chunk}::uuid[])`.execute(trx);
  }
  await sql`select set_config('jourbok.retention', 'off', true)`.execute(trx);
  const row = await trx
    .insertInto('retention_run')
    .values({ organisation_id: organisationId, run_at: ctx.now, run_on: today, run_by_name: ctx.principal.displayName, rules: JSON.stringify(rules), counts: JSON.stringify(counts as unknown as Record<string, JsonValue>) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'retention.run', entityType: 'retention_run', entityId: row.id, details: { today, ...counts } });
  return { id: row.id, today, counts };
}

export async function listRetentionRuns(ctx: Ctx) {
  const rows = await ctx.trx.selectFrom('retention_run').selectAll().where('organisation_id', '=', organisationIdOf(ctx)).orderBy('seq', 'desc').limit(100).execute();
  return { runs: rows.map((r) => ({ id: r.id, runAt: r.run_at.toISOString(), runOn: r.run_on, runByName: r.run_by_name, counts: r.counts as unknown as RetentionCounts })) };
}
