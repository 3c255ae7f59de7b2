// bench/load: 200 concurrent social workers against a real Jourbok server on
// loopback, driven by autocannon: the shift board (with a live-update stream
// per board user), person look-ups, case views, journal appends and
// registrations, all at once for --duration seconds, on PostgreSQL and PGlite.
//
// The server is `jourbok start --demo` in its own process (as in production,
// over the demo organisation with its ~12 000 cases); the load generator is
// this process. Prints throughput, p50/p95/p99 per request kind, errors, the
// live events received, and the server's resident memory (idle, peak, after).
// Run: npx tsx bench/load.ts [--duration 60] [--connections 200] [--only pglite|postgres] [--profile DIR]
// (BENCH_MIX='{"board":0.25}' runs only the kinds named, with those shares of the connections;
// BENCH_STREAMS=N opens N live-update streams; BENCH_LOG_LEVEL=info BENCH_SERVER_LOG=FILE
// keeps the server's request log, to see which requests reached it and how long each took.)
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { totpCode } from '../packages/server/src/features/auth/crypto.ts';
import { DEMO_PASSWORD, demoAccounts } from '../packages/server/src/seed/demo.ts';
import { envWithoutTarget, jourbokBin as bin, rssMiB, scratchPostgres } from './support/measure.ts';
import { percentiles } from './support/server.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '60' }, connections: { type: 'string', default: '200' }, only: { type: 'string' }, profile: { type: 'string' } } });
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);

/** How the workers split across what they do (fractions of the connections). */
const mix = (process.env.BENCH_MIX ? JSON.parse(process.env.BENCH_MIX) : { board: 0.25, lookup: 0.25, caseView: 0.25, journal: 0.15, registration: 0.1 }) as Record<'board' | 'lookup' | 'caseView' | 'journal' | 'registration', number>;
type Kind = keyof typeof mix;

const members = ['0115', '0117', '0187', '0186', '0188', '0162', '0160'];
const person = (i: number) => ({ identityKind: 'unknown', identityNumber: null, reserveIssuer: null, firstName: `Last${i}`, lastName: 'Testsson', birthYearApprox: 1985, homeMunicipalityCode: null, address: null, phone: null, email: null, protection: 'none', hiddenResidence: false, confirmedNew: true });
const registration = (i: number) => ({ caseType: 'arende', contactChannel: 'polis', municipalityCode: members[i % members.length], categoryCode: 'boende', summary: `Lasttest ${i}: någon ringer om en person i kris.`, persons: [{ person: person(i), role: 'adult' }] });

interface Server {
  child: ChildProcess;
  url: string;
  close(): Promise<void>;
}

/** Lines the server wrote during the run (at the default log level warn: warnings and errors). */
let serverLines = 0;

/** `jourbok start --demo` on a fresh database, in its own process. */
async function startServer(kind: 'postgres' | 'pglite'): Promise<Server> {
  let target: string[];
  let drop: () => Promise<void>;
  if (kind === 'postgres') {
    const scratch = await scratchPostgres(process.env.DATABASE_URL!, 'jourbok_bench_load');
    target = ['--database-url', scratch.url];
    drop = () => scratch.drop();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'jourbok-bench-load-'));
    target = ['--data', dir];
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  // --profile DIR: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools)
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  const child = spawn(process.execPath, [...profile, bin, 'start', '--demo', '--port', '0', ...target], {
    env: { ...envWithoutTarget(), JOURBOK_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', JOURBOK_JOBS: 'false', JOURBOK_THROTTLE_ATTEMPTS: '10000', JOURBOK_DB_POOL: '20' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/Jourbok is running at (http:\/\/\S+)/);
      if (m) resolve(m[1]!.replace(/\/$/, ''));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    // keep reading what the server writes, or a full pipe stalls it; count its warnings
    child.stdout!.on('data', (d: Buffer) => {
      serverLines += d.toString().split('\n').length - 1;
      if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, d);
    });
    child.stderr!.on('data', (d: Buffer) => (serverLines += d.toString().split('\n').length - 1));
    child.on('exit', (code) => reject(new Error(`jourbok start exited with ${code}: ${out}`)));
  });
  return {
    child,
    url,
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      child.kill('SIGKILL');
      await drop();
    },
  };
}

/** A signed-in session of the demo social worker: its cookie and CSRF token, as the browser holds them. */
async function signIn(base: string): Promise<Record<string, string>> {
  const cookies = new Map<string, string>();
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      cookies.set(k!, v ?? '');
    }
    return res;
  };
  const refresh = async () => (csrf = ((await (await call('GET', '/api/session')).json()) as { csrfToken: string }).csrfToken);
  await refresh();
  const login = await call('POST', '/api/auth/login', { username: 'demo.socialsekreterare', password: DEMO_PASSWORD });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  await refresh();
  const secret = demoAccounts.find((a) => a.username === 'demo.socialsekreterare')!.totpSecret!;
  const totp = await call('POST', '/api/auth/totp', { code: totpCode(secret, new Date()) });
  if (totp.status !== 200) throw new Error(`totp: ${totp.status}`);
  await refresh();
  return { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': csrf };
}

