import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, systemPrincipal, type Deps } from '../src/app/context.ts';
import { loadConfig } from '../src/config.ts';
import { verifyAuditChain } from '../src/features/audit/service.ts';
import { buildApp } from '../src/http/app.ts';
import { createLogger } from '../src/log.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { createTestDatabase } from './support/db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('logs a read of personal data in the same request, with who, role and request id', async () => {
    const admin = await t.signIn('demo.admin');
    const res = await admin.get('/api/users');
    expect(res.statusCode).toBe(200);
    const requestId = res.headers['x-request-id'] as string;
    const events = await t.deps.database.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'user.list', kind: 'read', actor_role: 'admin', actor_name: 'Anna Berg', organisation_id: t.organisationId });
  });

  it('logs a configuration change with the changed fields, in the same transaction', async () => {
    const chef = await t.signIn('demo.enhetschef');
    const org = (await chef.get('/api/organisation')).json();
    const res = await chef.put('/api/organisation', {
      name: org.name,
      shortName: org.shortName,
      phone: '08-123 456 78',
      staffPerShift: 3,
      calendar: org.calendar,
      version: org.version,
    });
    expect(res.statusCode).toBe(200);
    const event = await t.deps.database.db.selectFrom('audit_event').selectAll().where('request_id', '=', res.headers['x-request-id'] as string).executeTakeFirstOrThrow();
    expect(event.action).toBe('organisation.updated');
    expect((event.details as { fields: string[] }).fields.sort()).toEqual(['phone', 'staffPerShift']);

    // The same version again is stale: refused, and nothing is logged for it.
    const stale = await chef.put('/api/organisation', { name: 'X', shortName: 'X', phone: '', staffPerShift: 1, calendar: org.calendar, version: org.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');
    const none = await t.deps.database.db.selectFrom('audit_event').select('seq').where('request_id', '=', stale.headers['x-request-id'] as string).execute();
    expect(none).toHaveLength(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    const db = t.deps.database.db;
    await expect(sql`update audit_event set actor_name = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('the chain verifies, and a row edited directly in the database is found', async () => {
    const admin = await t.signIn('demo.admin');
    const ok = await admin.post('/api/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true, firstBroken: null });
    const count = ok.json().count as number;
    expect(count).toBeGreaterThan(5);

    const db = t.deps.database.db;
    const victim = await db.selectFrom('audit_event').select(['seq', 'id']).orderBy('seq').offset(3).limit(1).executeTakeFirstOrThrow();
    // An insider with table-owner rights switches the guard off and edits a row.
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_event disable trigger audit_event_no_update`.execute(trx);
      await sql`update audit_event set actor_name = 'Någon annan' where seq = ${victim.seq}`.execute(trx);
      await sql`alter table audit_event enable trigger audit_event_no_update`.execute(trx);
    });
    const broken = await verifyAuditChain(db);
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toMatchObject({ seq: victim.seq, id: victim.id });
    expect(broken.firstBroken!.reason).toMatch(/edited/);
    const viaApi = await admin.post('/api/audit/verify');
    expect(viaApi.json().ok).toBe(false);
  });

  it('finds a removed event', async () => {
    const fresh = await createTestApp();
    try {
      const db = fresh.deps.database.db;
      await fresh.signIn('demo.admin');
      await db.transaction().execute(async (trx) => {
        await sql`alter table audit_event disable trigger audit_event_no_update`.execute(trx);
        await sql`delete from audit_event where seq = 2`.execute(trx);
        await sql`alter table audit_event enable trigger audit_event_no_update`.execute(trx);
      });
      const result = await verifyAuditChain(db);
      expect(result).toMatchObject({ ok: false, count: 1, firstBroken: { seq: 3 } });
      expect(result.firstBroken!.reason).toMatch(/missing/);
    } finally {
      await fresh.close();
    }
  });

  it('the unit manager searches the log by user and kind; the search is itself logged', async () => {
    const chef = await t.signIn('demo.enhetschef');
    const admin = await t.db.database.db.selectFrom('app_user').select('id').where('username', '=', 'demo.admin').executeTakeFirstOrThrow();
    const res = await chef.get(`/api/audit?userId=${admin.id}&kind=read&limit=5`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.events.length).toBeGreaterThan(0);
    for (const e of page.events) {
      expect(e.actorUserId).toBe(admin.id);
      expect(e.kind).toBe('read');
    }
    const logged = await t.deps.database.db.selectFrom('audit_event').selectAll().where('request_id', '=', res.headers['x-request-id'] as string).executeTakeFirstOrThrow();
    expect(logged.action).toBe('audit.searched');
    const bad = await chef.get('/api/audit?from=2026-13-45');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Från');
  });
});

describe('a route that returns personal data without logging it', () => {
  it('has its response withheld', async () => {
    const db = await createTestDatabase();
    try {
      const config = loadConfig({ JOURBOK_LOG_LEVEL: 'silent', JOURBOK_WEB_DIST: '/nonexistent' });
      const deps: Deps = { database: db.database, config, clock: t.clock, log: createLogger(config) };
      const { seedDemo } = await import('../src/seed/demo.ts');
      await inTransaction(deps, systemPrincipal(null), null, seedDemo);
      const app = await buildApp(deps);
      app.get('/api/test/forgetful', { config: { access: { permission: 'users.read', personalData: true } } }, async () => ({ name: 'Anna Berg' }));
      await app.ready();
      const { Agent } = await import('./support/app.ts');
      const agent = new Agent(app);
      await agent.post('/api/auth/login', { username: 'demo.admin', password: (await import('../src/seed/demo.ts')).DEMO_PASSWORD });
      const res = await agent.get('/api/test/forgetful');
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('Anna Berg');
      await app.close();
    } finally {
      await db.close();
    }
  });
});
