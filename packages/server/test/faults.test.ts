import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openAsBlob, openSync, rmSync, writeSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../src/features/audit/service.ts';
import { totpCode } from '../src/features/auth/crypto.ts';
import { createBackup, restoreBackup } from '../src/features/system/backup.ts';
import { openDatabase } from '../src/db/database.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { createLogger } from '../src/log.ts';
import { DEMO_PASSWORD, demoAccounts } from '../src/seed/demo.ts';
import { Agent, createTestApp } from './support/app.ts';
import { createTestDatabase, testDbKind, type TestDatabase } from './support/db.ts';

/**
 * Faults: the real server killed with SIGKILL in the middle of a burst of
 * writes loses none it acknowledged; PostgreSQL going away gives fast 503s
 * and the server recovers by itself; a backup taken under load restores
 * with every write acknowledged before it began. Runs on the database the
 * suite runs on (JOURBOK_TEST_DB), so CI covers PGlite and PostgreSQL.
 */
const bin = fileURLToPath(new URL('../bin/jourbok.mjs', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const secret = demoAccounts.find((a) => a.username === 'demo.socialsekreterare')!.totpSecret!;

/** A database with the demo for the spawned server: a PGlite directory or a PostgreSQL database. */
async function serverTarget(inDir?: string): Promise<string[]> {
  if (testDbKind === 'postgres') {
    const db = await createTestDatabase({ seeded: true });
    await db.database.close();
    cleanups.push(() => db.close().catch(() => {}));
    return ['--database-url', db.url!];
  }
  const dir = inDir ?? mkdtempSync(join(tmpdir(), 'jourbok-fault-'));
  if (!inDir) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const templates = inject('jourbokTemplates');
  const database = await openDatabase({ dataDir: dir, ...(templates?.kind === 'pglite' ? { loadDataDir: await openAsBlob(templates.seeded) } : {}) });
  if (templates?.kind !== 'pglite') {
    const { migrate } = await import('../src/db/migrate.ts');
    const { seedTestDemo } = await import('./support/seed.ts');
    await migrate(database.db);
    await seedTestDemo(database);
  }
  await database.close();
  return ['--data', dir];
}

interface Running {
  child: ChildProcess;
  url: string;
}

/** Spawn `jourbok start` on a free port and wait until it serves. */
function startServer(target: string[]): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'start', '--port', '0', ...target], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, JOURBOK_LOG_LEVEL: 'error', JOURBOK_JOBS: 'false', JOURBOK_THROTTLE_ATTEMPTS: '10000', JOURBOK_WEB_DIST: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/Jourbok is running at (http:\/\/\S+)/);
      if (m) resolve({ child, url: m[1]!.replace(/\/$/, '') });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`jourbok start exited with ${code}: ${out}`)));
    cleanups.push(() => void child.kill('SIGKILL'));
  });
}

/** A signed-in HTTP client over fetch (cookies and the CSRF token like the browser). */
class Client {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(private readonly base: string) {}
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: () => Promise<Record<string, unknown>> }> {
    const res = await fetch(this.base + path, {
      method,
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      this.cookies.set(k!, v ?? '');
    }
    return { status: res.status, json: () => res.json() as Promise<Record<string, unknown>> };
  }
  async refresh() {
    this.csrf = (await (await this.request('GET', '/api/session')).json()).csrfToken as string;
  }
  async signIn() {
    await this.refresh();
    expect((await this.request('POST', '/api/auth/login', { username: 'demo.socialsekreterare', password: DEMO_PASSWORD })).status).toBe(200);
    await this.refresh();
    // a code is accepted once: if this step's code was used by an earlier sign-in, the next step's is
    let status = 0;
    for (const offset of [0, 1]) {
      status = (await this.request('POST', '/api/auth/totp', { code: totpCode(secret, new Date(Date.now() + offset * 30_000)) })).status;
      if (status === 200) break;
    }
    expect(status).toBe(200);
    await this.refresh();
  }
}

const person = (i: number) => ({ identityKind: 'unknown', identityNumber: null, reserveIssuer: null, firstName: `Krasch${i}`, lastName: 'Feltestsson', birthYearApprox: 1980, homeMunicipalityCode: null, address: null, phone: null, email: null, protection: 'none', hiddenResidence: false, confirmedNew: true });
const registration = (i: number) => ({ caseType: 'arende', contactChannel: 'polis', municipalityCode: '0160', categoryCode: 'boende', summary: `FAULT-CASE-${i}`, persons: [{ person: person(i), role: 'adult' }] });

