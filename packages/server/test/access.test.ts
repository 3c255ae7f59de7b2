import { can, roles, type Permission, type Role } from '@jourbok/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../src/http/auth-hook.ts';
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

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) agents.set(role, await t.signIn(accountOf[role]));
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
  foreign = {
    params: { code: '0186' },
    byPrefix: { '/api/users/': lidingoUser.id, '/api/cases/': lidingoCases[0]!.id, '/api/persons/': lidingoPersons[0]!.id },
    sentinels: [
      lidingoUser.id,
      lidingoUser.display_name,
      lidingoUser.email ?? '',
      ...lidingoCases.flatMap((c) => [c.id, c.case_number]),
      ...lidingoPersons.flatMap((p) => [p.id, p.identity_number ?? '']),
    ].filter(Boolean),
  };
});
afterAll(() => t.close());

const protectedRoutes = () => t.app.routeCatalog.filter((r) => !('public' in r.access)) as (RouteEntry & { access: { permission: Permission; stream?: boolean } })[];

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
