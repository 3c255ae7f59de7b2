// Shared by the benchmarks: a real Jourbok server on loopback over a fresh
// database (PGlite in a temporary directory, or a new PostgreSQL database),
// and an HTTP client that signs in like the browser does.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nordostPreset } from '@jourbok/domain';
import { inTransaction, systemPrincipal, type Deps } from '../../packages/server/src/app/context.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { openDatabase, type Database } from '../../packages/server/src/db/database.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import { hashPassword, totpCode } from '../../packages/server/src/features/auth/crypto.ts';
import { initOrganisation } from '../../packages/server/src/features/organisation/service.ts';
import { buildApp, type App } from '../../packages/server/src/http/app.ts';
import { createLogger } from '../../packages/server/src/log.ts';
import { scratchPostgres } from './measure.ts';

export interface BenchServer {
  kind: 'pglite' | 'postgres';
  url: string;
  app: App;
  database: Database;
  organisationId: string;
  close(): Promise<void>;
}

const SECRET = 'JBBENCHSECRETJBBENCHSECRETAAAAAA';
const PASSWORD = 'bench-password-2026';

export async function startBenchServer(kind: 'pglite' | 'postgres'): Promise<BenchServer> {
  let database: Database;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const scratch = await scratchPostgres(process.env.DATABASE_URL!, 'jourbok_bench');
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 20 });
    cleanup = () => scratch.drop();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'jourbok-bench-'));
    database = await openDatabase({ dataDir: dir });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrate(database.db);
  const config = loadConfig({ JOURBOK_LOG_LEVEL: 'silent', JOURBOK_WEB_DIST: '/nonexistent', JOURBOK_THROTTLE_ATTEMPTS: '10000' });
  const deps: Deps = { database, config, clock: { now: () => new Date() }, log: createLogger(config) };
  const organisationId = await inTransaction(deps, systemPrincipal(null, 'bench'), null, async (ctx) => {
    const id = await initOrganisation(ctx, nordostPreset);
    await ctx.trx
      .insertInto('app_user')
      .values({ organisation_id: id, username: 'bench.worker', display_name: 'Bench Worker', role: 'socialsekreterare', password_hash: await hashPassword(PASSWORD), totp_secret: SECRET, totp_enrolled_at: new Date() })
      .execute();
    return id;
  });
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    kind,
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    organisationId,
    async close() {
      await app.close();
      await database.close();
      await cleanup();
    },
  };
}

/** A signed-in HTTP client (cookie + CSRF token), as the browser is. */
export class BenchClient {
  #cookies = new Map<string, string>();
  #csrf = '';
  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown, retried = false): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await this.send(method, path, body);
    } catch (error) {
      // A kept-alive connection the server closed while idle: try once more on a new one.
      if (retried) throw error;
      return this.request(method, path, body, true);
    }
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (k && v !== undefined) this.#cookies.set(k.trim(), v);
    }
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }

  private send(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(this.base + path, {
      method,
      headers: {
        cookie: [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.#csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** The session cookie and CSRF token of this client, for a load generator (bench/load). */
  authHeaders(): Record<string, string> {
    return { cookie: [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': this.#csrf };
  }

  async refreshCsrf() {
    const s = await this.request('GET', '/api/session');
    this.#csrf = (s.json as { csrfToken: string }).csrfToken;
  }

  async signIn(): Promise<void> {
    await this.refreshCsrf();
    const login = await this.request('POST', '/api/auth/login', { username: 'bench.worker', password: PASSWORD });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    await this.refreshCsrf();
    // Each client signs in in its own 30-second TOTP step (a code is accepted once).
    const totp = await this.request('POST', '/api/auth/totp', { code: totpCode(SECRET, new Date()) });
    if (totp.status !== 200) throw new Error(`totp failed: ${totp.status} ${JSON.stringify(totp.json)}`);
    await this.refreshCsrf();
  }
}

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), count: sorted.length };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