describe(`the server killed with SIGKILL under load (${testDbKind})`, () => {
  it('loses no acknowledged registration or journal entry', { timeout: 300_000 }, async () => {
    const target = await serverTarget();
    const first = await startServer(target);
    const client = new Client(first.url);
    await client.signIn();
    const acknowledged = new Map<string, string[]>();
    let next = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const i = next++;
        try {
          const res = await client.request('POST', '/api/cases', registration(i));
          if (res.status !== 200) continue;
          const id = (await res.json()).id as string;
          acknowledged.set(id, []);
          const journal = await client.request('POST', `/api/cases/${id}/journal`, { kind: 'note', body: `FAULT-JOURNAL-${i}` });
          if (journal.status === 200) acknowledged.get(id)!.push(`FAULT-JOURNAL-${i}`);
        } catch {
          return; // the server is gone: this request was never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    // kill in the middle of the burst, with requests in flight
    const deadline = Date.now() + 120_000;
    while (acknowledged.size < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // Listen for the exit before killing: under load it can come before the workers are done.
    const firstClosed = new Promise((r) => first.child.once('close', r));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await firstClosed;
    const journalled = [...acknowledged.values()].flat().length;
    expect(acknowledged.size).toBeGreaterThanOrEqual(40);
    expect(journalled).toBeGreaterThan(0);

    const second = await startServer(target);
    const after = new Client(second.url);
    await after.signIn();
    for (const [id, entries] of acknowledged) {
      const res = await after.request('GET', `/api/cases/${id}`);
      expect(res.status, `case ${id} lost`).toBe(200);
      const text = JSON.stringify(await res.json());
      for (const entry of entries) expect(text, `${entry} lost`).toContain(entry);
    }
    const secondClosed = new Promise((r) => second.child.once('close', r));
    second.child.kill('SIGTERM');
    await secondClosed;
  });
});

// PostgreSQL only: PGlite runs inside the server process and cannot go away on its own.
describe.runIf(testDbKind === 'postgres')('PostgreSQL unavailable under load', () => {
  it('requests fail fast with a clear 503, nothing is half-written, and the server recovers by itself', { timeout: 180_000 }, async () => {
    const db: TestDatabase = await createTestDatabase({ seeded: true });
    cleanups.push(() => db.close());
    const upstream = new URL(db.url!);
    // A TCP proxy in front of PostgreSQL: stopping it is the outage (the machine's PostgreSQL stays up).
    const sockets = new Set<net.Socket>();
    const proxy = () =>
      net.createServer((client) => {
        const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
        sockets.add(client).add(server);
        client.pipe(server).pipe(client);
        const drop = () => (client.destroy(), server.destroy(), sockets.delete(client), sockets.delete(server));
        client.on('error', drop).on('close', drop);
        server.on('error', drop).on('close', drop);
      });
    let listener = proxy();
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const port = (listener.address() as net.AddressInfo).port;
    const viaProxy = new URL(db.url!);
    viaProxy.host = `127.0.0.1:${port}`;
    const database = await openDatabase({ databaseUrl: viaProxy.toString(), poolSize: 4 });
    const config = loadConfig({ JOURBOK_LOG_LEVEL: 'silent', JOURBOK_WEB_DIST: '/nonexistent', JOURBOK_THROTTLE_ATTEMPTS: '10000' });
    const app = await buildApp({ database, config, clock: { now: () => new Date() }, log: createLogger(config) });
    await app.ready();
    cleanups.push(async () => {
      await app.close().catch(() => {});
      await database.close().catch(() => {});
      listener.close();
    });
    // live updates: the hub's channel, as the event streams hear it
    const heard: string[] = [];
    let gaps = 0;
    await database.listen(
      'jourbok_events',
      (payload) => heard.push(payload),
      () => gaps++,
    );

    const agent = new Agent(app);
    expect((await agent.post('/api/auth/login', { username: 'demo.socialsekreterare', password: DEMO_PASSWORD })).statusCode).toBe(200);
    expect((await agent.post('/api/auth/totp', { code: totpCode(secret, new Date()) })).statusCode).toBe(200);

    // a steady stream of registrations from two workers, through the outage and after it
    const acknowledged: string[] = [];
    const outcomes: { status: number; ms: number; message?: string }[] = [];
    let n = 0;
    let running = true;
    const worker = async () => {
      while (running) {
        const started = Date.now();
        const res = await agent.post('/api/cases', { ...registration(n), summary: `OUTAGE-CASE-${n++}` });
        const ms = Date.now() - started;
        if (res.statusCode === 200) acknowledged.push(res.json().id as string);
        else outcomes.push({ status: res.statusCode, ms, message: res.json().error?.message });
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const workers = [worker(), worker()];
    await new Promise((r) => setTimeout(r, 1_500));
    const beforeOutage = acknowledged.length;
    expect(beforeOutage).toBeGreaterThan(0);

    // outage: the listener closes and every open connection is cut (close() waits for them, so cut them first)
    const closed = new Promise<void>((r) => listener.close(() => r()));
    for (const s of sockets) s.destroy();
    sockets.clear();
    await closed;
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await agent.get('/api/board');
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json().error.message).toMatch(/Databasen svarar inte/);
      expect(Date.now() - started).toBeLessThan(6_000);
    }
    await new Promise((r) => setTimeout(r, 1_500));
    const duringOutage = outcomes.length;
    expect(duringOutage).toBeGreaterThan(0);
    // every failure during the outage was a fast, clear 503
    for (const o of outcomes) {
      expect(o.status).toBe(503);
      expect(o.message).toMatch(/Databasen svarar inte/);
      expect(o.ms).toBeLessThan(6_000);
    }
    expect(gaps).toBeGreaterThan(0);

    // PostgreSQL is back (on the same address): requests succeed again without a restart
    listener = proxy();
    await new Promise<void>((r) => listener.listen(port, '127.0.0.1', r));
    const recovered = acknowledged.length;
    for (let i = 0; i < 100 && acknowledged.length === recovered; i++) await new Promise((r) => setTimeout(r, 100));
    expect(acknowledged.length).toBeGreaterThan(recovered);
    // …and live updates flow again: the listening connection came back by itself
    heard.length = 0;
    for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(heard.length).toBeGreaterThan(0);
    running = false;
    await Promise.all(workers);

    // nothing half-written: every case of the burst, acknowledged or not, is whole
    const direct = await openDatabase({ databaseUrl: db.url! });
    cleanups.push(() => direct.close());
    const cases = await direct.db.selectFrom('jour_case').select(['id', 'summary']).where('summary', 'like', 'OUTAGE-CASE-%').execute();
    const ids = new Set(cases.map((c) => c.id));
    for (const id of acknowledged) expect(ids.has(id), `acknowledged case ${id} is missing`).toBe(true);
    for (const c of cases) {
      const persons = await direct.db.selectFrom('case_person').select('person_id').where('case_id', '=', c.id).execute();
      expect(persons.length, `case ${c.summary} has no person`).toBe(1);
      const audit = await direct.db.selectFrom('audit_event').select('seq').where('entity_id', '=', c.id).execute();
      expect(audit.length, `case ${c.summary} has no audit event`).toBeGreaterThan(0);
    }
    const verify = await verifyAuditChain(direct.db);
    expect(verify.ok, JSON.stringify(verify)).toBe(true);
  });
});

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, as in CI): a disk of a chosen size to fill or make read-only. */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'jourbok-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** A small disk of its own: a tmpfs mounted for the test and unmounted after. */
function smallDisk(megabytes: number): string {
  const point = mkdtempSync(join(tmpdir(), 'jourbok-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', point]);
  cleanups.push(() => {
    spawnSync('umount', ['-l', point]);
    rmSync(point, { recursive: true, force: true });
  });
  return point;
}

/** Fill the disk of `path` to the last byte, as another program would. */
function fillDisk(path: string) {
  const fd = openSync(path, 'w');
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

async function stopServer(running: Running) {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  const closed = new Promise((r) => running.child.once('close', r));
  running.child.kill('SIGTERM');
  await closed;
}

// PGlite only (the embedded database writes to the server's own disk); needs
// to mount a tmpfs, which CI's root can. On a developer's machine without
// root these are skipped; the unit tests of pgliteDirectoryProblem still run.
describe.runIf(testDbKind === 'pglite' && canMount())('PGlite on a full or read-only disk', () => {
  it('a full disk: writes fail with a clear 507, nothing saved is lost, and with space back the server goes on', { timeout: 300_000 }, async () => {
    const disk = smallDisk(400);
    const dir = join(disk, 'data');
    const target = await serverTarget(dir);
    const server = await startServer(target);
    let exited = false;
    server.child.once('exit', () => (exited = true));
    const client = new Client(server.url);
    await client.signIn();
    const acknowledged: string[] = [];
    const register = async (i: number) => {
      const res = await client.request('POST', '/api/cases', registration(i));
      const body = await res.json();
      if (res.status === 200) acknowledged.push(body.id as string);
      return { status: res.status, message: (body.error as { message?: string } | undefined)?.message ?? '' };
    };
    for (let i = 0; i < 5; i++) expect((await register(i)).status).toBe(200);

    // another program fills the disk
    const filler = join(disk, 'filler');
    fillDisk(filler);
    const failures: { status: number; message: string }[] = [];
    for (let i = 5; i < 25 && !exited; i++) {
      try {
        const r = await register(i);
        if (r.status !== 200) failures.push(r);
      } catch {
        // the connection dropped: the embedded database stopped the process (a write-ahead log it could not write)
      }
    }
    // either every write failed with the clear 507, or the database stopped the server; never a 500
    expect(failures.length > 0 || exited).toBe(true);
    for (const f of failures) {
      expect(f.status).toBe(507);
      expect(f.message).toMatch(/Disken där databasen sparar är full/);
    }

    // space is freed: a server still running goes on by itself
    rmSync(filler);
    if (!exited) {
      expect((await register(100)).status).toBe(200);
      await stopServer(server);
    }
    // after a restart every acknowledged case is there, and the audit chain holds
    const again = await startServer(target);
    const after = new Client(again.url);
    await after.signIn();
    for (const id of acknowledged) expect((await after.request('GET', `/api/cases/${id}`)).status, `case ${id} lost`).toBe(200);
    await stopServer(again);
    const verify = spawnSync(process.execPath, [bin, 'audit', 'verify', ...target], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, JOURBOK_LOG_LEVEL: 'error' } });
    expect(verify.status, verify.stderr).toBe(0);
  });

  it('a read-only data directory: the server refuses to start and says why, then starts when it is writable again', { timeout: 300_000 }, async () => {
    const disk = smallDisk(400);
    const dir = join(disk, 'data');
    const target = await serverTarget(dir);
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const refused = await startServer(target).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/exited with 1/);
    expect(refused).toMatch(/Cannot open the database: the data directory .* is on a read-only file system/);
    expect(refused).not.toMatch(/\n\s+at /); // no stack trace
    execFileSync('mount', ['-o', 'remount,rw', disk]);
    const server = await startServer(target);
    const client = new Client(server.url);
    await client.signIn();
    expect((await client.request('GET', '/api/board')).status).toBe(200);
    await stopServer(server);
  });
});

