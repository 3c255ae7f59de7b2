import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';

let t: TestApp;
let worker: Agent;
let colleague: Agent;
beforeAll(async () => {
  t = await createTestApp();
  worker = await t.signIn('demo.socialsekreterare');
  colleague = await t.signIn('demo.enhetschef');
});
afterAll(() => t.close());

const child = { identityKind: 'personnummer', identityNumber: '201512122381', reserveIssuer: null, firstName: 'Lova', lastName: 'Testsson', birthYearApprox: null, homeMunicipalityCode: null, address: 'Testgatan 1', phone: null, email: null, protection: 'none', hiddenResidence: false };
const guardian = { ...child, identityNumber: '19800101-0019', firstName: 'Pia', lastName: 'Testsson' };

async function auditFor(requestId: string) {
  return t.deps.database.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).execute();
}

async function register(extra: Record<string, unknown> = {}) {
  const res = await worker.post('/api/cases', {
    caseType: 'arende',
    contactChannel: 'polis',
    reporterName: 'Polisinspektör Ek',
    reporterOrganisation: 'Polisen',
    reporterIsMandated: true,
    municipalityCode: '0160',
    categoryCode: 'barn_unga',
    summary: 'Polisen på plats i hemmet, 10-årig flicka ensam hemma sent på kvällen.',
    persons: [
      { person: child, role: 'child', whereNow: 'Hemma med polisen' },
      { person: guardian, role: 'guardian' },
    ],
    triage: { criteria: ['police_on_site', 'unaccompanied_child'] },
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; caseNumber: string };
}

describe('intake', () => {
  let caseId: string;

  it('registers a case with new persons and triage in one request', async () => {
    const created = await register();
    caseId = created.id;
    expect(created.caseNumber).toMatch(/^2026-\d{5}$/);
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    expect(view.concernsChild).toBe(true);
    expect(view.priority).toBe(1);
    expect(view.persons.map((p: { role: string }) => p.role)).toEqual(['child', 'guardian']);
    expect(view.persons[0].identityNumber).toBe('20151212-2381');
    expect(view.triage[0].triagedBy).toBe('Sara Lindqvist');
  });

  it('finds the person by personnummer, in any form, with earlier cases first', async () => {
    const res = await worker.post('/api/persons/search', { query: '151212-2381' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.identity.valid).toBe(true);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject({ displayName: 'Lova Testsson', caseCount: 1, matchedBy: 'identity' });
    const events = await auditFor(res.headers['x-request-id'] as string);
    expect(events.map((e) => e.action)).toEqual(['person.searched']);
    expect(events[0]!.person_id).toBe(body.results[0].id);
  });

  it('finds persons by a misspelt name (fuzzy)', async () => {
    const res = await worker.post('/api/persons/search', { query: 'lova testson' });
    expect(res.json().results.map((r: { displayName: string }) => r.displayName)).toContain('Lova Testsson');
  });

  it('says why a personnummer is invalid', async () => {
    const res = await worker.post('/api/persons/search', { query: '151212-2382' });
    expect(res.json().identity).toMatchObject({ valid: false });
    const create = await worker.post('/api/persons', { ...child, identityNumber: '151212-2382' });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.field).toBe('identityNumber');
    expect(create.json().error.message).toContain('Kontrollsiffran');
  });

  it('refuses to create the same person twice', async () => {
    const res = await worker.post('/api/persons', child);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.personId).toBeTruthy();
  });

  it('asks before creating an unknown person whose name resembles someone known', async () => {
    const unknown = { ...child, identityKind: 'unknown', identityNumber: null, birthYearApprox: 2015 };
    const first = await worker.post('/api/persons', unknown);
    expect(first.statusCode).toBe(409);
    expect(first.json().error.details.candidates.length).toBeGreaterThan(0);
    const confirmed = await worker.post('/api/persons', { ...unknown, confirmedNew: true });
    expect(confirmed.statusCode).toBe(200);
  });

  it('refuses a stale update with a clear message, and keeps the first', async () => {
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    const base = { contactChannel: view.contactChannel, reporterName: view.reporterName, reporterOrganisation: view.reporterOrganisation, reporterPhone: null, reporterIsMandated: true, reporterWantsSecrecy: false, municipalityCode: '0160', categoryCode: 'barn_unga', youthCrime: false, shelterRequested: false, version: view.version };
    const first = await worker.put(`/api/cases/${caseId}`, { ...base, summary: 'Första versionen.' });
    expect(first.statusCode).toBe(200);
    const second = await colleague.put(`/api/cases/${caseId}`, { ...base, summary: 'Andra versionen.' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('stale');
    expect(second.json().error.message).toContain('senaste version');
    expect((await worker.get(`/api/cases/${caseId}`)).json().summary).toBe('Första versionen.');
  });

  it('re-triage with a manual priority needs a reason, and is recorded with who and why', async () => {
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    const noReason = await worker.post(`/api/cases/${caseId}/triage`, { criteria: ['police_on_site'], overridePriority: 3, version: view.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('triage.overrideReason');
    const ok = await colleague.post(`/api/cases/${caseId}/triage`, { criteria: ['police_on_site'], overridePriority: 3, overrideReason: 'Flickan är hos mormor, ingen akut fara.', version: view.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await worker.get(`/api/cases/${caseId}`)).json();
    expect(after.priority).toBe(3);
    expect(after.triage.at(-1)).toMatchObject({ priority: 3, overrideReason: 'Flickan är hos mormor, ingen akut fara.', triagedBy: 'Lotta Stensö' });
  });

  it('every read of the case logs each person shown', async () => {
    const res = await worker.get(`/api/cases/${caseId}`);
    const events = await auditFor(res.headers['x-request-id'] as string);
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.person_id)).size).toBe(2);
    expect(events.every((e) => e.action === 'case.read' && e.entity_id === caseId)).toBe(true);
  });
});

describe('journal, time, costs and closing', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await register({ persons: [{ person: { ...child, identityNumber: '20140303-2384', firstName: 'Ines' }, role: 'child' }] })).id;
  });

  it('appends entries and corrections; nothing is edited', async () => {
    const first = await worker.post(`/api/cases/${caseId}/journal`, { kind: 'note', body: 'Mamman nådd på telefon kl 22.' });
    expect(first.statusCode).toBe(200);
    const correction = await worker.post(`/api/cases/${caseId}/journal`, { kind: 'correction', body: 'Rättelse: mamman nåddes kl 23, inte 22.', correctsEntryId: first.json().id });
    expect(correction.statusCode).toBe(200);
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    const original = view.journal.find((j: { id: string }) => j.id === first.json().id);
    expect(original.body).toBe('Mamman nådd på telefon kl 22.');
    expect(original.correctedBy).toEqual([correction.json().id]);
    await expect(sql`update journal_entry set body = 'x'`.execute(t.deps.database.db)).rejects.toThrow(/append-only/);
  });

  it('records a turn-out with call and arrival time', async () => {
    const res = await worker.post(`/api/cases/${caseId}/journal`, { kind: 'action', actionType: 'utryckning', body: 'Utryckning till hemmet.', calledAt: '2026-11-23T20:10:00Z', arrivedAt: '2026-11-23T20:55:00Z' });
    expect(res.statusCode).toBe(200);
    const bad = await worker.post(`/api/cases/${caseId}/journal`, { kind: 'action', actionType: 'utryckning', body: 'x', calledAt: '2026-11-23T20:10:00Z', arrivedAt: '2026-11-23T20:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('arrivedAt');
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    expect(view.journal.find((j: { actionType: string }) => j.actionType === 'utryckning').turnOutMinutes).toBe(45);
  });

  it('records time and a taxi cost in kronor, exactly in öre', async () => {
    expect((await worker.post(`/api/cases/${caseId}/time`, { minutes: 95 })).statusCode).toBe(200);
    expect((await worker.post(`/api/cases/${caseId}/costs`, { kind: 'travel', amountSek: '487,50', note: 'Taxi' })).statusCode).toBe(200);
    const bad = await worker.post(`/api/cases/${caseId}/costs`, { kind: 'travel', amountSek: '-5' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('amountSek');
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    expect(view.totalMinutes).toBe(95);
    expect(view.totalCostSek).toBe('487.50');
  });

  it('a child case cannot be closed before the protection assessment', async () => {
    const view = (await worker.get(`/api/cases/${caseId}`)).json();
    const refused = await worker.post(`/api/cases/${caseId}/close`, { outcome: 'handed_over', nextSteps: 'Kommunen tar över.', version: view.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('skyddsbedömning');
    expect((await worker.post(`/api/cases/${caseId}/journal`, { kind: 'protection_assessment', body: 'Barnet bedöms inte vara i akut fara; mormor hämtar.' })).statusCode).toBe(200);
    const closed = await worker.post(`/api/cases/${caseId}/close`, { outcome: 'handed_over', nextSteps: 'Kommunen kontaktar familjen måndag.', version: view.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const reportId = closed.json().id;
    const report = await worker.get(`/api/handover-reports/${reportId}`);
    expect(report.statusCode).toBe(200);
    expect(report.json().payload.toDo).toContain('Kommunen kontaktar familjen måndag.');
    const pdf = await worker.get(`/api/handover-reports/${reportId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Täby's kommun user reads the report; Lidingö's does not.
    const taby = await t.signIn('demo.kommun');
    expect((await taby.get(`/api/handover-reports/${reportId}`)).statusCode).toBe(200);
    const lidingo = await t.signIn('demo.kommun.lidingo');
    expect((await lidingo.get(`/api/handover-reports/${reportId}`)).statusCode).toBe(404);
  });
});

describe('protected identity', () => {
  it('shows a display name only, until a reasoned reveal that is logged', async () => {
    const created = await worker.post('/api/persons', { ...guardian, identityNumber: '19900101-0017', firstName: 'Hemlig', lastName: 'Person', protection: 'skyddad_folkbokforing', address: 'Okänd adress 5' });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const search = (await worker.post('/api/persons/search', { query: '19900101-0017' })).json();
    expect(search.results[0]).toMatchObject({ displayName: 'Person med skyddade personuppgifter', isProtected: true, identityNumber: null });
    expect(JSON.stringify(search)).not.toContain('Hemlig');
    const details = (await worker.get(`/api/persons/${id}`)).json();
    expect(details).toMatchObject({ isRevealed: false, address: null, firstName: '' });
    const short = await worker.post(`/api/persons/${id}/reveal`, { reason: 'kort' });
    expect(short.statusCode).toBe(400);
    const revealed = await worker.post(`/api/persons/${id}/reveal`, { reason: 'Behöver kontakta personen om akut placering av barnet.' });
    expect(revealed.json()).toMatchObject({ isRevealed: true, address: 'Okänd adress 5', firstName: 'Hemlig' });
    const events = await auditFor(revealed.headers['x-request-id'] as string);
    expect(events[0]).toMatchObject({ action: 'person.revealed', person_id: id, purpose: 'Behöver kontakta personen om akut placering av barnet.' });
  });
});

describe('the shift board', () => {
  it('lists open cases by priority, and is for jour staff only', async () => {
    const res = await worker.get('/api/board');
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.openCases.length).toBeGreaterThan(0);
    const priorities = board.openCases.map((c: { priority: number | null }) => c.priority ?? 5);
    expect([...priorities].sort((a, b) => a - b)).toEqual(priorities);
    expect(board.onShift.map((u: { displayName: string }) => u.displayName)).toContain('Sara Lindqvist');
    expect((await (await t.signIn('demo.kommun')).get('/api/board')).statusCode).toBe(403);
    expect((await worker.post('/api/board/notes', { body: 'Familjen på Storgatan kan ringa igen i natt.' })).statusCode).toBe(200);
    expect((await worker.get('/api/board')).json().shiftNotes[0].body).toBe('Familjen på Storgatan kan ringa igen i natt.');
  });
});
