import { can, roles, type Permission, type Role } from '@jourbok/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../src/http/auth-hook.ts';
import { createTestApp, type Agent } from './support/app.ts';
import { arbitraryFor, hostileStrings, jsonSchemaOf, toQueryString } from './support/fuzz.ts';

/**
 * Every API route in the route catalogue, fuzzed with generated path
 * parameters, query strings, bodies and headers (fast-check, fixed seed,
 * bounded runs): the server never answers 5xx, and every rejection is a 4xx
 * with a Swedish message (a 503 only when a service it needs, such as
 * e-mail, is not set up). A route is covered the moment it is registered.
 * JOURBOK_FUZZ_RUNS=N (default 20) and JOURBOK_FUZZ_SEED=N for longer or other runs.
 */
const RUNS = Number(process.env.JOURBOK_FUZZ_RUNS ?? 20);
const SEED = Number(process.env.JOURBOK_FUZZ_SEED ?? 20261123);

const t = await createTestApp();
afterAll(() => t.close());

const accountOf: Record<Role, string> = {
  socialsekreterare: 'demo.socialsekreterare',
  enhetschef: 'demo.enhetschef',
  admin: 'demo.admin',
  controller: 'demo.controller',
  kommun: 'demo.kommun',
};
const agents = new Map<Role, Agent>();
for (const role of roles) agents.set(role, await t.signIn(accountOf[role]));

