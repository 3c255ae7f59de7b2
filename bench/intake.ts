// bench/intake: register 10 000 cases through the HTTP API (PostgreSQL and
// PGlite), printing throughput and p50/p95/p99; then look persons up by
// personnummer among 1 000 000 persons and print p95 next to the bare SQL
// query's p95 (the ratio is the figure we track).
// Run: npx tsx bench/intake.ts [--cases N] [--persons N] [--only pglite|postgres]
import { parseArgs } from 'node:util';
import { luhnCheckDigit, normalizeNameForSearch } from '@jourbok/domain';
import { sql } from 'kysely';
import { BenchClient, fmt, percentiles, startBenchServer, type BenchServer } from './support/server.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, persons: { type: 'string', default: '1000000' }, only: { type: 'string' }, concurrency: { type: 'string', default: '16' } } });
const CASES = Number(values.cases);
const PERSONS = Number(values.persons);
const CONCURRENCY = Number(values.concurrency);

const members = ['0115', '0117', '0187', '0186', '0188', '0162', '0160'];
const categories = ['barn_unga', 'boende', 'vald_nara_relation', 'aldre', 'vuxna_missbruk_psyk'];

/** A valid personnummer for person number i (deterministic, unique). */
function personnummer(i: number): { twelve: string; short: string } {
  const year = 1930 + (i % 90);
  const month = 1 + (Math.floor(i / 90) % 12);
  const day = 1 + (Math.floor(i / 1080) % 28);
  const serial = Math.floor(i / 30240) % 1000;
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const nine = `${yymmdd}${String(serial).padStart(3, '0')}`;
  const check = luhnCheckDigit(nine);
  return { twelve: `${year}${nine.slice(2)}${check}`, short: `${yymmdd}-${String(serial).padStart(3, '0')}${check}` };
}

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        await task(i);
      }
    }),
  );
}

async function benchIntake(client: BenchClient) {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await pool(CASES, CONCURRENCY, async (i) => {
    const t0 = performance.now();
    const res = await client.request('POST', '/api/cases', {
      caseType: i % 5 === 0 ? 'orosanmalan' : 'arende',
      contactChannel: 'polis',
      municipalityCode: members[i % members.length],
      categoryCode: categories[i % categories.length],
      summary: `Benchmark-ärende ${i}: polisen ringer om en familj i kris.`,
      persons: [{ person: { identityKind: 'unknown', identityNumber: null, reserveIssuer: null, firstName: `Okänd${i}`, lastName: 'Benchsson', birthYearApprox: 1990, homeMunicipalityCode: null, address: null, phone: null, email: null, protection: 'none', hiddenResidence: false, confirmedNew: true }, role: 'adult' }],
      triage: { criteria: i % 3 === 0 ? ['police_on_site', 'child_involved'] : ['homelessness'] },
    });
    latencies.push(performance.now() - t0);
    if (res.status !== 200) errors++;
  });
  const seconds = (performance.now() - started) / 1000;
  const p = percentiles(latencies);
  return { throughput: CASES / seconds, seconds, errors, ...p };
}

async function seedPersons(server: BenchServer) {
  const db = server.database.db;
  const batch = server.kind === 'postgres' ? 5000 : 2000;
  const started = performance.now();
  for (let from = 0; from < PERSONS; from += batch) {
    const rows = [];
    for (let i = from; i < Math.min(PERSONS, from + batch); i++) {
      const { twelve } = personnummer(i);
      const first = `Förnamn${i % 997}`;
      const last = `Efternamn${i % 4999}`;
      rows.push({
        organisation_id: server.organisationId,
        identity_kind: 'personnummer' as const,
        identity_number: twelve,
        first_name: first,
        last_name: last,
        search_name: normalizeNameForSearch(`${first} ${last}`),
        birth_date: `${twelve.slice(0, 4)}-${twelve.slice(4, 6)}-${twelve.slice(6, 8)}`,
      });
    }
    await db.insertInto('person').values(rows).onConflict((oc) => oc.doNothing()).execute();
  }
  await sql`analyze person`.execute(db);
  return (performance.now() - started) / 1000;
}

async function benchLookup(server: BenchServer, client: BenchClient) {
  const lookups = 500;
  const picks = Array.from({ length: lookups }, (_, k) => personnummer((k * 7919) % PERSONS));
  const http: number[] = [];
  for (const p of picks) {
    const t0 = performance.now();
    const res = await client.request('POST', '/api/persons/search', { query: p.short });
    http.push(performance.now() - t0);
    if (res.status !== 200 || (res.json as { results: unknown[] }).results.length !== 1) throw new Error(`lookup failed for ${p.short}`);
  }
  const bare: number[] = [];
  for (const p of picks) {
    const t0 = performance.now();
    await server.database.db.selectFrom('person').selectAll().where('organisation_id', '=', server.organisationId).where('identity_number', '=', p.twelve).execute();
    bare.push(performance.now() - t0);
  }
  return { http: percentiles(http), bare: percentiles(bare) };
}

const kinds = (['postgres', 'pglite'] as const).filter((k) => !values.only || values.only === k).filter((k) => k !== 'postgres' || process.env.DATABASE_URL);
if (!process.env.DATABASE_URL) console.log('(DATABASE_URL not set: PostgreSQL skipped)');
const results: string[] = [];
for (const kind of kinds) {
  const server = await startBenchServer(kind);
  try {
    console.error(`[${kind}] registering ${CASES} cases, ${CONCURRENCY} at a time…`);
    const client = new BenchClient(server.url);
    await client.signIn();
    const intake = await benchIntake(client);
    console.error(`[${kind}] inserting ${PERSONS} persons…`);
    const seedSeconds = await seedPersons(server);
    console.error(`[${kind}] looking up persons by personnummer…`);
    const lookup = await benchLookup(server, client);
    const text =
      [
        `${kind}:`,
        `  intake: ${CASES} cases in ${intake.seconds.toFixed(1)} s = ${intake.throughput.toFixed(0)} cases/s, p50 ${fmt(intake.p50)}, p95 ${fmt(intake.p95)}, p99 ${fmt(intake.p99)}, errors ${intake.errors}`,
        `  persons: ${PERSONS} inserted in ${seedSeconds.toFixed(1)} s`,
        `  lookup by personnummer (HTTP, audited): p50 ${fmt(lookup.http.p50)}, p95 ${fmt(lookup.http.p95)}, p99 ${fmt(lookup.http.p99)}`,
        `  bare SQL (index lookup):                p50 ${fmt(lookup.bare.p50)}, p95 ${fmt(lookup.bare.p95)}`,
        `  ratio p95 HTTP / p95 SQL: ${(lookup.http.p95 / lookup.bare.p95).toFixed(1)}`,
      ].join('\n');
    results.push(text);
    console.error(text);
  } finally {
    await server.close();
  }
}
console.log(`\nbench/intake (${new Date().toISOString()}, ${CONCURRENCY} concurrent requests, one process for server and client)\n`);
console.log(results.join('\n\n'));