async function runOn(kind: 'postgres' | 'pglite') {
  const server = await startServer(kind);
  const pid = server.child.pid!;
  try {
    const auth = await signIn(server.url);
    const headers = { ...auth, 'content-type': 'application/json' };
    const post = (path: string, body: unknown) => fetch(server.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
    // A working set: 200 cases to view and write in, and persons to look up.
    const caseIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await post('/api/cases', registration(i));
      if (res.status !== 200) throw new Error(`registration: ${res.status} ${await res.text()}`);
      caseIds.push(((await res.json()) as { id: string }).id);
    }
    const idleRss = rssMiB(pid);
    serverLines = 0;
    let n = 0;
    const pick = () => caseIds[n++ % caseIds.length]!;
    const requests: Record<Kind, autocannon.Request[]> = {
      board: [{ method: 'GET', path: '/api/board' }],
      lookup: [{ method: 'POST', path: '/api/persons/search', setupRequest: (r) => ({ ...r, body: JSON.stringify({ query: `Last${n++ % 200} Testsson` }) }) }],
      caseView: [{ method: 'GET', path: '/api/cases', setupRequest: (r) => ({ ...r, path: `/api/cases/${pick()}` }) }],
      journal: [{ method: 'POST', path: '/api/cases', setupRequest: (r) => ({ ...r, path: `/api/cases/${pick()}/journal`, body: JSON.stringify({ kind: 'note', body: `Lasttest: anteckning ${n++}.` }) }) }],
      registration: [{ method: 'POST', path: '/api/cases', setupRequest: (r) => ({ ...r, body: JSON.stringify(registration(200 + n++)) }) }],
    };
    // Live updates: each board user holds the event stream open and counts what arrives.
    const boardUsers = process.env.BENCH_STREAMS ? Number(process.env.BENCH_STREAMS) : Math.max(1, Math.round(CONNECTIONS * (mix.board ?? 0)));
    const streams = new AbortController();
    let liveEvents = 0;
    let streamsOpen = 0;
    for (let i = 0; i < boardUsers; i++) {
      void fetch(`${server.url}/api/events`, { headers: { cookie: auth.cookie! }, signal: streams.signal })
        .then(async (res) => {
          if (res.status === 200) streamsOpen++;
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) liveEvents += (Buffer.from(chunk).toString().match(/^data:/gm) ?? []).length;
        })
        .catch(() => {});
    }
    const latencies = new Map<Kind, number[]>();
    const failed = new Map<Kind, number>();
    let peakRss = idleRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(pid))), 500);
    const started = performance.now();
    const results = await Promise.all(
      (Object.keys(mix) as Kind[]).map((k) => {
        latencies.set(k, []);
        failed.set(k, 0);
        return new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            { url: server.url, connections: Math.max(1, Math.round(CONNECTIONS * mix[k])), duration: DURATION, timeout: 30, headers, requests: requests[k] },
            (error, result) => (error ? reject(error) : resolve(result)),
          );
          instance.on('response', (_client, status, _bytes, time) => {
            latencies.get(k)!.push(time);
            if (status >= 400) failed.set(k, failed.get(k)! + 1);
          });
        });
      }),
    );
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    streams.abort();
    const afterRss = rssMiB(pid);
    process.stdout.write(`\n=== ${kind}: ${CONNECTIONS} connections for ${DURATION} s; ${streamsOpen}/${boardUsers} live-update streams open, ${liveEvents} events received\n`);
    process.stdout.write('| request | connections | requests/s | p50 | p95 | p99 | 4xx/5xx | socket errors, timeouts |\n|---|---|---|---|---|---|---|---|\n');
    let total = 0;
    (Object.keys(mix) as Kind[]).forEach((k, i) => {
      const r = results[i]!;
      const p = percentiles(latencies.get(k)!);
      total += p.count;
      process.stdout.write(`| ${k} | ${Math.max(1, Math.round(CONNECTIONS * mix[k]))} | ${(p.count / seconds).toFixed(1)} | ${p.p50.toFixed(0)} ms | ${p.p95.toFixed(0)} ms | ${p.p99.toFixed(0)} ms | ${failed.get(k)} | ${r.errors}, ${r.timeouts} |\n`);
    });
    process.stdout.write(`total ${(total / seconds).toFixed(1)} requests/s; server RSS idle ${idleRss.toFixed(0)} MiB, peak ${peakRss.toFixed(0)} MiB, after ${afterRss.toFixed(0)} MiB; ${serverLines} server log lines\n`);
  } finally {
    await server.close();
  }
}

if (values.only !== 'pglite') {
  if (process.env.DATABASE_URL) await runOn('postgres');
  else process.stdout.write('PostgreSQL skipped: DATABASE_URL is not set\n');
}
if (values.only !== 'postgres') await runOn('pglite');
