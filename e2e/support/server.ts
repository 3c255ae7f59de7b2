// A real Jourbok server, in-process, on an in-memory database with the demo
// organisation, serving the built web app. One per test file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../packages/server/src/db/database.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { createLogger } from '../../packages/server/src/log.ts';
import { buildApp } from '../../packages/server/src/http/app.ts';
import { inTransaction, systemPrincipal } from '../../packages/server/src/app/context.ts';
import { seedDemo, demoAccounts, DEMO_PASSWORD } from '../../packages/server/src/seed/demo.ts';
import { totpCode } from '../../packages/server/src/features/auth/crypto.ts';
import { runDueJobs, type JobsReport } from '../../packages/server/src/jobs/runner.ts';

export { demoAccounts, DEMO_PASSWORD, totpCode };

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const webDist = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url));

/** Build the web app once if there is no build (a stale build is the developer's to refresh). */
export function ensureWebBuilt(): void {
  if (existsSync(`${webDist}index.html`)) return;
  const result = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: repoRoot, stdio: 'inherit', env: process.env });
  if (result.status !== 0 || !existsSync(`${webDist}index.html`)) throw new Error('npm run build:web failed; the browser tests need the built web app');
}

export interface TestServer {
  url: string;
  /** the server's database, for a test to look up what the demo seeded */
  database: Awaited<ReturnType<typeof openDatabase>>;
  /** run the scheduled jobs due at the server's clock now (the morning delivery …), as the job runner's tick does */
  runJobs(): Promise<JobsReport>;
  close(): Promise<void>;
}

/** Options for a test that moves the server's clock or changes a setting. */
export interface ServerOptions {
  /**
   * The server's clock. A test that controls time passes its own; it lives
   * only in this in-process harness, so no server started by `jourbok start`
   * can ever have it.
   */
  clock?: { now(): Date };
  /** the same as clock, as a function */
  now?: () => Date;
  env?: Record<string, string>;
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  ensureWebBuilt();
  const database = await openDatabase({ memory: true });
  await migrate(database.db);
  const config = loadConfig({ JOURBOK_DEMO: 'true', JOURBOK_LOG_LEVEL: 'silent', JOURBOK_WEB_DIST: webDist, ...options.env });
  const deps = { database, config, clock: options.clock ?? { now: options.now ?? (() => new Date()) }, log: createLogger(config) };
  await inTransaction(deps, systemPrincipal(null, 'demo'), null, seedDemo);
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    runJobs: () => runDueJobs(deps),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
