import type { LightMyRequestResponse } from 'fastify';
import { inTransaction, systemPrincipal, type Deps } from '../../src/app/context.ts';
import { loadConfig, type Env } from '../../src/config.ts';
import { totpCode } from '../../src/features/auth/crypto.ts';
import { buildApp, type App } from '../../src/http/app.ts';
import { createLogger } from '../../src/log.ts';
import { DEMO_PASSWORD, demoAccounts, seedDemo } from '../../src/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current: Date = new Date('2026-11-23T20:00:00Z')) {}
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

export async function createTestApp(env: Env = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = new TestClock();
  const config = loadConfig({ JOURBOK_LOG_LEVEL: 'silent', JOURBOK_DEMO: 'true', JOURBOK_WEB_DIST: '/nonexistent', ...env });
  const deps: Deps = { database: db.database, config, clock, log: createLogger(config) };
  const organisationId = await inTransaction(deps, systemPrincipal(null, 'test'), null, (ctx) => seedDemo(ctx));
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
