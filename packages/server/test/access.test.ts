import { can, roles, type Permission, type Role } from '@jourbok/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../src/http/auth-hook.ts';
import { runDueJobs } from '../src/jobs/runner.ts';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';

/**
 * Walks every API route the server has, as every role, and checks the
 * server's answer against the role table. A new route is covered the moment
 * it is registered.
 */
let t: TestApp;
const agents = new Map<Role, Agent>();
const accountOf: Record<Role, string> = {
  socialsekreterare: 'demo.socialsekreterare',
  enhetschef: 'demo.enhetschef',
  kommun: 'demo.kommun',
  controller: 'demo.controller',
  admin: 'demo.admin',
};
/** Data of another municipality (Lidingö) that a Täby kommun user must never see. */
let foreign: { params: Record<string, string>; byPrefix: Record<string, string>; sentinels: string[] };

/**
 * Lidingö's notice, assignment, on-call politician, a politician's decision
 * with its deadline, and a delivered handover report: created through the API
 * Monday night and delivered Tuesday 07:00, before the walk.
 */
async function lidingoCollaboration(personId: string) {
  const jour = await t.signIn('demo.socialsekreterare');
  const lidingo = await t.signIn('demo.kommun.lidingo');
  const ok = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body);
  };
  const notice = ok(
    await lidingo.post('/api/notices', {
      persons: [{ personId }],
      level: 'must_read',
      title: 'LIDINGO-SENTINEL-AVISERING',
      shouldNotDo: 'LIDINGO-SENTINEL-INSTRUKTION',
      instructions: ['no_economic_aid'],
      validFrom: '2026-11-20',
      validTo: '2026-12-31',
      contactName: 'LIDINGO-SENTINEL-KONTAKT',
      contactPhone: '08-731 30 00',
    }),
  );
  const assignment = ok(
    await lidingo.post('/api/assignments', {
      title: 'LIDINGO-SENTINEL-UPPDRAG',
      persons: [{ personId }],
      windowFrom: '2026-11-23T15:00:00Z',
      windowTo: '2026-11-30T07:00:00Z',
      recurrence: 'daily',
      dailyFrom: '19:00',
      dailyTo: '21:00',
      contactName: 'Olof Ek',
      contactPhone: '08-731 30 00',
    }),
  );
  const politician = ok(
    await lidingo.post('/api/politicians', { name: 'LIDINGO-SENTINEL-POLITIKER', role: 'chair', phone: '070-000 00 01', email: 'sentinel@lidingo.example.se', onCallFrom: '2026-11-01T00:00:00Z', onCallTo: '2027-01-01T00:00:00Z' }),
  );
  const child = { identityKind: 'personnummer', identityNumber: '20150505-2389', reserveIssuer: null, firstName: 'Sentinella', lastName: 'Lidingöbarn', birthYearApprox: null, homeMunicipalityCode: null, address: null, phone: null, email: null, protection: 'none', hiddenResidence: false };
  const created = ok(await jour.post('/api/cases', { caseType: 'arende', contactChannel: 'polis', municipalityCode: '0186', categoryCode: 'barn_unga', summary: 'LIDINGO-SENTINEL-ARENDE', persons: [{ person: child, role: 'child' }] }));
  const view = ok(await jour.get(`/api/cases/${created.id}`));
  const childId = view.persons[0].id;
  const decision = ok(
    await jour.post(`/api/cases/${created.id}/decisions`, { typeCode: 'LVU6', makerKind: 'politician', makerName: 'LIDINGO-SENTINEL-POLITIKER', communicatedVia: 'phone', grounds: 'LIDINGO-SENTINEL-SKAL', subjectPersonId: childId }),
  );
  ok(await jour.post(`/api/cases/${created.id}/journal`, { kind: 'protection_assessment', body: 'Skyddsbedömning gjord.' }));
  const closed = ok(await jour.post(`/api/cases/${created.id}/close`, { outcome: 'handed_over', version: (await jour.get(`/api/cases/${created.id}`)).json().version }));
  const deadline = await t.deps.database.db.selectFrom('legal_deadline').select('id').where('decision_id', '=', decision.id).executeTakeFirstOrThrow();
  t.clock.set('2026-11-24T06:00:00Z');
  const jobs = await runDueJobs(t.deps);
  expect(jobs.ran.find((r) => r.job === 'handover_delivery')?.result).toMatchObject({ delivered: 1 });
  return {
    byPrefix: {
      '/api/notices/': notice.id,
      '/api/assignments/': assignment.id,
      '/api/politicians/': politician.id,
      '/api/handover-reports/': closed.id,
      '/api/decisions/': decision.id,
      '/api/committee-reports/': decision.id,
      '/api/deadlines/': deadline.id,
    },
    sentinels: [
      notice.id,
      'LIDINGO-SENTINEL',
      assignment.id,
      politician.id,
      closed.id,
      decision.id,
      deadline.id,
      created.id,
      created.caseNumber,
      childId,
      'Sentinella',
      '20150505-2389',
      '201505052389',
    ],
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.database.db;
  const lidingoUser = await db.selectFrom('app_user').selectAll().where('username', '=', 'demo.kommun.lidingo').executeTakeFirstOrThrow();
  const lidingoCases = await db.selectFrom('jour_case').select(['id', 'case_number']).where('municipality_code', '=', '0186').execute();
  // Persons who appear only in Lidingö's cases.
  const lidingoPersons = await db
    .selectFrom('person as p')
    .select(['p.id', 'p.identity_number'])
    .where('p.home_municipality_code', '=', '0186')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('case_person as cp').innerJoin('jour_case as c', 'c.id', 'cp.case_id').select('cp.case_id').whereRef('cp.person_id', '=', 'p.id').where('c.municipality_code', '!=', '0186'))))
    .execute();
  expect(lidingoCases.length).toBeGreaterThan(0);
  expect(lidingoPersons.length).toBeGreaterThan(0);
  const collaboration = await lidingoCollaboration(lidingoPersons[0]!.id);
  for (const role of roles) agents.set(role, await t.signIn(accountOf[role]));
  foreign = {
    params: { code: '0186', year: '2026', period: 'T1' },
    byPrefix: { '/api/users/': lidingoUser.id, '/api/cases/': lidingoCases[0]!.id, '/api/persons/': lidingoPersons[0]!.id, ...collaboration.byPrefix },
    sentinels: [
      ...collaboration.sentinels,
      lidingoUser.id,
      lidingoUser.display_name,
      lidingoUser.email ?? '',
      ...lidingoCases.flatMap((c) => [c.id, c.case_number]),
      ...lidingoPersons.flatMap((p) => [p.id, p.identity_number ?? '']),
    ].filter(Boolean),
  };
});
afterAll(() => t.close());