/** Existing ids (cases, persons, notices, …) so generated requests reach real rows; not the signed-in accounts. */
const ids: string[] = [];
{
  const db = t.deps.database.db;
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by table_name`.execute(db);
  for (const { table_name } of tables.rows) {
    if (table_name === 'app_session') continue;
    const rows = await sql<{ id: string }>`select id from ${sql.table(table_name)} order by id limit 3`.execute(db);
    ids.push(...rows.rows.map((r) => r.id));
  }
  const own = await db.selectFrom('app_user').select('id').where('username', 'in', Object.values(accountOf)).execute();
  for (const { id } of own) ids.splice(ids.indexOf(id), ids.includes(id) ? 1 : 0);
}

/** Routes that end the fuzzing agent's own session: covered by the security tests instead. */
const excluded = new Set(['POST /api/auth/logout']);
const routes = t.app.routeCatalog.filter((r) => !excluded.has(`${r.method} ${r.url}`) && !('stream' in r.access && r.access.stream));

/** The agent that may call the route (so requests pass the permission check and reach the use case). */
function agentFor(route: RouteEntry): Agent | null {
  // Public and telephony-token routes are fuzzed without a session (the token routes answer 401).
  if (!('permission' in route.access)) return null;
  const permission = route.access.permission as Permission;
  const role = roles.find((r) => can({ userId: '', organisationId: '', role: r, municipalityCode: r === 'kommun' ? '0160' : null }, permission));
  return role ? agents.get(role)! : null;
}

const paramValue = fc.oneof(
  { weight: 4, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.uuid() },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: fc.constantFrom('0160', '0186', '9999', 'barn_unga', 'LVU6', 'SoL', '') },
  { weight: 1, arbitrary: fc.constantFrom(...hostileStrings.filter((s) => s.length < 200)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

type BodyKind = { kind: 'json'; value: unknown } | { kind: 'raw'; raw: string; contentType: string } | { kind: 'none' };

function bodyArbitrary(route: RouteEntry): fc.Arbitrary<BodyKind> {
  const schema = jsonSchemaOf(route.schema?.body);
  const json = (schema ? arbitraryFor(schema, ids) : fc.jsonValue({ maxDepth: 3 })).map((value): BodyKind => ({ kind: 'json', value }));
  const raw = fc
    .record({
      raw: fc.oneof(fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}'), fc.string({ maxLength: 80 })),
      contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/xml'),
    })
    .map((r): BodyKind => ({ kind: 'raw', ...r }));
  return fc.oneof({ weight: 8, arbitrary: json }, { weight: 2, arbitrary: raw }, { weight: 1, arbitrary: fc.constant<BodyKind>({ kind: 'none' }) });
}

function queryArbitrary(route: RouteEntry): fc.Arbitrary<string> {
  const schema = jsonSchemaOf(route.schema?.querystring);
  const known = schema ? arbitraryFor(schema, ids) : fc.constant({});
  const junk = fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...hostileStrings.filter((s) => s.length < 200))), { maxKeys: 3 });
  return fc.oneof({ weight: 4, arbitrary: known.map(toQueryString) }, { weight: 1, arbitrary: junk.map(toQueryString) }, { weight: 1, arbitrary: fc.constantFrom('?a=1&a=2', '?%zz', '?from[]=1', '?=&&=') });
}

const headerArbitrary = fc.record({
  csrf: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'missing', 'wrong'),
  accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*', 'application/pdf', '\u00ff'),
  extra: fc.option(fc.tuple(fc.constantFrom('x-forwarded-for', 'x-request-id', 'accept-language', 'origin', 'x-jourbok-background', 'if-none-match', 'range'), fc.string({ maxLength: 60 }))),
});

/** A message in Swedish: no English validator or framework text leaks out. */
function looksSwedish(message: string) {
  const english = /\b(Invalid|Expected|Required|must|should|Unexpected|Cannot|undefined|Error|received|object Object|string|boolean|input)\b/;
  return message.trim().length > 0 && !english.test(message);
}

describe('every API route, fuzzed', () => {
  it('covers the whole route catalogue', () => {
    expect(routes.length).toBeGreaterThan(50);
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: never 5xx, every rejection a 4xx with a Swedish message', async (_name, route) => {
    const agent = agentFor(route);
    const anonymousCookies = new Map<string, string>();
    let csrf = agent ? (await agent.refreshCsrf(), agent.csrf) : null;
    if (!agent) {
      const first = await t.app.inject({ method: 'GET', url: '/api/session' });
      for (const c of first.cookies as { name: string; value: string }[]) anonymousCookies.set(c.name, c.value);
    }
    const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const property = fc.asyncProperty(
      fc.tuple(...params.map(() => paramValue)),
      queryArbitrary(route),
      route.method === 'GET' ? fc.constant<BodyKind>({ kind: 'none' }) : bodyArbitrary(route),
      headerArbitrary,
      async (values, query, body, h) => {
        let i = 0;
        const url = route.url.replace(/:(\w+)/g, () => encodeURIComponent(values[i++] ?? '')) + query;
        const cookies = agent ? agent.cookies : anonymousCookies;
        const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
        const token = agent ? csrf : (anonymousCookies.get('jb_csrf') ?? null);
        if (h.csrf === 'valid' && token) headers['x-csrf-token'] = token;
        if (h.csrf === 'wrong') headers['x-csrf-token'] = 'x'.repeat(43);
        if (h.accept) headers.accept = h.accept;
        if (h.extra) headers[h.extra[0]] = h.extra[1];
        let payload: string | undefined;
        if (body.kind === 'json') {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(body.value) ?? 'null';
        } else if (body.kind === 'raw') {
          headers['content-type'] = body.contentType;
          payload = body.raw;
        }
        const res = await t.app.inject({ method: route.method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
        for (const c of res.cookies as { name: string; value: string }[]) if (!agent) anonymousCookies.set(c.name, c.value);
        const what = `${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        // 503 is the one 5xx allowed: a service the request needs is down or not set up (database, e-mail), said in Swedish.
        if (res.statusCode === 503) expect(res.json().error.code, what).toBe('unavailable');
        else expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const error = res.json().error as { code?: unknown; message?: unknown };
          expect(typeof error?.code, what).toBe('string');
          expect(typeof error?.message, what).toBe('string');
          expect(looksSwedish(error.message as string), what).toBe(true);
        }
      },
    );
    await fc.assert(property, { seed: SEED, numRuns: RUNS });
    // A generated request may legitimately end the agent's session (e.g. a password change): sign in again.
    if (agent) {
      const session = await agent.get('/api/session');
      if (!session.json().user) {
        const role = roles.find((r) => agents.get(r) === agent)!;
        const fresh = await t.signIn(accountOf[role]);
        agent.cookies.clear();
        for (const [k, v] of fresh.cookies) agent.cookies.set(k, v);
        csrf = null;
      }
    }
  });
});
