// The unit manager's dashboard over HTTP: aggregates only, and each figure
// equal to a count computed here from the case rows in JavaScript.
import { localDateOf } from '@jourbok/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';

let t: TestApp;
let manager: Agent;
const TZ = 'Europe/Stockholm';

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('demo.enhetschef');
});
afterAll(() => t.close());

/** Local date and hour of an instant, by Intl (not by the database). */
function local(at: Date) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

async function cases() {
  return t.deps.database.db.selectFrom('jour_case').select(['id', 'received_at', 'category_code', 'status', 'municipality_code']).where('organisation_id', '=', t.organisationId).execute();
}

describe('GET /api/dashboard/statistics', () => {
  it('is the unit manager’s only', async () => {
    for (const user of ['demo.socialsekreterare', 'demo.kommun', 'demo.controller', 'demo.admin']) {
      const agent = await t.signIn(user);
      const res = await agent.get('/api/dashboard/statistics');
      expect(res.statusCode, user).toBe(403);
    }
  });

  it('counts the last 12 months as the rows say: totals, hours, categories, members, months', async () => {
    const res = await manager.get('/api/dashboard/statistics?months=12');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ today: '2026-11-23', from: '2025-12-01', to: '2026-11-23', months: 12 });
    const rows = (await cases()).map((c) => ({ ...c, ...local(c.received_at) })).filter((c) => c.date >= '2025-12-01' && c.date <= '2026-11-23');
    expect(rows.length).toBeGreaterThan(2000);
    expect(d.totals.cases).toBe(rows.length);
    expect(d.totals.youthCases).toBe(rows.filter((c) => c.category_code === 'barn_unga').length);
    expect(d.totals.closedAtJour).toBe(rows.filter((c) => c.status === 'closed').length);
    expect(d.totals.nights).toBe(358);
    for (let hour = 0; hour < 24; hour++) expect(d.perHour[hour], `hour ${hour}`).toEqual({ hour, cases: rows.filter((c) => c.hour === hour).length });
    const barn = d.byCategory.find((c: { code: string }) => c.code === 'barn_unga');
    expect(barn.cases).toBe(d.totals.youthCases);
    expect(d.byCategory.reduce((s: number, c: { cases: number }) => s + c.cases, 0)).toBe(rows.length);
    expect(d.byMunicipality.map((m: { name: string }) => m.name)).toEqual(['Danderyd', 'Lidingö', 'Norrtälje', 'Täby', 'Vallentuna', 'Vaxholm', 'Österåker', 'Annan kommun']);
    expect(d.byMunicipality.find((m: { code: string }) => m.code === '0160').cases).toBe(rows.filter((c) => c.municipality_code === '0160').length);
    expect(d.byMunicipality.reduce((s: number, m: { cases: number }) => s + m.cases, 0)).toBe(rows.length);
    expect(d.trend.map((m: { month: string }) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(d.trend[2].cases).toBe(rows.filter((c) => c.date.startsWith('2026-02')).length);
    // No personal data: only counts and codes.
    expect(res.body).not.toMatch(/\d{8}-?\d{4}/);
    expect(res.body).not.toContain('Skyddsbedömning');
  });

  it('a night runs from 08:00 to 08:00: cases before 08:00 belong to the night before', async () => {
    const d = (await manager.get('/api/dashboard/statistics')).json();
    expect(d.perNight).toHaveLength(31);
    expect(d.perNight[30].night).toBe('2026-11-22');
    const nightOf = (at: Date) => {
      const { date, hour } = local(at);
      if (hour >= 8) return date;
      const previous = new Date(`${date}T12:00:00Z`);
      previous.setUTCDate(previous.getUTCDate() - 1);
      return previous.toISOString().slice(0, 10);
    };
    const counts = new Map<string, number>();
    for (const c of await cases()) if (c.received_at >= new Date('2026-10-20T00:00:00Z')) counts.set(nightOf(c.received_at), (counts.get(nightOf(c.received_at)) ?? 0) + 1);
    for (const n of d.perNight) expect(n.cases, n.night).toBe(counts.get(n.night) ?? 0);
    expect(d.perNight.reduce((s: number, n: { cases: number }) => s + n.cases, 0)).toBeGreaterThan(100);
    const weekdayNights = d.perWeekday.reduce((s: number, w: { nights: number }) => s + w.nights, 0);
    expect(weekdayNights).toBe(357);
  });

  it('turn-outs: count and minutes from call to arrival, as the journal says', async () => {
    const d = (await manager.get('/api/dashboard/statistics')).json();
    const rows = await t.deps.database.db
      .selectFrom('journal_entry as j')
      .innerJoin('jour_case as c', 'c.id', 'j.case_id')
      .select(['j.called_at', 'j.arrived_at', 'c.received_at'])
      .where('j.action_type', '=', 'utryckning')
      .execute();
    const inRange = rows.filter((r) => localDateOf(r.received_at.toISOString(), TZ) >= '2025-12-01');
    expect(inRange.length).toBeGreaterThan(5);
    const minutes = inRange.map((r) => (r.arrived_at!.getTime() - r.called_at!.getTime()) / 60_000).sort((a, b) => a - b);
    const mid = minutes.length / 2;
    const median = minutes.length % 2 ? minutes[Math.floor(mid)]! : (minutes[mid - 1]! + minutes[mid]!) / 2;
    expect(d.turnOuts).toMatchObject({ count: inRange.length, withArrival: inRange.length, medianMinutes: Math.round(median), withinBenchmark: minutes.filter((m) => m <= 120).length, benchmarkMinutes: 120 });
  });

  it('compares the tertial so far (T3 2026 to 23 November) with the same days of 2025', async () => {
    const d = (await manager.get('/api/dashboard/statistics')).json();
    expect(d.tertial.tertial).toBe(3);
    expect(d.tertial.current).toMatchObject({ from: '2026-09-01', to: '2026-11-23', nights: 84 });
    expect(d.tertial.lastYear).toMatchObject({ from: '2025-09-01', to: '2025-11-23', nights: 84 });
    const all = (await cases()).map((c) => ({ ...c, ...local(c.received_at) }));
    const within = (from: string, to: string) => all.filter((c) => c.date >= from && c.date <= to);
    expect(d.tertial.current.cases).toBe(within('2026-09-01', '2026-11-23').length);
    expect(d.tertial.lastYear.cases).toBe(within('2025-09-01', '2025-11-23').length);
    expect(d.tertial.lastYear.youthCases).toBe(within('2025-09-01', '2025-11-23').filter((c) => c.category_code === 'barn_unga').length);
  });

  it('counts decisions per type: registered ones not withdrawn, and those of imported cases', async () => {
    const d = (await manager.get('/api/dashboard/statistics?months=36')).json();
    expect(d.from).toBe('2023-12-01');
    const db = t.deps.database.db;
    const imported = await db
      .selectFrom('imported_decision as i')
      .innerJoin('jour_case as c', 'c.id', 'i.case_id')
      .select(['i.type_code', 'i.count', 'c.received_at'])
      .execute();
    const expected = imported.filter((r) => localDateOf(r.received_at.toISOString(), TZ) >= '2023-12-01' && r.type_code === 'LVU43').reduce((s, r) => s + r.count, 0);
    // Registered decisions in the window (the demo also holds old cases, due for retention, outside it).
    const registered = (
      await db.selectFrom('decision as d').innerJoin('jour_case as c', 'c.id', 'd.case_id').select(['d.id', 'c.received_at']).where('d.type_code', '=', 'LVU43').where('d.status', '=', 'active').execute()
    ).filter((r) => localDateOf(r.received_at.toISOString(), TZ) >= '2023-12-01');
    expect(d.decisions.find((x: { code: string }) => x.code === 'LVU43').count).toBe(expected + registered.length);
    expect((await manager.get('/api/dashboard/statistics?months=99')).statusCode).toBe(400);
  });
});
