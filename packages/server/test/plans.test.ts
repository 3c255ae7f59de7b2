// The year's plan, its follow-ups and the assembled report document, over HTTP:
// versioned saves, audit events, who may read what, and the PDF's text.
import { reportTables } from '@jourbok/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/app/context.ts';
import { getReport } from '../src/features/statistics/service.ts';
import { demoFollowUps, demoPlan2026 } from '../src/seed/demo-plans.ts';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';
import { pdfText } from './support/pdf-text.ts';

let t: TestApp;
const users = ['demo.enhetschef', 'demo.controller', 'demo.kommun', 'demo.socialsekreterare', 'demo.admin'];
const agents: Record<string, Agent> = {};

/** Move the clock; sessions do not survive a jump, so everyone signs in again. */
async function setClock(at: string) {
  t.clock.set(at);
  for (const u of users) agents[u] = await t.signIn(u);
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of users) agents[u] = await t.signIn(u);
});
afterAll(() => t.close());

const auditOf = (action: string) => t.deps.database.db.selectFrom('audit_event').selectAll().where('action', '=', action).execute();

describe('the year’s plan', () => {
  it('the demo has the 2026 plan with the goals of Nordost’s report, and an empty plan for a year not written', async () => {
    const res = await agents['demo.enhetschef']!.get('/api/plans/2026');
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.exists).toBe(true);
    expect(plan.content.goals.map((g: { title: string }) => g.title)).toContain('Socialjouren åtar sig att socialjouren ska visa på en budget i balans.');
    expect(plan.budgetTotal).toBe(6_118_400 + 612_300);
    const empty = (await agents['demo.enhetschef']!.get('/api/plans/2027')).json();
    expect(empty).toMatchObject({ exists: false, version: 0, content: { goals: [] } });
  });

  it('the unit manager writes a plan (version 0 creates it), a stale version is refused, and each save is audited', async () => {
    const manager = agents['demo.enhetschef']!;
    const content = { intro: 'Plan 2027', goals: [{ id: 'g1', title: 'Hög tillgänglighet', description: '' }], activities: [], indicators: [], budget: [{ id: 'b', label: 'Personal', note: '', amount: 100 }] };
    const created = await manager.put('/api/plans/2027', { version: 0, content });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ exists: true, version: 1, budgetTotal: 100, updatedByName: 'Lotta Stensö' });
    const again = await manager.put('/api/plans/2027', { version: 0, content });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('stale');
    const updated = await manager.put('/api/plans/2027', { version: 1, content: { ...content, goals: [...content.goals, { id: 'g2', title: 'Budget i balans', description: '' }] } });
    expect(updated.json().version).toBe(2);
    const stale = await manager.put('/api/plans/2027', { version: 1, content });
    expect(stale.statusCode).toBe(409);
    const events = await auditOf('plan.updated');
    expect(events.map((e) => (e.details as { version: number }).version).sort()).toEqual([1, 2]);
    expect(events.find((e) => (e.details as { version: number }).version === 2)!.details).toMatchObject({ year: 2027, goals: 2 });
  });

  it('refuses a goal without text, naming the field', async () => {
    const res = await agents['demo.enhetschef']!.put('/api/plans/2028', { version: 0, content: { intro: '', goals: [{ id: 'g', title: ' ', description: '' }], activities: [], indicators: [], budget: [] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation', field: 'goals.0.title' });
  });

  it.each(['demo.controller', 'demo.kommun'])('%s reads the plan but may not write it', async (user) => {
    expect((await agents[user]!.get('/api/plans/2026')).statusCode).toBe(200);
    expect((await agents[user]!.put('/api/plans/2026', { version: 1, content: demoPlan2026 })).statusCode).toBe(403);
  });

  it.each(['demo.socialsekreterare', 'demo.admin'])('%s may not read plans or reports', async (user) => {
    expect((await agents[user]!.get('/api/plans/2026')).statusCode).toBe(403);
    expect((await agents[user]!.get('/api/plans/2026/reports/T1')).statusCode).toBe(403);
  });
});

describe('the follow-up', () => {
  it('T1 and T2 2026 are finished in the demo; T3 and the year are not written yet', async () => {
    const list = (await agents['demo.enhetschef']!.get('/api/plans/2026/follow-ups')).json();
    expect(list.followUps.map((f: { period: string; status: string | null; ended: boolean }) => [f.period, f.status, f.ended])).toEqual([
      ['T1', 'finished', true],
      ['T2', 'finished', true],
      ['T3', null, false],
      ['year', null, false],
    ]);
  });

  it('is written, saved with version checks, cannot be finished before the period ends, and is audited', async () => {
    const manager = agents['demo.enhetschef']!;
    const view = (await manager.get('/api/plans/2026/follow-ups/T3')).json();
    expect(view).toMatchObject({ exists: false, version: 0, status: 'draft' });
    expect(view.content.goals).toHaveLength(demoPlan2026.goals.length);
    expect(view.problems.map((p: { field: string }) => p.field)).toContain('period');
    const content = { ...view.content, goals: view.content.goals.map((g: { goalId: string }) => ({ ...g, status: 'met', text: 'Uppnått under hösten.' })), importantIssues: 'Telefonkö införd.' };
    const saved = await manager.put('/api/plans/2026/follow-ups/T3', { version: 0, content });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ exists: true, version: 1, problems: [{ field: 'period' }] });
    expect((await manager.put('/api/plans/2026/follow-ups/T3', { version: 0, content })).statusCode).toBe(409);
    const early = await manager.post('/api/plans/2026/follow-ups/T3/finish', { version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.field).toBe('period');
    // After the period: it can be finished, and then read by the controller.
    await setClock('2027-01-08T10:00:00Z');
    const finished = await agents['demo.enhetschef']!.post('/api/plans/2026/follow-ups/T3/finish', { version: 1 });
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json()).toMatchObject({ status: 'finished', version: 2, finishedByName: 'Lotta Stensö' });
    expect((await agents['demo.enhetschef']!.put('/api/plans/2026/follow-ups/T3', { version: 2, content })).statusCode).toBe(409);
    expect((await agents['demo.controller']!.get('/api/plans/2026/reports/T3')).statusCode).toBe(200);
    const reopened = await agents['demo.enhetschef']!.post('/api/plans/2026/follow-ups/T3/reopen', { version: 2 });
    expect(reopened.json()).toMatchObject({ status: 'draft', version: 3 });
    expect((await agents['demo.controller']!.get('/api/plans/2026/reports/T3')).statusCode).toBe(404);
    // (The clock stays in 2027 from here: a one-time code cannot be used twice, so time only moves forward.)
    expect((await auditOf('follow_up.updated')).length).toBe(1);
    expect((await auditOf('follow_up.finished')).length).toBe(1);
    expect((await auditOf('follow_up.reopened')).length).toBe(1);
  });

  it('a goal not fully met needs a text before the follow-up is finished', async () => {
    await setClock('2027-01-09T10:00:00Z');
    const manager = agents['demo.enhetschef']!;
    const view = (await manager.get('/api/plans/2026/follow-ups/year')).json();
    const goals = view.content.goals.map((g: { goalId: string }, i: number) => ({ ...g, status: i === 0 ? 'not_met' : 'met', text: '' }));
    const saved = (await manager.put('/api/plans/2026/follow-ups/year', { version: 0, content: { ...view.content, goals } })).json();
    const res = await manager.post('/api/plans/2026/follow-ups/year/finish', { version: saved.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('goals.0.text');
  });

  it.each(['demo.controller', 'demo.kommun'])('%s cannot open the follow-up editor', async (user) => {
    expect((await agents[user]!.get('/api/plans/2026/follow-ups/T1')).statusCode).toBe(403);
    expect((await agents[user]!.put('/api/plans/2026/follow-ups/T1', { version: 1, content: demoFollowUps.T1 })).statusCode).toBe(403);
  });
});

describe('the assembled report', () => {
  it('holds the goals with their follow-up, the statistics of the report and one appendix per member', async () => {
    const res = await agents['demo.enhetschef']!.get('/api/plans/2026/reports/T1');
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    expect(doc).toMatchObject({ organisation: 'Socialjouren Nordost', title: 'Tertialrapport 1 2026', from: '2026-01-01', to: '2026-04-30', status: 'finished' });
    expect(doc.goals).toHaveLength(6);
    expect(doc.goals[5]).toMatchObject({ status: 'partly_met', statusLabel: 'Målet anses delvis uppnått' });
    expect(doc.goalSummary).toEqual({ met: 5, partly_met: 1, not_met: 0, unassessed: 0 });
    expect(doc.indicators[0]).toMatchObject({ name: 'Sjukfrånvaro, totalt', value: 2.8, target: 5, met: true });
    expect(doc.appendices.map((a: { municipality: string }) => a.municipality)).toEqual(['0162', '0186', '0188', '0160', '0115', '0187', '0117']);
    // The statistics are the report's own, computed independently here through the report service.
    const expected = await inTransaction(t.deps, { kind: 'system', displayName: 'test', organisationId: t.organisationId }, null, (ctx) =>
      getReport(ctx, { kind: 'tertial', year: 2026, tertial: 1, municipality: null }),
    );
    expect(doc.statistics.tables).toEqual(reportTables(expected).tables);
    const total = doc.statistics.tables[0].rows[0].cells[2].count;
    expect(total).toBe(871);
  });

  it('a kommun user reads the finished report with only its own appendix', async () => {
    const res = await agents['demo.kommun']!.get('/api/plans/2026/reports/T2');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.statistics).toBeNull();
    expect(doc.appendices).toHaveLength(1);
    expect(doc.appendices[0]).toMatchObject({ municipality: '0160', scope: 'Bilaga: Täby (0160)' });
    expect(res.body).not.toContain('Bilaga: Lidingö');
  });

  it('a draft is the unit manager’s only', async () => {
    const manager = agents['demo.enhetschef']!;
    const view = (await manager.get('/api/plans/2025/follow-ups/T1')).json();
    await manager.put('/api/plans/2025/follow-ups/T1', { version: 0, content: view.content });
    expect((await manager.get('/api/plans/2025/reports/T1')).json().status).toBe('draft');
    expect((await agents['demo.controller']!.get('/api/plans/2025/reports/T1')).statusCode).toBe(404);
    expect((await agents['demo.kommun']!.get('/api/plans/2025/reports/T1')).statusCode).toBe(404);
    const list = (await agents['demo.kommun']!.get('/api/plans/2025/follow-ups')).json();
    expect(list.followUps[0]).toMatchObject({ period: 'T1', exists: false, status: null });
  });

  it('the annual report counts the year’s deviations and complaints per type; a tertial report does not', async () => {
    const manager = agents['demo.enhetschef']!;
    const view = (await manager.get('/api/plans/2026/follow-ups/year')).json();
    expect((await manager.put('/api/plans/2026/follow-ups/year', { version: view.version ?? 0, content: view.content })).statusCode).toBe(200);
    const doc = (await manager.get('/api/plans/2026/reports/year')).json();
    const rows = await t.deps.database.db
      .selectFrom('deviation')
      .select(['kind', 'category'])
      .where('reported_at', '>=', new Date('2025-12-31T23:00:00Z'))
      .where('reported_at', '<', new Date('2026-12-31T23:00:00Z'))
      .execute();
    const count = (label: string) => doc.quality.find((q: { label: string }) => q.label === label)?.count;
    expect(rows.length).toBeGreaterThan(0);
    expect(count('Avvikelser')).toBe(rows.filter((r) => r.kind === 'deviation').length);
    expect(count('Klagomål')).toBe(rows.filter((r) => r.kind === 'complaint').length);
    expect(count('Avvikelser: handläggning')).toBe(rows.filter((r) => r.kind === 'deviation' && r.category === 'handling').length);
    const pdf = await manager.get('/api/plans/2026/reports/year?format=pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Avvikelser, klagomål och egenkontroller 2026');
    expect((await manager.get('/api/plans/2026/reports/T1')).json().quality).toBeNull();
  });

  it('as a PDF: the organisation, the period, the goals with their status, the statistics and every appendix', async () => {
    const res = await agents['demo.controller']!.get('/api/plans/2026/reports/T1?format=pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('tertialrapport-2026-T1.pdf');
    const text = pdfText(res.rawPayload);
    for (const expected of [
      'Tertialrapport 1 2026',
      'Socialjouren Nordost',
      'januari–april 2026 (2026-01-01–2026-04-30)',
      'Måluppfyllelse utifrån Verksamhetsplan 2026',
      'Socialjouren åtar sig att socialjouren ska visa på en budget i balans.',
      'Målet anses delvis uppnått.',
      'Viktiga frågor som uppkommit under perioden',
      'Antal ärenden per kommun',
      'Antal ärenden utifrån karaktär',
      'Sammanfattande anteckning utifrån aktuell statistik',
      'Sjukfrånvaro, totalt',
      'Bilaga 2: Danderyd (0162)',
      'Bilaga 8: Österåker (0117)',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Antal ärenden\n.*\n.*\n871/);
  });

  it('as a kommun user’s PDF: its own appendix only', async () => {
    const res = await agents['demo.kommun']!.get('/api/plans/2026/reports/T1?format=pdf');
    expect(res.headers['content-disposition']).toContain('tertialrapport-2026-T1-0160.pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Bilaga 1: Täby (0160)');
    for (const other of ['(0162)', '(0186)', '(0188)', '(0115)', '(0187)', '(0117)']) expect(text).not.toContain(other);
  });
});
