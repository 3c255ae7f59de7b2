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
let foreign: { params: Record<string, string>; sentinels: string[] };

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) agents.set(role, await t.signIn(accountOf[role]));
  const lidingoUser = await t.deps.database.db.selectFrom('app_user').selectAll().where('username', '=', 'demo.kommun.lidingo').executeTakeFirstOrThrow();
  foreign = {
    params: { id: lidingoUser.id, code: '0186' },
    sentinels: [lidingoUser.id, lidingoUser.display_name, lidingoUser.email ?? ''].filter(Boolean),
  };
});
afterAll(() => t.close());

const protectedRoutes = () => t.app.routeCatalog.filter((r) => !('public' in r.access)) as (RouteEntry & { access: { permission: Permission } })[];

function urlOf(route: RouteEntry): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => foreign.params[name] ?? '00000000-0000-4000-8000-000000000000');
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
      const res = route.method === 'GET' ? await agent.get(urlOf(route)) : await agent.send(route.method as 'POST', urlOf(route), {});
      const allowed = can({ userId: '', organisationId: '', role, municipalityCode: role === 'kommun' ? '0160' : null }, route.access.permission);
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
  it("never receives another municipality's data from any route", async () => {
    const agent = agents.get('kommun')!;
    for (const route of t.app.routeCatalog) {
      if (route.method !== 'GET' || route.url.startsWith('/api/auth/oidc')) continue;
      const res = await agent.get(urlOf(route));
      for (const sentinel of foreign.sentinels) expect(res.body, `${route.url} leaked ${sentinel}`).not.toContain(sentinel);
    }
  });
});