const protectedRoutes = () => t.app.routeCatalog.filter((r) => 'permission' in r.access) as (RouteEntry & { access: { permission: Permission; stream?: boolean } })[];

function urlOf(route: RouteEntry): string {
  const prefixed = Object.entries(foreign.byPrefix).find(([prefix]) => route.url.startsWith(prefix))?.[1];
  return route.url.replace(/:(\w+)/g, (_, name: string) => foreign.params[name] ?? prefixed ?? '00000000-0000-4000-8000-000000000000');
}

describe('route catalogue', () => {
  it('has routes, and every protected route names a known permission', () => {
    expect(protectedRoutes().length).toBeGreaterThan(10);
    for (const r of protectedRoutes()) expect(typeof r.access.permission).toBe('string');
  });
});

describe('every protected route', () => {
  it('refuses a request without a session', async () => {
    const anonymous = t.agent();
    for (const route of protectedRoutes()) {
      const res = route.method === 'GET' ? await anonymous.get(urlOf(route)) : await anonymous.send(route.method as 'POST', urlOf(route), {});
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it.each(roles)('answers %s by the role table', async (role) => {
    const agent = agents.get(role)!;
    for (const route of protectedRoutes()) {
      const allowed = can({ userId: '', organisationId: '', role, municipalityCode: role === 'kommun' ? '0160' : null }, route.access.permission);
      // An allowed event stream never ends; the browser tests cover it.
      if (allowed && route.access.stream) continue;
      const res = route.method === 'GET' ? await agent.get(urlOf(route)) : await agent.send(route.method as 'POST', urlOf(route), {});
      if (allowed) expect(res.statusCode, `${role} ${route.method} ${route.url}: ${res.body}`).not.toBe(403);
      else {
        expect(res.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(res.json().error.message).toContain('behörighet');
      }
      expect(res.statusCode, `${role} ${route.method} ${route.url}: ${res.body}`).toBeLessThan(500);
    }
  });
});

describe('routes for other systems (token access)', () => {
  it('refuse every session, as every role, and a request without a token', async () => {
    const tokenRoutes = t.app.routeCatalog.filter((r) => 'token' in r.access);
    expect(tokenRoutes.length).toBeGreaterThan(0);
    for (const route of tokenRoutes) {
      for (const agent of [t.agent(), ...agents.values()]) {
        const res = route.method === 'GET' ? await agent.get(urlOf(route)) : await agent.send(route.method as 'POST', urlOf(route), {});
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      }
    }
  });
});

describe('a kommun user', () => {
  it("never receives another municipality's data from any route, nor finds it by search", async () => {
    const search = await agents.get('kommun')!.post('/api/persons/search', { query: 'Andersson' });
    expect(search.statusCode).toBe(200);
    for (const sentinel of foreign.sentinels) expect(search.body).not.toContain(sentinel);
    const agent = agents.get('kommun')!;
    for (const route of t.app.routeCatalog) {
      if (route.method !== 'GET' || route.url.startsWith('/api/auth/oidc') || ('stream' in route.access && route.access.stream)) continue;
      const res = await agent.get(urlOf(route));
      for (const sentinel of foreign.sentinels) expect(res.body, `${route.url} leaked ${sentinel}`).not.toContain(sentinel);
    }
  });
});

describe('row scoping', () => {
  it('a kommun user reads its own municipality’s case, and gets 404 for another’s', async () => {
    const db = t.deps.database.db;
    const own = await db.selectFrom('jour_case').select('id').where('municipality_code', '=', '0160').executeTakeFirstOrThrow();
    const other = await db.selectFrom('jour_case').select('id').where('municipality_code', '=', '0186').executeTakeFirstOrThrow();
    const kommun = agents.get('kommun')!;
    expect((await kommun.get(`/api/cases/${own.id}`)).statusCode).toBe(200);
    expect((await kommun.get(`/api/cases/${other.id}`)).statusCode).toBe(404);
    expect((await agents.get('socialsekreterare')!.get(`/api/cases/${other.id}`)).statusCode).toBe(200);
  });
});
