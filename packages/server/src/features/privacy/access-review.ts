// Access review (loggkontroll): who opened which person, when, in which case;
// unusual access found by the domain's rules; reviews recorded; a person's
// access history printed.
import { addDays, findUnusualAccess, startOfDay, type AccessFinding, type AccessReviewSettings, type JsonValue, type OpenEvent } from '@jourbok/domain';
import { sql } from 'kysely';
import type { Ctx } from '../../app/context.ts';
import { AppError, notFound } from '../../errors.ts';
import { loadAccessReviewSettings, organisationIdOf, TIME_ZONE } from './settings.ts';

export interface AccessReviewQuery {
  from: string;
  to: string;
  userId?: string | undefined;
  personId?: string | undefined;
}

/** How many openings the page lists (the findings always cover the whole period). */
const OPENINGS_SHOWN = 500;
const REMOVED_PERSON = 'Gallrad person';

const instantOf = (date: string) => new Date(startOfDay(date, TIME_ZONE).toInstant().epochMilliseconds);

function checkPeriod(query: AccessReviewQuery) {
  if (query.to < query.from) throw new AppError('validation', 'Slutdatum kan inte vara före startdatum.', 'to');
}

export const personName = (p: { first_name: string; last_name: string } | undefined) => (p ? `${p.first_name} ${p.last_name}`.trim() || 'Namn saknas' : REMOVED_PERSON);

interface Review {
  openings: Awaited<ReturnType<typeof loadOpenings>>;
  findings: AccessFinding[];
  settings: AccessReviewSettings;
  persons: Map<string, { first_name: string; last_name: string; protection: string }>;
  users: Map<string, string>;
}

