import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPeriod, type ReportKind, type Role, type Tertial } from '@jourbok/domain';
import { sql } from 'kysely';
import { inTransaction, systemPrincipal, writeAuditEvents, type Principal } from '../src/app/context.ts';
import { getReport } from '../src/features/statistics/service.ts';
import { backupTables } from '../src/features/system/backup.ts';
import { seedOldCases } from '../src/seed/demo-privacy.ts';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';
import { jourbok } from './support/cli.ts';
import { newCliTarget, removeCliTargets } from './support/cli-target.ts';

let t: TestApp;
let chef: Agent;
const db = () => t.deps.database.db;

beforeAll(async () => {
  t = await createTestApp();
  chef = await t.signIn('demo.enhetschef');
});
afterAll(async () => {
  await t.close();
  await removeCliTargets();
});

const ok = (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
};

describe('access: only the unit manager', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/access-review?from=2026-11-01&to=2026-11-23'],
    ['GET', '/api/access-reviews'],
    ['POST', '/api/access-reviews', { from: '2026-11-01', to: '2026-11-23', conclusion: 'x' }],
    ['GET', '/api/retention/preview'],
    ['GET', '/api/retention/rules'],
    ['POST', '/api/retention/runs', { confirm: true }],
    ['POST', '/api/subject-access', { identityNumber: '19121212-1212' }],
  ];
  it.each(['demo.kommun', 'demo.controller', 'demo.socialsekreterare', 'demo.admin'])('%s is refused every privacy route', async (username) => {
    const agent = await t.signIn(username);
    for (const [method, url, body] of routes) {
      const res = method === 'GET' ? await agent.get(url) : await agent.post(url, body);
      expect(res.statusCode, `${username} ${method} ${url}`).toBe(403);
    }
  });
  it('a retention run needs an explicit confirmation', async () => {
    const res = await chef.post('/api/retention/runs', {});
    expect(res.statusCode).toBe(400);
    expect(await db().selectFrom('retention_run').select('id').execute()).toEqual([]);
  });
});

