import type { LightMyRequestResponse } from 'fastify';
import type { Deps } from '../../src/app/context.ts';
import { loadConfig, type Env } from '../../src/config.ts';
import { totpCode } from '../../src/features/auth/crypto.ts';
import { buildApp, type App } from '../../src/http/app.ts';
import { createLogger } from '../../src/log.ts';
import { DEMO_PASSWORD, demoAccounts } from '../../src/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { TEST_START } from './seed.ts';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current: Date = new Date(TEST_START)) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string) {
    this.current = new Date(at);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestApp {
  app: App;
  deps: Deps;
  clock: TestClock;
  db: TestDatabase;
  organisationId: string;
  agent(): Agent;
  /** an agent signed in as a demo account (with its second factor) */
  signIn(username: string): Promise<Agent>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** seed the demo into this app's own database instead of copying the run's seeded template */
  freshSeed?: boolean;
}

/**
 * A Jourbok app on its own database with the demo organisation, as seeded at
 * TEST_START. The database is a copy of the seeded template that globalSetup
 * makes once per run; `env` configures the app only (the seed never sees it,
 * see seedTestDemo), so it does not need a fresh seed.
 */
export async function createTestApp(env: Env = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase({ seeded: true, fresh: options.freshSeed ?? false });
  const clock = new TestClock();
  const config = loadConfig({ JOURBOK_LOG_LEVEL: 'silent', JOURBOK_DEMO: 'true', JOURBOK_WEB_DIST: '/nonexistent', ...env });
  const deps: Deps = { database: db.database, config, clock, log: createLogger(config) };
  // the demo organisation: the one the demo accounts belong to (what seedDemo returned)
  const organisationId = (await db.database.db.selectFrom('app_user').select('organisation_id').where('username', '=', 'demo.admin').executeTakeFirstOrThrow()).organisation_id;
  const app = await buildApp(deps);
  await app.ready();
  const agent = () => new Agent(app);
  return {
    app,
    deps,
    clock,
    db,
    organisationId,
    agent,
    async signIn(username: string) {
      const a = agent();
      const login = await a.post('/api/auth/login', { username, password: DEMO_PASSWORD });
      if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
      const stage = login.json().stage;
      if (stage === 'totp') {
        const secret = demoAccounts.find((d) => d.username === username)?.totpSecret;
        if (!secret) throw new Error(`no secret for ${username}`);
        const res = await a.post('/api/auth/totp', { code: totpCode(secret, clock.now()) });
        if (res.statusCode !== 200) throw new Error(`totp ${username}: ${res.statusCode} ${res.body}`);
        // The same code cannot be used twice: move the clock past this step for later sign-ins.
        clock.advance(30_000);
      }
      return a;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** An HTTP client through app.inject (no port) with a cookie jar and the CSRF token. */
export class Agent {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;
  constructor(private readonly app: App) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const cleared = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (cleared) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async refreshCsrf() {
    const res = await this.request('GET', '/api/session');
    this.csrf = res.json().csrfToken;
    return res;
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method,
      url,
      headers: { cookie: this.cookieHeader(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    this.remember(res);
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  /** State-changing requests carry the CSRF token of the current session. */
  async send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    await this.refreshCsrf();
    return this.request(method, url, body, this.csrf ? { 'x-csrf-token': this.csrf } : {});
  }

  post(url: string, body?: unknown) {
    return this.send('POST', url, body ?? {});
  }

  put(url: string, body?: unknown) {
    return this.send('PUT', url, body ?? {});
  }
}
