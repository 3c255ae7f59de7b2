// bench/startup: cold-start time to a served page, and idle memory, for the
// embedded database (PGlite) and PostgreSQL. Run: npx tsx bench/startup.ts
// (PostgreSQL part needs DATABASE_URL; the server needs a built web app).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/server/bin/jourbok.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function waitForPage(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200 && (await res.text()).includes('<div id="root">')) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timeout waiting for the page');
}

async function measure(label: string, dbArgs: string[]) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start', '--demo', '--port', String(port), ...dbArgs], {
    env: { ...process.env, JOURBOK_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForPage(`http://127.0.0.1:${port}/`, child);
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, 3000));
    const idle = rssMiB(child.pid!);
    return { label, ms, idle };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

if (!existsSync(join(root, 'packages/web/dist/index.html'))) {
  spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
}

const rows: { label: string; ms: number; idle: number }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'jourbok-bench-'));
rows.push(await measure('PGlite, first start (migrate + demo seed)', ['--data', dir]));
rows.push(await measure('PGlite, restart (existing data)', ['--data', dir]));
rmSync(dir, { recursive: true, force: true });

if (process.env.DATABASE_URL) {
  const name = `jourbok_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  try {
    rows.push(await measure('PostgreSQL, first start (migrate + demo seed)', ['--database-url', url.toString()]));
    rows.push(await measure('PostgreSQL, restart (existing data)', ['--database-url', url.toString()]));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log('(DATABASE_URL not set: PostgreSQL skipped)');
}

console.log('\nJourbok start-up: spawn of `jourbok start` until GET / serves the page; idle RSS 3 s later');
console.log(`${'scenario'.padEnd(48)} ${'to page'.padStart(10)} ${'idle RSS'.padStart(10)}`);
for (const r of rows) console.log(`${r.label.padEnd(48)} ${(r.ms / 1000).toFixed(2).padStart(8)} s ${r.idle.toFixed(0).padStart(6)} MiB`);
