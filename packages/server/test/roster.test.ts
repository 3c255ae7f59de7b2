// Staffing through HTTP: staff records, generating a rotation with HiGHS, moving a shift and
// seeing every broken rule, publishing (14 days ahead), call-outs that break the next shift's
// rest on the board and in the roster, and substitutes proposed for the gap.
import { checkRoster, defaultRosterRules, nordostCalendar, type Assignment } from '@jourbok/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';

let t: TestApp;
let manager: Agent;
let worker: Agent;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('demo.enhetschef');
  worker = await t.signIn('demo.socialsekreterare');
});
afterAll(() => t.close());

const ok = (res: { statusCode: number; body: string }) => {
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body);
};

interface View {
  id: string;
  version: number;
  startDate: string;
  weeks: number;
  status: string;
  staff: { id: string; name: string; kind: string; hours: number; target: number | null; tolerance: number | null }[];
  assignments: { id: string; staffId: string; date: string; kind: Assignment['kind'] }[];
  violations: { rule: string; staffId: string | null; date: string; message: string; callOutId?: string | null }[];
  gaps: { date: string; reason: string; staffId: string | null; callOutId: string | null; proposals: { staffId: string; name: string; kind: Assignment['kind'] }[] }[];
  problems: { requirement: string; message: string }[];
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The fewest hand moves that take away someone's weekly rest, found with the domain checker:
 * give person B the shifts of their free days in one week (all seven, or Monday to Saturday).
 */
function breakingMoves(view: View) {
  const staff = view.staff.map((s) => ({ id: s.id, name: s.name }));
  const base = view.assignments.map((a) => ({ id: a.id, staffId: a.staffId, date: a.date, kind: a.kind }));
  const input = { calendar: nordostCalendar, rules: defaultRosterRules, from: view.startDate, days: view.weeks * 7, requiredPerShift: 2, staff, requests: [], callOuts: [] };
  let plan: { person: string; weekStart: string; moves: View['assignments'] } | null = null;
  for (const person of staff) {
    for (let week = 0; week < view.weeks; week++) {
      const days = Array.from({ length: 7 }, (_, d) => addDays(view.startDate, week * 7 + d));
      const free = days.filter((date) => !base.some((a) => a.staffId === person.id && a.date === date && a.kind === 'open'));
      for (const targets of [free, free.filter((date) => date !== days[6])]) {
        const moves = targets.map((date) => base.find((a) => a.date === date && a.kind === 'open' && a.staffId !== person.id)!);
        if (moves.some((m) => !m) || (plan && moves.length >= plan.moves.length)) continue;
        const moved = base.map((a) => (moves.some((m) => m.id === a.id) ? { ...a, staffId: person.id } : a));
        if (checkRoster({ ...input, assignments: moved }).some((v) => v.rule === 'weekly_rest' && v.staffId === person.id && v.date === days[0])) plan = { person: person.id, weekStart: days[0]!, moves };
      }
    }
  }
  if (!plan) throw new Error('no breaking moves found');
  return plan;
}

describe('staff', () => {
  it('lists the demo staff: five social workers on 4.0 FTE and three hourly substitutes', async () => {
    const list = ok(await manager.get('/api/staff'));
    expect(list.totalFte).toBe(4);
    expect(list.staff.filter((s: { kind: string }) => s.kind === 'regular')).toHaveLength(5);
    const hanna = list.staff.find((s: { name: string }) => s.name === 'Hanna Wik');
    expect(hanna).toMatchObject({ kind: 'substitute', weekdayUntilMidnight: true, contactMunicipalityName: 'Vaxholm' });
    expect(hanna.availableDates.length).toBeGreaterThan(10);
  });

  it('adds staff, refusing an employment rate outside 35–100 % by name', async () => {
    const bad = await manager.post('/api/staff', { name: 'Test Person', kind: 'regular', employmentRate: 30, contactMunicipalityCode: '0160' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Sysselsättningsgraden');
    const sub = ok(await manager.post('/api/staff', { name: 'Ulla Vikarie', kind: 'substitute', employmentRate: null, contactMunicipalityCode: '0186', qualifications: ['Socionom'], phone: '070-1', weekdayUntilMidnight: false }));
    expect(sub).toMatchObject({ name: 'Ulla Vikarie', kind: 'substitute', employmentRate: null });
    const dates = ok(await manager.post(`/api/staff/${sub.id}/dates`, { kind: 'available', dates: ['2026-12-15'] }));
    expect(dates.availableDates).toEqual(['2026-12-15']);
    const wrong = await manager.post(`/api/staff/${sub.id}/dates`, { kind: 'absence', dates: ['2026-12-15'] });
    expect(wrong.statusCode).toBe(400);
  });

  it('is the manager’s: a social worker may not read the staff records nor generate', async () => {
    expect((await worker.get('/api/staff')).statusCode).toBe(403);
    expect((await worker.post('/api/rosters', { startDate: '2026-12-14' })).statusCode).toBe(403);
  });
});

describe('a generated roster', () => {
  let view: View;

  it('is generated by the solver for four weeks from a Monday, keeping every rule', async () => {
    expect((await manager.post('/api/rosters', { startDate: '2026-12-15' })).statusCode).toBe(400);
    view = ok(await manager.post('/api/rosters', { startDate: '2026-12-14', weeks: 4, timeLimitSeconds: 6, mipGap: 0.05 }));
    expect(view.status).toBe('draft');
    expect(view.problems).toEqual([]);
    expect(view.violations).toEqual([]);
    expect(view.assignments.filter((a) => a.kind === 'open' && a.date === '2026-12-24')).toHaveLength(2);
    expect(view.staff.filter((s) => s.kind === 'regular').every((s) => Math.abs(s.hours - s.target!) <= s.tolerance! + 0.1)).toBe(true);
  });

  it('shows the broken rule at once when the manager moves a shift, and refuses to publish it', async () => {
    const plan = breakingMoves(view);
    let moved = view;
    for (const m of plan.moves) moved = ok(await manager.send('PUT', `/api/rosters/${view.id}/assignments/${m.id}`, { staffId: plan.person, version: moved.version }));
    const weekly = moved.violations.filter((v) => v.rule === 'weekly_rest');
    expect(weekly).toContainEqual(expect.objectContaining({ staffId: plan.person, date: plan.weekStart }));
    expect(weekly[0]!.message).toMatch(/veckovila; minst 36 h krävs/);
    // Every broken rule at once: exactly what the checker finds on the moved roster.
    const expected = checkRoster({
      calendar: nordostCalendar,
      rules: defaultRosterRules,
      from: moved.startDate,
      days: moved.weeks * 7,
      requiredPerShift: 2,
      staff: moved.staff.map((s) => ({ id: s.id, name: s.name })),
      assignments: moved.assignments.map((a) => ({ staffId: a.staffId, date: a.date, kind: a.kind })),
      requests: [],
      callOuts: [],
    });
    expect(moved.violations.map((v) => v.message).sort()).toEqual(expected.map((v) => v.message).sort());
    const stale = await manager.post(`/api/rosters/${view.id}/publish`, { version: view.version });
    expect(stale.statusCode).toBe(409);
    const refused = await manager.post(`/api/rosters/${view.id}/publish`, { version: moved.version });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('veckovila');
    // Moving the shifts back puts things right.
    for (const m of plan.moves) moved = ok(await manager.send('PUT', `/api/rosters/${view.id}/assignments/${m.id}`, { staffId: m.staffId, version: moved.version }));
    view = moved;
    expect(view.violations).toEqual([]);
  });

  it('publishes at least 14 days ahead, not later', async () => {
    // A week from next Monday: it should have been published by 2026-11-16.
    const soon: View = ok(await manager.post('/api/rosters', { startDate: '2026-11-30', weeks: 1, timeLimitSeconds: 3, mipGap: 0.1 }));
    const late = await manager.post(`/api/rosters/${soon.id}/publish`, { version: soon.version });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toContain('minst 14 dagar');
    expect(late.json().error.message).toContain('2026-11-16');
    // The four weeks from 14 December may be published until 30 November.
    t.clock.set('2026-11-30T08:00:00Z');
    manager = await t.signIn('demo.enhetschef');
    const published: View = ok(await manager.post(`/api/rosters/${view.id}/publish`, { version: view.version }));
    expect(published.status).toBe('published');
    worker = await t.signIn('demo.socialsekreterare');
    const list = ok(await worker.get('/api/rosters'));
    expect(list.rosters.find((r: { id: string }) => r.id === view.id)).toMatchObject({ status: 'published' });
  });
});

describe('standby call-outs', () => {
  it('puts a long call-out on the board and in the roster, and proposes a rested substitute', async () => {
    // The demo's running roster: someone on standby on a weekday morning who works that evening.
    const rosters = ok(await manager.get('/api/rosters')).rosters as { id: string; status: string; startDate: string }[];
    const running: View = ok(await manager.get(`/api/rosters/${rosters.find((r) => r.status === 'published' && r.startDate < '2026-11-23')!.id}`));
    const candidates = running.assignments.filter(
      (a) => a.kind === 'standby' && a.date > '2026-12-01' && new Date(`${a.date}T12:00:00Z`).getUTCDay() >= 1 && new Date(`${a.date}T12:00:00Z`).getUTCDay() <= 4 && running.assignments.some((o) => o.kind === 'open' && o.staffId === a.staffId && o.date === a.date) &&
        running.assignments.filter((o) => o.kind === 'open' && o.date === a.date).length === 2,
    );
    const standby = candidates[0]!;
    // 07:00 local on that morning; the call-out 03:10–06:45 leaves 9.75 h before 16:30.
    t.clock.set(`${standby.date}T06:00:00Z`);
    const jour = await t.signIn('demo.socialsekreterare');
    const recorded = ok(await jour.post('/api/callouts', { staffId: standby.staffId, calledAt: `${standby.date}T02:00:00Z`, startedAt: `${standby.date}T02:10:00Z`, backAt: `${standby.date}T05:45:00Z`, note: 'Barn placerat i jourhem.' }));
    expect(recorded.alerts).toHaveLength(1);
    expect(recorded.alerts[0]).toMatchObject({ shiftDate: standby.date, restHours: 9.8 });
    expect(recorded.alerts[0].message).toContain('tidigast 17:45');
    expect(recorded.alerts[0].proposals.length).toBeGreaterThan(0);

    const board = ok(await jour.get('/api/board'));
    expect(board.restAlerts.map((a: { callOutId: string }) => a.callOutId)).toContain(recorded.callOut.id);

    const bad = await jour.post('/api/callouts', { staffId: standby.staffId, calledAt: `${standby.date}T02:00:00Z`, startedAt: `${standby.date}T02:10:00Z`, backAt: `${standby.date}T02:00:00Z` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('backAt');

    manager = await t.signIn('demo.enhetschef');
    const roster: View = ok(await manager.get(`/api/rosters/${running.id}`));
    expect(roster.violations).toContainEqual(expect.objectContaining({ rule: 'rest_before_shift', staffId: standby.staffId, date: standby.date, callOutId: recorded.callOut.id }));
    const gap = roster.gaps.find((g) => g.callOutId === recorded.callOut.id)!;
    expect(gap).toMatchObject({ date: standby.date, reason: 'rest', staffId: standby.staffId });
    const proposal = gap.proposals[0]!;
    // Taking the proposal fills the gap.
    const filled: View = ok(await manager.post(`/api/rosters/${running.id}/assignments`, { staffId: proposal.staffId, date: standby.date, kind: proposal.kind, version: roster.version }));
    expect(filled.gaps.filter((g) => g.date === standby.date)).toEqual([]);
  });

  it('refuses a kommun user', async () => {
    const kommun = await t.signIn('demo.kommun');
    expect((await kommun.get('/api/callouts')).statusCode).toBe(403);
    expect((await kommun.get('/api/rosters')).statusCode).toBe(403);
  });
});