describe('a backup taken under load', () => {
  it('restores with every write acknowledged before it began, and a valid audit chain', { timeout: 300_000 }, async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    t.clock.set(new Date());
    const agent = await t.signIn('demo.socialsekreterare');
    const register = async (i: number) => {
      const res = await agent.post('/api/cases', registration(i));
      return res.statusCode === 200 ? (res.json().id as string) : null;
    };
    const before: string[] = [];
    for (let i = 0; i < 10; i++) before.push((await register(i))!);
    const dir = mkdtempSync(join(tmpdir(), 'jourbok-backup-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'under-load.jsonl.gz');
    // writes keep coming while the backup runs
    let n = 100;
    let running = true;
    const load = (async () => {
      const during: (string | null)[] = [];
      while (running) during.push(await register(n++));
      return during;
    })();
    const backup = await createBackup(t.deps.database.db, file);
    running = false;
    await load;
    expect(backup.rows).toBeGreaterThan(1000);

    const target = await createTestDatabase();
    cleanups.push(() => target.close());
    await restoreBackup(target.database.db, file);
    const restored = new Set((await target.database.db.selectFrom('jour_case').select('id').execute()).map((r) => r.id));
    for (const id of before) expect(restored.has(id), `case ${id} missing from the backup`).toBe(true);
    // consistent: every restored case of the burst has its persons and audit events
    const verify = await verifyAuditChain(target.database.db);
    expect(verify.ok, JSON.stringify(verify)).toBe(true);
  });
});