async function loadOpenings(ctx: Ctx, query: AccessReviewQuery, settings: AccessReviewSettings) {
  const organisationId = organisationIdOf(ctx);
  let q = ctx.trx
    .selectFrom('audit_event as a')
    .leftJoin('jour_case as c', (join) => join.on(sql<boolean>`a.entity_type = 'case' and c.id::text = a.entity_id`))
    .select(['a.seq', 'a.occurred_at', 'a.actor_user_id', 'a.actor_name', 'a.actor_role', 'a.action', 'a.person_id', 'a.entity_id', 'a.entity_type', 'a.purpose', 'a.details', 'c.case_number'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.person_id', 'is not', null)
    .where('a.action', 'in', settings.openActions.length > 0 ? settings.openActions : ['-'])
    .where('a.occurred_at', '>=', instantOf(query.from))
    .where('a.occurred_at', '<', instantOf(addDays(query.to, 1)));
  if (query.userId) q = q.where('a.actor_user_id', '=', query.userId);
  if (query.personId) q = q.where('a.person_id', '=', query.personId);
  return q.orderBy('a.seq', 'desc').execute();
}

async function review(ctx: Ctx, query: AccessReviewQuery): Promise<Review> {
  checkPeriod(query);
  const organisationId = organisationIdOf(ctx);
  const settings = await loadAccessReviewSettings(ctx);
  const openings = await loadOpenings(ctx, query, settings);
  const personIds = [...new Set(openings.map((o) => o.person_id!))];
  const userIds = [...new Set(openings.map((o) => o.actor_user_id).filter((u): u is string => u !== null))];
  if (query.userId && !userIds.includes(query.userId)) userIds.push(query.userId);

  const persons = new Map<string, { first_name: string; last_name: string; protection: string }>();
  const personCases = new Map<string, { caseId: string; receivedAt: string }[]>();
  if (personIds.length > 0) {
    const rows = await ctx.trx.selectFrom('person').select(['id', 'first_name', 'last_name', 'protection']).where('organisation_id', '=', organisationId).where('id', 'in', personIds).execute();
    for (const r of rows) persons.set(r.id, r);
    const links = await ctx.trx
      .selectFrom('case_person as cp')
      .innerJoin('jour_case as c', 'c.id', 'cp.case_id')
      .select(['cp.person_id', 'c.id', 'c.received_at'])
      .where('c.organisation_id', '=', organisationId)
      .where('cp.person_id', 'in', personIds)
      .execute();
    for (const l of links) {
      const list = personCases.get(l.person_id) ?? [];
      list.push({ caseId: l.id, receivedAt: l.received_at.toISOString() });
      personCases.set(l.person_id, list);
    }
  }
  const caseIds = [...new Set([...personCases.values()].flat().map((c) => c.caseId))];
  const workedCases = new Map<string, Set<string>>();
  if (caseIds.length > 0) {
    // Who worked on the cases: registered, closed, wrote in the journal, triaged, decided, recorded time or a cost.
    const worked = await sql<{ user_id: string; case_id: string }>`
      select created_by as user_id, id as case_id from jour_case where id = any(${caseIds}::uuid[]) and created_by is not null
      union select closed_by, id from jour_case where id = any(${caseIds}::uuid[]) and closed_by is not null
      union select author_id, case_id from journal_entry where case_id = any(${caseIds}::uuid[]) and author_id is not null
      union select triaged_by, case_id from triage_event where case_id = any(${caseIds}::uuid[]) and triaged_by is not null
      union select recorded_by, case_id from decision where case_id = any(${caseIds}::uuid[]) and recorded_by is not null
      union select user_id, case_id from time_entry where case_id = any(${caseIds}::uuid[])
      union select recorded_by, case_id from direct_cost where case_id = any(${caseIds}::uuid[]) and recorded_by is not null`.execute(ctx.trx);
    for (const w of worked.rows) {
      const set = workedCases.get(w.user_id) ?? new Set<string>();
      set.add(w.case_id);
      workedCases.set(w.user_id, set);
    }
  }
  const shiftDays = new Map<string, Set<string>>();
  const dailyReads = new Map<string, Map<string, number>>();
  if (userIds.length > 0) {
    const earliest = [...personCases.values()].flat().reduce((min, c) => (c.receivedAt < min ? c.receivedAt : min), instantOf(query.from).toISOString());
    // A user's shifts: the shift days on which they signed in or wrote anything (audit log).
    const days = await sql<{ user_id: string; day: string }>`
      select distinct actor_user_id as user_id, to_char(((occurred_at at time zone ${TIME_ZONE}) - make_interval(hours => ${settings.shiftStartHour}))::date, 'YYYY-MM-DD') as day
      from audit_event
      where organisation_id = ${organisationId}::uuid and actor_user_id = any(${userIds}::uuid[])
        and occurred_at >= ${earliest}::timestamptz - interval '2 days' and occurred_at < ${instantOf(addDays(query.to, 2))}
        and (kind = 'write' or action in ('auth.login_succeeded', 'auth.oidc_login_succeeded', 'auth.totp_enrolled'))`.execute(ctx.trx);
    for (const d of days.rows) {
      const set = shiftDays.get(d.user_id) ?? new Set<string>();
      set.add(d.day);
      shiftDays.set(d.user_id, set);
    }
    const counts = await sql<{ user_id: string; day: string; n: number }>`
      select actor_user_id as user_id, to_char((occurred_at at time zone ${TIME_ZONE})::date, 'YYYY-MM-DD') as day, count(*)::integer as n
      from audit_event
      where organisation_id = ${organisationId}::uuid and actor_user_id = any(${userIds}::uuid[]) and kind = 'read' and person_id is not null
        and occurred_at >= ${instantOf(addDays(query.from, -settings.lookbackDays))} and occurred_at < ${instantOf(addDays(query.to, 1))}
      group by 1, 2`.execute(ctx.trx);
    for (const c of counts.rows) {
      const map = dailyReads.get(c.user_id) ?? new Map<string, number>();
      map.set(c.day, Number(c.n));
      dailyReads.set(c.user_id, map);
    }
  }
  const opens: OpenEvent[] = openings
    .filter((o) => o.actor_user_id !== null)
    .map((o) => ({
      seq: Number(o.seq),
      occurredAt: o.occurred_at.toISOString(),
      userId: o.actor_user_id!,
      action: o.action,
      personId: o.person_id!,
      caseId: o.entity_type === 'case' ? o.entity_id : null,
      personProtected: o.action === 'person.revealed' || (o.details as { protected?: unknown }).protected === true || (persons.get(o.person_id!)?.protection ?? 'none') !== 'none',
    }));
  const findings = findUnusualAccess({ opens, personCases, workedCases, shiftDays, dailyReads, from: query.from, to: query.to, timeZone: TIME_ZONE }, settings);
  const users = new Map<string, string>();
  const named = [...new Set([...userIds, ...findings.map((f) => f.userId)])];
  if (named.length > 0) for (const u of await ctx.trx.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', named).execute()) users.set(u.id, u.display_name);
  for (const o of openings) if (o.actor_user_id && !users.has(o.actor_user_id)) users.set(o.actor_user_id, o.actor_name);
  return { openings, findings, settings, persons, users };
}

function findingViews(r: Review) {
  return r.findings.map((f) => ({
    kind: f.kind,
    userId: f.userId,
    userName: r.users.get(f.userId) ?? 'Okänd användare',
    day: f.day,
    personId: f.kind === 'volume' ? null : f.personId,
    personName: f.kind === 'volume' ? null : personName(r.persons.get(f.personId)),
    seqs: f.kind === 'volume' ? [] : f.seqs,
    count: f.kind === 'volume' ? f.count : f.seqs.length,
    usual: f.kind === 'volume' ? f.usual : null,
  }));
}

function summaryOf(findings: readonly AccessFinding[]) {
  const summary = { protected_identity: 0, outside_shift_cases: 0, volume: 0 };
  for (const f of findings) summary[f.kind]++;
  return summary;
}

/** The review of a period: the openings (the latest first), the findings, and the thresholds used. The review is itself logged. */
export async function getAccessReview(ctx: Ctx, query: AccessReviewQuery) {
  const r = await review(ctx, query);
  await ctx.audit({
    action: 'access_review.searched',
    entityType: 'audit_log',
    entityId: null,
    personId: query.personId ?? null,
    details: { from: query.from, to: query.to, user: query.userId ?? null, openings: r.openings.length, findings: r.findings.length },
  });
  return {
    from: query.from,
    to: query.to,
    openings: r.openings.slice(0, OPENINGS_SHOWN).map((o) => ({
      seq: Number(o.seq),
      occurredAt: o.occurred_at.toISOString(),
      userId: o.actor_user_id,
      userName: o.actor_user_id ? (r.users.get(o.actor_user_id) ?? o.actor_name) : o.actor_name,
      userRole: o.actor_role,
      action: o.action,
      personId: o.person_id!,
      personName: personName(r.persons.get(o.person_id!)),
      personProtected: o.action === 'person.revealed' || (r.persons.get(o.person_id!)?.protection ?? 'none') !== 'none',
      caseId: o.entity_type === 'case' ? o.entity_id : null,
      caseNumber: o.case_number ?? null,
      purpose: o.purpose,
    })),
    openingsTotal: r.openings.length,
    findings: findingViews(r),
    summary: summaryOf(r.findings),
    settings: r.settings,
  };
}

/** Record a review: the period and filters, the findings as computed now, and the reviewer's conclusion. */
export async function recordAccessReview(ctx: Ctx, input: AccessReviewQuery & { conclusion: string }) {
  const r = await review(ctx, input);
  const principal = ctx.principal;
  const findings = r.findings.map((f) => ({ ...f }) as unknown as JsonValue);
  const summary = summaryOf(r.findings);
  const filters = { userId: input.userId ?? null, personId: input.personId ?? null };
  const row = await ctx.trx
    .insertInto('access_review')
    .values({
      organisation_id: organisationIdOf(ctx),
      period_from: input.from,
      period_to: input.to,
      filters: JSON.stringify(filters),
      summary: JSON.stringify({ ...summary, openings: r.openings.length }),
      findings: JSON.stringify(findings),
      conclusion: input.conclusion,
      reviewed_by: principal.kind === 'user' ? principal.userId : null,
      reviewed_by_name: principal.displayName,
      reviewed_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'access_review.recorded', entityType: 'access_review', entityId: row.id, details: { from: input.from, to: input.to, ...summary, openings: r.openings.length } });
  return { id: row.id };
}

export async function listAccessReviews(ctx: Ctx) {
  const rows = await ctx.trx.selectFrom('access_review').selectAll().where('organisation_id', '=', organisationIdOf(ctx)).orderBy('reviewed_at', 'desc').limit(200).execute();
  return {
    reviews: rows.map((r) => ({
      id: r.id,
      from: r.period_from,
      to: r.period_to,
      filters: r.filters as Record<string, unknown>,
      summary: r.summary as Record<string, unknown>,
      findingCount: (r.findings as unknown[]).length,
      conclusion: r.conclusion,
      reviewedByName: r.reviewed_by_name,
      reviewedAt: r.reviewed_at.toISOString(),
    })),
  };
}

export interface PersonAccessHistory {
  person: { id: string; name: string; identityNumber: string | null; protection: string };
  from: string | null;
  to: string | null;
  events: { occurredAt: string; userName: string; userRole: string | null; action: string; kind: string; caseNumber: string | null; purpose: string | null }[];
}

/** Every event of the audit log about a person (reads and writes), oldest first, for a complaint or a supervisory inquiry. */
export async function getPersonAccessHistory(ctx: Ctx, personId: string, period: { from?: string | undefined; to?: string | undefined }): Promise<PersonAccessHistory> {
  const organisationId = organisationIdOf(ctx);
  const person = await ctx.trx.selectFrom('person').select(['id', 'first_name', 'last_name', 'identity_number', 'protection']).where('organisation_id', '=', organisationId).where('id', '=', personId).executeTakeFirst();
  let q = ctx.trx
    .selectFrom('audit_event as a')
    .leftJoin('jour_case as c', (join) => join.on(sql<boolean>`a.entity_type = 'case' and c.id::text = a.entity_id`))
    .select(['a.occurred_at', 'a.actor_name', 'a.actor_role', 'a.action', 'a.kind', 'a.purpose', 'c.case_number'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.person_id', '=', personId);
  if (period.from) q = q.where('a.occurred_at', '>=', instantOf(period.from));
  if (period.to) q = q.where('a.occurred_at', '<', instantOf(addDays(period.to, 1)));
  const events = await q.orderBy('a.seq').execute();
  if (!person && events.length === 0) throw notFound('Personen');
  await ctx.audit({ action: 'access_review.history_printed', entityType: 'person', entityId: personId, personId, details: { events: events.length } });
  return {
    person: { id: personId, name: personName(person), identityNumber: person?.identity_number ?? null, protection: person?.protection ?? 'none' },
    from: period.from ?? null,
    to: period.to ?? null,
    events: events.map((e) => ({ occurredAt: e.occurred_at.toISOString(), userName: e.actor_name, userRole: e.actor_role, action: e.action, kind: e.kind, caseNumber: e.case_number ?? null, purpose: e.purpose })),
  };
}
