import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../src/jobs/runner.ts';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';

/**
 * Systematic quality work, one Monday night and the week after at
 * Socialjouren Nordost: a deviation flagged as a possible lex Sarah matter
 * goes from registration to closing; the unit manager's self-inspections
 * come due and are recorded; the telephony system posts calls and the board
 * keeps a callback task until someone has called back.
 */
let t: TestApp;
let worker: Agent;
let chef: Agent;
let taby: Agent;
let controller: Agent;
let admin: Agent;

const CALLER = '070-555 12 34';

async function signInAll() {
  worker = await t.signIn('demo.socialsekreterare');
  chef = await t.signIn('demo.enhetschef');
  taby = await t.signIn('demo.kommun');
  controller = await t.signIn('demo.controller');
  admin = await t.signIn('demo.admin');
}

function ok(res: { statusCode: number; body: string }) {
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
}

async function auditFor(requestId: unknown) {
  return t.deps.database.db.selectFrom('audit_event').selectAll().where('request_id', '=', String(requestId)).orderBy('seq').execute();
}

beforeAll(async () => {
  t = await createTestApp({ JOURBOK_PUBLIC_URL: 'https://jourbok.example.se' });
  await signInAll();
});
afterAll(() => t.close());

describe('deviations and complaints', () => {
  let id = '';
  let caseNumber = '';

  it('staff register a deviation linked to a case and flag it as a possible lex Sarah matter', async () => {
    const someCase = await t.deps.database.db.selectFrom('jour_case').select(['id', 'case_number']).where('status', '<>', 'open').orderBy('case_number', 'desc').executeTakeFirstOrThrow();
    caseNumber = someCase.case_number;
    const unknown = await worker.post('/api/deviations', { kind: 'deviation', category: 'handling', title: 'Uppdrag ej utfört', description: 'Uppdraget utfördes inte.', occurredAt: '2026-11-22T18:00:00Z', caseNumbers: ['1999-99999'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ field: 'caseNumbers', message: 'Ärendet 1999-99999 finns inte.' });

    const res = await worker.post('/api/deviations', {
      kind: 'deviation',
      category: 'handling',
      title: 'Helguppdrag blev inte utfört',
      description: 'Ett uppdrag från kommunen över helgen utfördes inte och dokumenterades inte för nästa pass.',
      immediateAction: 'Kommunen kontaktad på måndagen.',
      occurredAt: '2026-11-22T18:00:00Z',
      possibleLexSarah: true,
      lexSarahReason: 'Barnet fick inte den tillsyn kommunen beställt.',
      caseNumbers: [caseNumber],
    });
    const view = ok(res);
    id = view.id;
    expect(view).toMatchObject({ status: 'registered', possibleLexSarah: true, needsLexSarahAssessment: true, reportedByName: expect.any(String), cases: [{ id: someCase.id, caseNumber }] });
    expect(view.number).toMatch(/^AV-2026-\d{3}$/);
    expect(view.can).toMatchObject({ assign: false, close: false });
    expect((await auditFor(res.headers['x-request-id'])).map((e) => e.action)).toContain('deviation.registered');
  });

  it('the unit manager sees the lex Sarah flag raised; staff and kommun users do not get that view', async () => {
    const attention = ok(await chef.get('/api/quality/attention'));
    expect(attention.lexSarah).toEqual(expect.arrayContaining([expect.objectContaining({ id, title: 'Helguppdrag blev inte utfört' })]));
    expect((await worker.get('/api/quality/attention')).statusCode).toBe(403);
    expect((await taby.get('/api/quality/attention')).statusCode).toBe(403);
    const list = ok(await chef.get('/api/deviations'));
    expect(list.deviations[0]).toMatchObject({ needsLexSarahAssessment: true });
  });

  it('is assigned, analysed by the one responsible, and cannot close before the lex Sarah assessment', async () => {
    const workerId = (await t.deps.database.db.selectFrom('app_user').select('id').where('username', '=', 'demo.socialsekreterare').executeTakeFirstOrThrow()).id;
    let view = ok(await chef.get(`/api/deviations/${id}`));
    expect(view.assignees.map((a: { id: string }) => a.id)).toContain(workerId);
    expect((await worker.post(`/api/deviations/${id}/assign`, { userId: workerId, version: view.version })).statusCode).toBe(403);
    const early = await chef.post(`/api/deviations/${id}/analysis`, { analysis: 'x'.repeat(5), action: 'y'.repeat(5), actionKind: 'new_routine', version: view.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('Utse en ansvarig');

    view = ok(await chef.post(`/api/deviations/${id}/assign`, { userId: workerId, version: view.version }));
    expect(view).toMatchObject({ status: 'assigned', assignedToId: workerId });
    const stale = await worker.post(`/api/deviations/${id}/analysis`, { analysis: 'Analys', action: 'Åtgärd', actionKind: 'new_routine', version: view.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');
    view = ok(
      await worker.post(`/api/deviations/${id}/analysis`, {
        analysis: 'Passet bemannades av vikarier; rutin för inkomna uppdrag saknades.',
        action: 'Ny rutin: uppdrag över helg förs in i Jourbok och kvitteras av varje pass.',
        actionKind: 'new_routine',
        version: view.version,
      }),
    );
    expect(view).toMatchObject({ status: 'analysed', actionKind: 'new_routine' });

    const blocked = await chef.post(`/api/deviations/${id}/close`, { note: null, version: view.version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ field: 'lexSarah' });
    expect((await worker.post(`/api/deviations/${id}/close`, { note: null, version: view.version })).statusCode).toBe(403);

    view = ok(await chef.post(`/api/deviations/${id}/lex-sarah`, { possibleLexSarah: true, assessment: 'investigation', note: 'Utreds enligt rutin för lex Sarah.', version: view.version }));
    expect(view).toMatchObject({ needsLexSarahAssessment: false, lexSarahAssessment: 'investigation', lexSarahAssessedByName: expect.any(String) });
    expect(ok(await chef.get('/api/quality/attention')).lexSarah.map((d: { id: string }) => d.id)).not.toContain(id);

    view = ok(await chef.post(`/api/deviations/${id}/close`, { note: 'Rutinen genomgången på gruppmöte.', version: view.version }));
    expect(view).toMatchObject({ status: 'closed', closedByName: expect.any(String), closingNote: 'Rutinen genomgången på gruppmöte.' });
    const after = await worker.post(`/api/deviations/${id}/analysis`, { analysis: 'Ändrad', action: 'Ändrad', actionKind: 'other', version: view.version });
    expect(after.statusCode).toBe(409);
    expect(ok(await chef.get('/api/deviations?status=closed')).deviations.map((d: { id: string }) => d.id)).toContain(id);
    expect(ok(await chef.get('/api/deviations')).deviations.map((d: { id: string }) => d.id)).not.toContain(id);
  });

  it('a complaint needs its source; a read is logged', async () => {
    const missing = await worker.post('/api/deviations', { kind: 'complaint', category: 'collaboration', title: 'Klagomål', description: 'Kommunen klagar.', occurredAt: '2026-11-23T10:00:00Z' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('complaintSource');
    const complaint = ok(await worker.post('/api/deviations', { kind: 'complaint', category: 'collaboration', title: 'Bistånd trots avisering', description: 'Kommunen klagar på ett beslut.', occurredAt: '2026-11-23T10:00:00Z', complaintSource: 'municipality' }));
    expect(complaint.number).toMatch(/^KL-2026-\d{3}$/);
    const read = await worker.get(`/api/deviations/${complaint.id}`);
    expect(read.statusCode).toBe(200);
    expect((await auditFor(read.headers['x-request-id'])).map((e) => [e.action, e.entity_id])).toEqual([['deviation.read', complaint.id]]);
  });

  it('counts per year and category for the annual report: the manager and the controller, not a kommun user', async () => {
    const counts = ok(await controller.get('/api/quality/annual?year=2026'));
    const rows = await t.deps.database.db.selectFrom('deviation').select(['kind', 'category']).execute();
    expect(counts.deviations.total).toBe(rows.filter((r) => r.kind === 'deviation').length);
    expect(counts.deviations.byCategory.handling).toBe(rows.filter((r) => r.kind === 'deviation' && r.category === 'handling').length);
    expect(counts.complaints.total).toBe(rows.filter((r) => r.kind === 'complaint').length);
    expect(counts.complaints.byCategory.collaboration).toBeGreaterThanOrEqual(1);
    expect(ok(await chef.get('/api/quality/annual?year=2026'))).toEqual(counts);
    expect(ok(await chef.get('/api/quality/annual?year=2019')).deviations.total).toBe(0);
    expect((await taby.get('/api/quality/annual?year=2026')).statusCode).toBe(403);
  });

  it('kommun users see none of the quality work', async () => {
    for (const url of ['/api/deviations', `/api/deviations/${id}`, '/api/self-inspections', '/api/calls', '/api/calls/callbacks']) {
      expect((await taby.get(url)).statusCode, url).toBe(403);
    }
    expect((await taby.post('/api/deviations', { kind: 'deviation', category: 'other', title: 'Test', description: 'Test', occurredAt: '2026-11-23T10:00:00Z' })).statusCode).toBe(403);
  });
});

describe('self-inspections', () => {
  let samplingId = '';

  it('the manager plans recurring checks; a sampling check draws a random sample of cases closed in the period', async () => {
    const bad = await chef.post('/api/self-inspections/plans', { kind: 'case_sampling', title: 'Stickprov', intervalMonths: 1, dayOfMonth: 25, firstDue: '2026-11-25' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('sampleSize');
    const overview = ok(
      await chef.post('/api/self-inspections/plans', { kind: 'case_sampling', title: 'Stickprov dokumentation (test)', description: 'Tre avslutade ärenden', intervalMonths: 1, dayOfMonth: 25, firstDue: '2026-11-25', sampleSize: 3 }),
    );
    const plan = overview.plans.find((p: { title: string }) => p.title === 'Stickprov dokumentation (test)');
    samplingId = plan.id;
    expect(plan).toMatchObject({ nextDue: '2026-11-25', state: 'soon', current: null });

    const started = ok(await chef.post(`/api/self-inspections/plans/${samplingId}/start`));
    const current = started.plans.find((p: { id: string }) => p.id === samplingId).current;
    expect(current).toMatchObject({ dueDate: '2026-11-25', periodFrom: '2026-10-25', periodTo: '2026-11-24' });
    expect(current.sample.length).toBe(3);
    const sampled = await t.deps.database.db.selectFrom('jour_case').select(['status', 'closed_at']).where('id', 'in', current.sample.map((c: { id: string }) => c.id)).execute();
    for (const c of sampled) {
      expect(c.status).not.toBe('open');
      expect(c.closed_at!.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-10-24T22:00:00Z'));
      expect(c.closed_at!.getTime()).toBeLessThan(Date.parse('2026-11-24T23:00:00Z'));
    }
    // Starting again returns the same occasion and sample.
    const again = ok(await chef.post(`/api/self-inspections/plans/${samplingId}/start`));
    expect(again.plans.find((p: { id: string }) => p.id === samplingId).current.sample).toEqual(current.sample);
  });

  it('a check far ahead cannot be started yet', async () => {
    const overview = ok(await chef.post('/api/self-inspections/plans', { kind: 'routine_review', title: 'Rutiner (test)', intervalMonths: 6, dayOfMonth: 15, firstDue: '2027-03-15' }));
    const plan = overview.plans.find((p: { title: string }) => p.title === 'Rutiner (test)');
    expect(plan.state).toBe('planned');
    const res = await chef.post(`/api/self-inspections/plans/${plan.id}/start`);
    expect(res.statusCode).toBe(409);
  });

  it('the morning job reminds the responsible person by e-mail; the board shows it to the manager', async () => {
    const chefRow = await t.deps.database.db.selectFrom('app_user').select(['id', 'email']).where('username', '=', 'demo.enhetschef').executeTakeFirstOrThrow();
    ok(await chef.post('/api/self-inspections/plans', { kind: 'access_review', title: 'Loggkontroll (test)', intervalMonths: 1, dayOfMonth: 1, firstDue: '2026-12-01', responsibleUserId: chefRow.id }));
    // Tuesday 07:00 local: a week before 1 December.
    t.clock.set('2026-11-24T06:00:00Z');
    const result = await runDueJobs(t.deps);
    expect(result.ran.find((r) => r.job === 'self_inspection_reminders')?.result).toMatchObject({ emails: 1 });
    const mail = await t.deps.database.db.selectFrom('outbound_email').selectAll().where('kind', '=', 'self_inspection_reminder').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ recipient: chefRow.email });
    expect(mail[0]!.body).toContain('Loggkontroll (test): senast 2026-12-01');
    expect(mail[0]!.body).toContain('https://jourbok.example.se/egenkontroller');
    // The next morning: nothing new comes up, so no e-mail.
    t.clock.set('2026-11-25T06:00:00Z');
    await runDueJobs(t.deps);
    expect(await t.deps.database.db.selectFrom('outbound_email').select('id').where('kind', '=', 'self_inspection_reminder').execute()).toHaveLength(1);
    await signInAll();
    const attention = ok(await chef.get('/api/quality/attention'));
    expect(attention.inspections).toEqual(expect.arrayContaining([expect.objectContaining({ planId: samplingId, dueDate: '2026-11-25', state: 'due' })]));
  });

  it('records who did it, what was found and what follows; the next occasion is the next month', async () => {
    const workerId = (await t.deps.database.db.selectFrom('app_user').select('id').where('username', '=', 'demo.socialsekreterare').executeTakeFirstOrThrow()).id;
    const overview = ok(await chef.get('/api/self-inspections'));
    const current = overview.plans.find((p: { id: string }) => p.id === samplingId).current;
    const short = await chef.post(`/api/self-inspections/${current.id}/record`, { findings: '', followUp: '' });
    expect(short.statusCode).toBe(400);
    const recorded = ok(await chef.post(`/api/self-inspections/${current.id}/record`, { performedByUserId: workerId, findings: 'Två av tre ärenden saknade skyddsbedömning i journalen.', followUp: 'Tas upp på gruppmötet.' }));
    const plan = recorded.plans.find((p: { id: string }) => p.id === samplingId);
    expect(plan).toMatchObject({ current: null, nextDue: '2026-12-25', state: 'planned' });
    expect(plan.history[0]).toMatchObject({ dueDate: '2026-11-25', performedByName: expect.any(String), findings: 'Två av tre ärenden saknade skyddsbedömning i journalen.' });
    expect((await chef.post(`/api/self-inspections/${current.id}/record`, { findings: 'Igen', followUp: '' })).statusCode).toBe(409);
    expect((await worker.get('/api/self-inspections')).statusCode).toBe(403);
  });
});

describe('the call log', () => {
  let token = '';
  let systemId = '';

  const postCall = (body: unknown, auth: string | null = `Bearer ${token}`) =>
    t.app.inject({ method: 'POST', url: '/api/telephony/calls', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, payload: JSON.stringify(body) });

  it('the administrator adds a telephony system; its token is shown once and only a hash is kept', async () => {
    const created = ok(await admin.post('/api/telephony/systems', { name: 'Växeln (test)' }));
    token = created.token;
    systemId = created.id;
    expect(token).toMatch(/^jbt_/);
    const list = ok(await admin.get('/api/telephony/systems'));
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.systems.find((s: { id: string }) => s.id === systemId).tokenHint).toMatch(/^jbt_.{4}….{4}$/);
    const stored = await t.deps.database.db.selectFrom('telephony_system').selectAll().where('id', '=', systemId).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await worker.get('/api/telephony/systems')).statusCode).toBe(403);
  });

  it('refuses a call event without a token, with a wrong one, and with only a user session', async () => {
    const call = { occurredAt: t.clock.now().toISOString(), line: '1', outcome: 'missed', callerNumber: CALLER };
    expect((await postCall(call, null)).statusCode).toBe(401);
    expect((await postCall(call, 'Bearer jbt_wrong')).statusCode).toBe(401);
    expect((await postCall(call, `Basic ${token}`)).statusCode).toBe(401);
    expect((await worker.post('/api/telephony/calls', call)).statusCode).toBe(401);
  });

  it('a missed call posted by the telephony system is a callback task on the board until someone calls back', async () => {
    const at = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const res = await postCall({ occurredAt: at, line: '2', outcome: 'missed', callerNumber: CALLER, externalId: 'pbx-1001' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ duplicate: false, callbackNeeded: true });
    const again = await postCall({ occurredAt: at, line: '2', outcome: 'missed', callerNumber: CALLER, externalId: 'pbx-1001' });
    expect(again.json()).toMatchObject({ id: res.json().id, duplicate: true });
    expect((await auditFor(res.headers['x-request-id'])).map((e) => [e.action, e.actor_name])).toEqual([['call.registered', 'Telefoni: Växeln (test)']]);

    const board = await worker.get('/api/calls/callbacks');
    const task = ok(board).tasks.find((x: { callerNumber: string }) => x.callerNumber === CALLER);
    expect(task).toMatchObject({ callIds: [res.json().id], lines: ['2'], outcomes: ['missed'] });
    expect((await auditFor(board.headers['x-request-id'])).map((e) => e.action)).toEqual(['call.listed']);

    const noAnswer = ok(await worker.post(`/api/calls/${task.callId}/callback`, { result: 'no_answer' }));
    expect(noAnswer.tasks.find((x: { callerNumber: string }) => x.callerNumber === CALLER)).toMatchObject({ callbackAttempts: 1, lastCallbackByName: expect.any(String) });
    const reached = ok(await worker.post(`/api/calls/${task.callId}/callback`, { result: 'reached' }));
    expect(reached.tasks.find((x: { callerNumber: string }) => x.callerNumber === CALLER)).toBeUndefined();
    expect((await worker.post(`/api/calls/${task.callId}/callback`, { result: 'reached' })).statusCode).toBe(409);
    const log = ok(await worker.get('/api/calls'));
    expect(log.calls.find((c: { id: string }) => c.id === task.callId)).toMatchObject({ callbackResult: 'reached', callbackAttempts: 2, source: 'telephony', callerNumber: CALLER });
  });

  it('a busy call is closed when the caller gets through later; a hidden number leaves no task', async () => {
    const busy = ok(await postCall({ occurredAt: new Date(t.clock.now().getTime() - 120_000).toISOString(), line: '3', outcome: 'busy', callerNumber: '+46 70 999 88 77' }));
    expect(busy.callbackNeeded).toBe(true);
    expect(ok(await worker.get('/api/calls/callbacks')).tasks.map((x: { callIds: string[] }) => x.callIds).flat()).toContain(busy.id);
    ok(await postCall({ occurredAt: t.clock.now().toISOString(), line: '1', outcome: 'answered', callerNumber: '070-999 88 77', durationSeconds: 300 }));
    expect(ok(await worker.get('/api/calls/callbacks')).tasks.map((x: { callIds: string[] }) => x.callIds).flat()).not.toContain(busy.id);
    const hidden = ok(await worker.post('/api/calls', { occurredAt: t.clock.now().toISOString(), line: '1', outcome: 'busy', callerNumber: null }));
    expect(hidden.callbackNeeded).toBe(false);
    const byHand = ok(await worker.post('/api/calls', { occurredAt: t.clock.now().toISOString(), line: '2', outcome: 'transferred_112', callerNumber: '08-123 456' }));
    expect(byHand.callbackNeeded).toBe(false);
    const log = ok(await worker.get('/api/calls'));
    expect(log.calls.find((c: { id: string }) => c.id === byHand.id)).toMatchObject({ source: 'manual', outcome: 'transferred_112' });
    expect(log.counts.total).toBe(log.calls.length);
  });

  it('never puts a caller’s number into the audit log', async () => {
    const events = await t.deps.database.db.selectFrom('audit_event').select(['details', 'purpose']).where('action', 'like', 'call.%').execute();
    expect(events.length).toBeGreaterThan(3);
    const text = JSON.stringify(events);
    for (const digits of ['5551234', '9998877', '123456']) expect(text).not.toContain(digits);
  });

  it('a revoked token is refused at once', async () => {
    ok(await admin.post(`/api/telephony/systems/${systemId}/revoke`));
    const res = await postCall({ occurredAt: t.clock.now().toISOString(), line: '1', outcome: 'answered', callerNumber: null });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('återkallats');
    expect((await admin.post(`/api/telephony/systems/${systemId}/revoke`)).statusCode).toBe(409);
  });
});