describe('access review', () => {
  it('lists who opened which person, when and in which case, filtered by user and person', async () => {
    const review = ok(await chef.get('/api/access-review?from=2026-10-24&to=2026-11-23'));
    expect(review.openingsTotal).toBeGreaterThan(50);
    const caseRead = review.openings.find((o: { action: string }) => o.action === 'case.read');
    expect(caseRead.caseNumber).toMatch(/^2026-\d{5}$/);
    expect(caseRead.personName.length).toBeGreaterThan(0);
    const user = caseRead.userId as string;
    const byUser = ok(await chef.get(`/api/access-review?from=2026-10-24&to=2026-11-23&userId=${user}`));
    expect(byUser.openings.every((o: { userId: string }) => o.userId === user)).toBe(true);
    const byPerson = ok(await chef.get(`/api/access-review?from=2026-10-24&to=2026-11-23&personId=${caseRead.personId}`));
    expect(byPerson.openings.length).toBeGreaterThan(0);
    expect(byPerson.openings.every((o: { personId: string }) => o.personId === caseRead.personId)).toBe(true);
    const res = await chef.get('/api/access-review?from=2026-11-23&to=2026-11-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('to');
  });

  it('finds a planted unusual access in generated audit data, and not the ordinary reads', async () => {
    // Generated: a month of ordinary reads (demo seed), then planted reads on 2026-11-10 (Stockholm) by Eva Lund.
    const eva = await db().selectFrom('app_user').select(['id', 'display_name']).where('username', '=', 'eva.lund').executeTakeFirstOrThrow();
    const principal: Principal = { kind: 'user', userId: eva.id, organisationId: t.organisationId, role: 'socialsekreterare' as Role, municipalityCode: null, displayName: eva.display_name };
    const oldPerson = await db()
      .selectFrom('case_person as cp')
      .innerJoin('jour_case as c', 'c.id', 'cp.case_id')
      .select(['cp.person_id', 'c.id as case_id'])
      .where('c.received_at', '<', new Date('2021-01-01'))
      .where((eb) => eb.or([eb('c.created_by', 'is', null), eb('c.created_by', '!=', eva.id)]))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('journal_entry as j').select('j.id').whereRef('j.case_id', '=', 'c.id').where('j.author_id', '=', eva.id))))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('time_entry as te').select('te.id').whereRef('te.case_id', '=', 'c.id').where('te.user_id', '=', eva.id))))
      .orderBy('c.received_at')
      .executeTakeFirstOrThrow();
    await inTransaction(t.deps, principal, null, async (ctx) => {
      await writeAuditEvents(ctx.trx, principal, null, new Date('2026-11-10T21:15:00Z'), [{ action: 'case.read', entityType: 'case', entityId: oldPerson.case_id, personId: oldPerson.person_id }]);
    });
    const review = ok(await chef.get(`/api/access-review?from=2026-11-10&to=2026-11-10&userId=${eva.id}`));
    const outside = review.findings.filter((f: { kind: string }) => f.kind === 'outside_shift_cases');
    expect(outside).toEqual([expect.objectContaining({ userId: eva.id, userName: 'Eva Lund', personId: oldPerson.person_id, day: '2026-11-10', count: 1 })]);
    // The demo's planted findings: a protected identity revealed, and a day of searches far above the usual.
    const month = ok(await chef.get('/api/access-review?from=2026-10-24&to=2026-11-23'));
    expect(month.summary.protected_identity).toBeGreaterThanOrEqual(1);
    expect(month.findings.some((f: { kind: string; count: number; usual: number | null }) => f.kind === 'volume' && f.count >= 150)).toBe(true);
    // Ordinary reads (a case opened by the colleague who registered it, the same night) are not findings.
    const ordinary = month.openings.filter((o: { action: string; seq: number }) => o.action === 'case.read').slice(0, 20);
    const flagged = new Set(month.findings.flatMap((f: { seqs: number[] }) => f.seqs));
    expect(ordinary.filter((o: { seq: number }) => flagged.has(o.seq)).length).toBeLessThan(ordinary.length / 2);
  });

  it('records a review with its findings and conclusion, itself in the audit log', async () => {
    const created = ok(await chef.post('/api/access-reviews', { from: '2026-10-24', to: '2026-11-23', conclusion: 'Avvikelserna utreds med berörd medarbetare.' }));
    const list = ok(await chef.get('/api/access-reviews'));
    expect(list.reviews[0]).toMatchObject({ id: created.id, from: '2026-10-24', to: '2026-11-23', conclusion: 'Avvikelserna utreds med berörd medarbetare.', reviewedByName: 'Lotta Stensö' });
    expect(list.reviews[0].findingCount).toBeGreaterThan(0);
    const event = await db().selectFrom('audit_event').selectAll().where('action', '=', 'access_review.recorded').executeTakeFirstOrThrow();
    expect(event.entity_id).toBe(created.id);
    expect(await sql`update access_review set conclusion = 'x'`.execute(db()).catch((e: Error) => e.message)).toMatch(/append-only/);
    expect((await chef.post('/api/access-reviews', { from: '2026-10-24', to: '2026-11-23', conclusion: ' ' })).statusCode).toBe(400);
  });

  it('the thresholds are configuration: validated, saved and logged', async () => {
    const settings = ok(await chef.get('/api/access-review/settings'));
    expect(settings).toMatchObject({ shiftStartHour: 8, lookbackDays: 30, volumeFactor: 3 });
    expect((await chef.put('/api/access-review/settings', { ...settings, volumeFactor: 1 })).statusCode).toBe(400);
    expect(ok(await chef.put('/api/access-review/settings', { ...settings, volumeMinimum: 1000 })).volumeMinimum).toBe(1000);
    // With a minimum of 1000 the demo's burst of 150 searches is no longer a finding.
    const month = ok(await chef.get('/api/access-review?from=2026-10-24&to=2026-11-23'));
    expect(month.summary.volume).toBe(0);
    ok(await chef.put('/api/access-review/settings', settings));
    expect(await db().selectFrom('audit_event').select('id').where('action', '=', 'access_review.settings_updated').execute()).toHaveLength(2);
  });

  it("prints a person's access history as PDF, and logs the printing", async () => {
    const person = await db().selectFrom('audit_event').select('person_id').where('action', '=', 'case.read').where('person_id', 'is not', null).executeTakeFirstOrThrow();
    const res = await chef.get(`/api/access-review/persons/${person.person_id}/history.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await db().selectFrom('audit_event').select('id').where('action', '=', 'access_review.history_printed').where('person_id', '=', person.person_id).executeTakeFirst()).toBeTruthy();
  });
});

describe('subject access', () => {
  let subject: { id: string; identity_number: string; first_name: string; last_name: string };
  let other: { id: string; identity_number: string; first_name: string; last_name: string };

  beforeAll(async () => {
    // A guardian and a child in a 2019 case: the guardian asks for their data.
    const link = await db()
      .selectFrom('case_person as cp')
      .innerJoin('jour_case as c', 'c.id', 'cp.case_id')
      .select(['cp.case_id'])
      .where('cp.role', '=', 'guardian')
      .where('c.received_at', '<', new Date('2020-01-01'))
      .executeTakeFirstOrThrow();
    const persons = await db()
      .selectFrom('case_person as cp')
      .innerJoin('person as p', 'p.id', 'cp.person_id')
      .select(['p.id', 'p.identity_number', 'p.first_name', 'p.last_name', 'cp.role'])
      .where('cp.case_id', '=', link.case_id)
      .execute();
    subject = persons.find((p) => p.role === 'guardian')! as typeof subject;
    other = persons.find((p) => p.role === 'child')! as typeof other;
    await db().updateTable('person').set({ protection: 'skyddad_folkbokforing', address: 'Hemliga gatan 7' }).where('id', '=', subject.id).execute();
  });

  it("produces everything about the person and nothing of the others', with protected details withheld", async () => {
    // A colleague opened the person once: the extract says when and in which role, not who.
    const jour = await t.signIn('demo.socialsekreterare');
    ok(await jour.get(`/api/persons/${subject.id}`));
    const formatted = `${subject.identity_number.slice(0, 8)}-${subject.identity_number.slice(8)}`;
    const created = ok(await chef.post('/api/subject-access', { identityNumber: formatted }));
    expect(created.found).toBe(true);
    const x = created.extract;
    expect(x.person).toMatchObject({ firstName: subject.first_name, lastName: subject.last_name, address: 'Lämnas inte ut', protection: 'skyddad_folkbokforing' });
    expect(x.cases.length).toBeGreaterThanOrEqual(1);
    expect(x.cases[0].journal.length).toBeGreaterThan(0);
    expect(x.cases[0].otherPersons).toBe(1);
    expect(x.accessLog).toContainEqual(expect.objectContaining({ role: 'socialsekreterare', action: 'person.read' }));
    expect(JSON.stringify(x.accessLog)).not.toContain('Sara Lindqvist');
    const text = JSON.stringify(x);
    expect(text).not.toContain('Hemliga gatan');
    expect(text).not.toContain(other.identity_number);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain(subject.id); // ids are internal
    expect(x.withheld.join(' ')).toMatch(/skyddad folkbokföring/);
    // The downloads: JSON and PDF of the same request.
    const json = await chef.get(`/api/subject-access/${created.requestId}/json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('attachment');
    expect(JSON.parse(json.body).person.lastName).toBe(subject.last_name);
    const pdf = await chef.get(`/api/subject-access/${created.requestId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The request is logged, without the identity number.
    const events = await db().selectFrom('audit_event').selectAll().where('action', 'in', ['subject_access.requested', 'subject_access.downloaded']).execute();
    expect(events.map((e) => e.action).sort()).toEqual(['subject_access.downloaded', 'subject_access.downloaded', 'subject_access.requested']);
    expect(events.every((e) => e.person_id === subject.id)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(subject.identity_number.slice(2));
    const request = await db().selectFrom('subject_access_request').selectAll().where('id', '=', created.requestId).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ person_id: subject.id, found: true, requested_by_name: 'Lotta Stensö' });
  });

  it('answers an unknown number and refuses an invalid one, naming the field', async () => {
    expect(ok(await chef.post('/api/subject-access', { identityNumber: '19121212-1212' }))).toMatchObject({ found: false, extract: null });
    const bad = await chef.post('/api/subject-access', { identityNumber: '19121212-1213' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('identityNumber');
  });

  it('downloads are the requester’s and expire after a day', async () => {
    const created = ok(await chef.post('/api/subject-access', { identityNumber: other.identity_number }));
    expect((await chef.get(`/api/subject-access/${created.requestId}/json`)).statusCode).toBe(200);
    await db().updateTable('subject_access_request').set({ requested_at: new Date(t.clock.now().getTime() - 25 * 3_600_000) }).where('id', '=', created.requestId).execute();
    expect((await chef.get(`/api/subject-access/${created.requestId}/json`)).statusCode).toBe(404);
    // Another user with the permission could not fetch it either: the request is the requester's.
    const chefId = (await db().selectFrom('app_user').select('id').where('username', '=', 'demo.enhetschef').executeTakeFirstOrThrow()).id;
    const row = await db().selectFrom('subject_access_request').select('requested_by').where('id', '=', created.requestId).executeTakeFirstOrThrow();
    expect(row.requested_by).toBe(chefId);
  });
});

describe('retention', () => {
  const reportQueries: { kind: ReportKind; year: number; tertial: Tertial | null; municipality: string | null }[] = [];
  for (const year of [2019, 2020, 2021, 2022]) {
    reportQueries.push({ kind: 'year', year, tertial: null, municipality: null });
    for (const tertial of [1, 2, 3] as const) reportQueries.push({ kind: 'tertial', year, tertial, municipality: null });
    for (const m of ['0160', '0186', '0188', 'other']) reportQueries.push({ kind: 'year', year, tertial: null, municipality: m });
  }
  const reports = () =>
    inTransaction(t.deps, systemPrincipal(t.organisationId, 'test'), null, async (ctx) => {
      const out = [];
      for (const q of reportQueries) out.push(await getReport(ctx, q));
      return out;
    });

  let before: unknown[];
  let due: { caseId: string; caseNumber: string; verdict: string }[];
  let removedNumbers: string[];
  let keptAcrossCases: string;
  let keptForNotice: string;

  beforeAll(async () => {
    // More generated history: a year of registered cases with every kind of personal data.
    await inTransaction(t.deps, systemPrincipal(t.organisationId, 'test'), null, (ctx) => seedOldCases(ctx, t.organisationId, { year: 2021, count: 40, seed: 77, firstSerial: 500 }));
    const old = await db()
      .selectFrom('case_person as cp')
      .innerJoin('jour_case as c', 'c.id', 'cp.case_id')
      .select(['cp.person_id', 'c.received_at'])
      .where('c.received_at', '<', new Date('2020-06-01'))
      .where('c.case_number', 'not like', '%-001%')
      .orderBy('c.received_at')
      .limit(2)
      .execute();
    // One person of an old case also in a recent case (stays), one in a notice still valid (stays).
    keptAcrossCases = old[0]!.person_id;
    keptForNotice = old[1]!.person_id;
    const recent = await db().selectFrom('jour_case').select('id').where('received_at', '>', new Date('2026-11-01')).executeTakeFirstOrThrow();
    await db().insertInto('case_person').values({ case_id: recent.id, person_id: keptAcrossCases, role: 'adult', added_at: new Date() }).execute();
    const jour = await t.signIn('demo.socialsekreterare');
    ok(await jour.post('/api/notices', { persons: [{ personId: keptForNotice }], level: 'important', title: 'Plan för familjen', validFrom: '2026-11-20', validTo: '2027-02-28', contactName: 'Karin Åberg', contactPhone: '08-555 000 00', municipalityCode: '0160', phonedInBy: 'Karin Åberg' }));
    before = await reports();
  });

  it('the dry run lists what would go, with the exceptions, and changes nothing', async () => {
    const preview = ok(await chef.get('/api/retention/preview'));
    expect(preview.today).toBe('2026-11-23');
    expect(preview.rules).toMatchObject({ yearsAfterLastEntry: 5, keepBirthDays: [5, 15, 25] });
    due = preview.candidates;
    const numbers = due.map((c) => c.caseNumber);
    expect(numbers.some((n) => n.startsWith('2019-'))).toBe(true);
    expect(numbers.some((n) => n.startsWith('2021-'))).toBe(true);
    // 2019 cases were due by 2025-12-31: overdue.
    expect(due.find((c) => c.caseNumber.startsWith('2019-') && c.verdict === 'remove')).toMatchObject({ overdue: true, removeBy: expect.stringMatching(/^2025-12-31$/) });
    // The demo's two cases of persons born on the 15th are kept for research.
    expect(preview.kept.birthDay).toBeGreaterThanOrEqual(2);
    expect(due.filter((c) => c.caseNumber.startsWith('2020-001')).every((c) => c.verdict === 'keep_birth_day')).toBe(true);
    // Cases of 2021 whose five years end after today are not listed.
    const last2021 = await db().selectFrom('jour_case').select(['case_number', 'received_at']).where('case_number', 'like', '2021-%').where('received_at', '>', new Date('2021-11-25')).execute();
    for (const c of last2021) expect(numbers).not.toContain(c.case_number);
    expect(preview.toRemove).toBe(due.filter((c) => c.verdict === 'remove').length);
    expect(await db().selectFrom('jour_case').select('id').where('retained_at', 'is not', null).execute()).toEqual([]);
    const removeIds = due.filter((c) => c.verdict === 'remove').map((c) => c.caseId);
    const texts = await db().selectFrom('journal_entry').select('body').where('case_id', 'in', removeIds).execute();
    expect(texts.every((j) => j.body.length > 0)).toBe(true);
  });

  it('the run removes every personal field of the affected cases (checked in the database) and leaves every report figure unchanged', async () => {
    const removeIds = due.filter((c) => c.verdict === 'remove').map((c) => c.caseId);
    const keptIds = due.filter((c) => c.verdict !== 'remove').map((c) => c.caseId);
    expect(removeIds.length).toBeGreaterThan(20);
    const personsBefore = await db().selectFrom('case_person as cp').innerJoin('person as p', 'p.id', 'cp.person_id').select(['p.id', 'p.identity_number', 'p.phone', 'p.email']).where('cp.case_id', 'in', removeIds).execute();
    const reportersBefore = await db().selectFrom('jour_case').select(['reporter_phone']).where('id', 'in', removeIds).where('reporter_phone', 'is not', null).execute();
    removedNumbers = personsBefore.map((p) => p.identity_number!).filter(Boolean);

    ok(await chef.post('/api/retention/runs', { confirm: true }));

    // Cases: free text and identifying fields gone, the facts kept.
    const cases = await sql<{ n: number }>`select count(*)::integer as n from jour_case where id = any(${removeIds}::uuid[])
      and retained_at is not null and summary = '' and reporter_name is null and reporter_organisation is null and reporter_phone is null
      and next_steps is null and external_id is null and municipality_code is not null and category_code is not null`.execute(db());
    expect(cases.rows[0]!.n).toBe(removeIds.length);
    const leftovers = await sql<{ what: string; n: number }>`
      select 'case_person' as what, count(*)::integer as n from case_person where case_id = any(${removeIds}::uuid[])
      union all select 'journal', count(*)::integer from journal_entry where case_id = any(${removeIds}::uuid[]) and body <> ''
      union all select 'decision', count(*)::integer from decision where case_id = any(${removeIds}::uuid[])
        and (grounds <> '' or special_circumstances is not null or withdrawn_reason is not null or notice_override_reason is not null or subject_person_id is not null)
      union all select 'triage', count(*)::integer from triage_event where case_id = any(${removeIds}::uuid[]) and override_reason is not null
      union all select 'time', count(*)::integer from time_entry where case_id = any(${removeIds}::uuid[]) and note is not null
      union all select 'cost', count(*)::integer from direct_cost where case_id = any(${removeIds}::uuid[]) and note is not null
      union all select 'handover', count(*)::integer from handover_report where case_id = any(${removeIds}::uuid[])
      union all select 'committee', count(*)::integer from committee_report r join decision d on d.id = r.decision_id where d.case_id = any(${removeIds}::uuid[]) and r.note is not null
      union all select 'override', count(*)::integer from notice_override where case_id = any(${removeIds}::uuid[]) and reason <> ''`.execute(db());
    expect(Object.fromEntries(leftovers.rows.map((r) => [r.what, r.n]))).toEqual({ case_person: 0, journal: 0, decision: 0, triage: 0, time: 0, cost: 0, handover: 0, committee: 0, override: 0 });
    // What statistics keep of the persons: role, age group, sex, home municipality.
    const facts = await db().selectFrom('case_person_fact').select(['role', 'age_group']).where('case_id', 'in', removeIds).execute();
    expect(facts.length).toBe(personsBefore.length);
    expect(facts.every((f) => ['0-12', '13-17', '18-20', '21-64', '65+', 'okand'].includes(f.age_group))).toBe(true);

    // Persons left without cases are gone; the one in a recent case and the one in a valid notice stay.
    const remaining = new Set((await db().selectFrom('person').select('id').where('id', 'in', personsBefore.map((p) => p.id)).execute()).map((p) => p.id));
    expect([...remaining].sort()).toEqual([keptAcrossCases, keptForNotice].filter((id) => personsBefore.some((p) => p.id === id)).sort());
    // No removed person's identity number, phone or e-mail, nor a reporter's phone, is left anywhere in the database but the kept persons'.
    const kept = await db().selectFrom('person').select(['identity_number']).where('id', 'in', [keptAcrossCases, keptForNotice]).execute();
    const sentinels = [
      ...personsBefore.filter((p) => !remaining.has(p.id)).flatMap((p) => [p.identity_number, p.phone, p.email]),
      ...reportersBefore.map((r) => r.reporter_phone),
    ].filter((s): s is string => !!s && !kept.some((k) => k.identity_number === s));
    for (const table of backupTables) {
      if (table === 'audit_event') continue;
      const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(db());
      const text = rows.rows.map((r) => r.row).join('\n');
      for (const s of sentinels) expect(text.includes(s), `${table} still holds ${s}`).toBe(false);
    }
    // Kept by an exception: untouched.
    const keptText = await db().selectFrom('journal_entry').select('body').where('case_id', 'in', keptIds).execute();
    expect(keptText.length).toBeGreaterThan(0);
    expect(keptText.every((j) => j.body.length > 0)).toBe(true);

    // Every report figure unchanged.
    expect(await reports()).toEqual(before);
  });

  it('the audit log keeps that it happened: counts only, no personal data, chain intact', async () => {
    const event = await db().selectFrom('audit_event').selectAll().where('action', '=', 'retention.run').executeTakeFirstOrThrow();
    expect(event.person_id).toBeNull();
    const details = event.details as Record<string, number>;
    expect(details.cases).toBe(due.filter((c) => c.verdict === 'remove').length);
    for (const n of removedNumbers) expect(JSON.stringify(event)).not.toContain(n);
    const runs = ok(await chef.get('/api/retention/runs'));
    expect(runs.runs[0].counts.cases).toBe(details.cases);
    expect(ok(await chef.post('/api/audit/verify')).ok).toBe(true);
    // A second run finds nothing more.
    ok(await chef.post('/api/retention/runs', { confirm: true }));
    expect(ok(await chef.get('/api/retention/runs')).runs[0].counts.cases).toBe(0);
  });

  it('the rules are configuration: a change is validated and logged', async () => {
    const rules = ok(await chef.get('/api/retention/rules'));
    const bad = await chef.put('/api/retention/rules', { ...rules, yearsAfterLastEntry: 0 });
    expect(bad.statusCode).toBe(400);
    const changed = ok(await chef.put('/api/retention/rules', { ...rules, keepBirthDays: [5, 15, 25, 30] }));
    expect(changed.keepBirthDays).toEqual([5, 15, 25, 30]);
    expect(await db().selectFrom('audit_event').select('id').where('action', '=', 'retention.settings_updated').executeTakeFirst()).toBeTruthy();
    void reportPeriod;
  });
});

describe('jourbok retention run (the real CLI)', { timeout: 120_000 }, () => {
  it('dry run as JSON, then the run, on an organisation without due cases', async () => {
    const target = await newCliTarget();
    expect((await jourbok(['init', '--preset', 'nordost', ...target.args])).code).toBe(0);
    const dry = await jourbok(['retention', 'run', '--dry-run', '--format', 'json', ...target.args]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ toRemove: 0, candidates: [] });
    const run = await jourbok(['retention', 'run', ...target.args]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/0 case\(s\) cleared/);
    const bad = await jourbok(['retention', 'sweep', ...target.args]);
    expect(bad.code).toBe(2);
  });
});
