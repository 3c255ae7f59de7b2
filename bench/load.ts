// bench/load: 200 concurrent social workers against a real server on
// loopback, driven by autocannon: the shift board (with a live-update stream
// per board user), person look-ups, case views, journal appends and
// registrations, in parallel for --duration seconds, on PostgreSQL and PGlite.
// Prints throughput, p50/p95/p99 per request kind, errors and the memory of
// the process (server and load generator share it, and the 2 cores).
// Run: npx tsx bench/load.ts [--duration 60] [--connections 200] [--only pglite|postgres]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BenchClient, percentiles, startBenchServer } from './support/server.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '60' }, connections: { type: 'string', default: '200' }, only: { type: 'string' } } });
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);

/** How the 200 workers split across what they do (fractions of the connections). */
const mix = { board: 0.25, lookup: 0.25, caseView: 0.25, journal: 0.15, registration: 0.1 } as const;
type Kind = keyof typeof mix;

const members = ['0115', '0117', '0187', '0186', '0188', '0162', '0160'];
const person = (i: number) => ({ identityKind: 'unknown', identityNumber: null, reserveIssuer: null, firstName: `Last${i}`, lastName: 'Testsson', birthYearApprox: 1985, homeMunicipalityCode: null, address: null, phone: null, email: null, protection: 'none', hiddenResidence: false, confirmedNew: true });
const registration = (i: number) => ({ caseType: 'arende', contactChannel: 'polis', municipalityCode: members[i % members.length], categoryCode: 'boende', summary: `Lasttest ${i}: någon ringer om en person i kris.`, persons: [{ person: person(i), role: 'adult' }] });

async function runOn(kind: 'postgres' | 'pglite') {
  const server = await startBenchServer(kind);
  try {
    const client = new BenchClient(server.url);
    await client.signIn();
    // A working set: 200 cases to view and write in.
    const caseIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await client.request('POST', '/api/cases', registration(i));
      caseIds.push((res.json as { id: string }).id);
    }
    const headers: Record<string, string> = { ...client.authHeaders(), 'content-type': 'application/json' };
    let n = 0;
    const pick = () => caseIds[n++ % caseIds.length]!;
    const requests: Record<Kind, autocannon.Request[]> = {
      board: [{ method: 'GET', path: '/api/board' }],
      lookup: [{ method: 'POST', path: '/api/persons/search', setupRequest: (r) => ({ ...r, body: JSON.stringify({ query: `Last${n++ % 200} Testsson` }) }) }],
      caseView: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/cases/${pick()}` }) }],
      journal: [{ method: 'POST', setupRequest: (r) => ({ ...r, path: `/api/cases/${pick()}/journal`, body: JSON.stringify({ kind: 'note', body: `Lasttest: anteckning ${n++}.` }) }) }],
      registration: [{ method: 'POST', path: '/api/cases', setupRequest: (r) => ({ ...r, body: JSON.stringify(registration(200 + n++)) }) }],
    };
    // Live updates: each board user holds an event stream open and counts what arrives.
    const boardUsers = Math.max(1, Math.round(CONNECTIONS * mix.board));
    const streams = new AbortController();
    let liveEvents = 0;
    for (let i = 0; i < boardUsers; i++) {
      void fetch(`${server.url}/api/events`, { headers: { cookie: headers.cookie! }, signal: streams.signal })
        .then(async (res) => {
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) liveEvents += (Buffer.from(chunk).toString().match(/^data:/gm) ?? []).length;
        })
        .catch(() => {});
    }
    const latencies = new Map<Kind, number[]>();
    const errors = new Map<Kind, number>();
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 1000);
    const started = performance.now();
    const results = await Promise.all(
      (Object.keys(mix) as Kind[]).map((k) => {
        latencies.set(k, []);
        errors.set(k, 0);
        return new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon({ url: server.url, connections: Math.max(1, Math.round(CONNECTIONS * mix[k])), duration: DURATION, headers, requests: requests[k] }, (error, result) => (error ? reject(error) : resolve(result)));
          instance.on('response', (_client, status, _bytes, time) => {
            latencies.get(k)!.push(time);
            if (status >= 400) errors.set(k, errors.get(k)! + 1);
          });
        });
      }),
    );
    clearInterval(sampler);
    streams.abort();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`\n=== ${kind}: ${CONNECTIONS} connections for ${DURATION} s (${boardUsers} live-update streams, ${liveEvents} events received)\n`);
    process.stdout.write('| request | connections | requests/s | p50 | p95 | p99 | errors (4xx/5xx, socket) |\n|---|---|---|---|---|---|---|\n');
    let total = 0;
    (Object.keys(mix) as Kind[]).forEach((k, i) => {
      const r = results[i]!;
      const p = percentiles(latencies.get(k)!);
      total += p.count;
      process.stdout.write(`| ${k} | ${Math.round(CONNECTIONS * mix[k])} | ${(p.count / seconds).toFixed(1)} | ${p.p50.toFixed(0)} ms | ${p.p95.toFixed(0)} ms | ${p.p99.toFixed(0)} ms | ${errors.get(k)}, ${r.errors + r.timeouts} |\n`);
    });
    process.stdout.write(`total ${(total / seconds).toFixed(1)} requests/s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (server and load generator in one process)\n`);
  } finally {
    await server.close();
  }
}

if (values.only !== 'pglite') {
  if (process.env.DATABASE_URL) await runOn('postgres');
  else process.stdout.write('PostgreSQL skipped: DATABASE_URL is not set\n');
}
if (values.only !== 'postgres') await runOn('pglite');
