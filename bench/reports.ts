// bench/reports: statistics at scale, on PGlite and (with DATABASE_URL) on PostgreSQL.
//  1. `jourbok import cases` of a history of 10 years × 25 000 cases (2016–2025):
//     rows/s and the command's peak resident memory;
//  2. the tertial report (T1 2025) and the annual report (2025) over that
//     history, in-process (`getReport`: transaction, organisation, the two
//     counting queries, shaping, JSON), next to the bare SQL aggregation they
//     need (the same two queries on the database, nothing else), median of
//     7 runs after a warm-up, and the ratio report / SQL;
//  3. `jourbok import cases` of a 1 000 000-row file: rows/s and peak memory.
// Run: npm run bench:reports   (or: npx tsx bench/reports.ts [--only pglite|postgres] [--rows N (0: no big import)] [--per-year N] [--runs N])
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, comparisonYears, reportPeriod, startOfDay, type ReportKind, type Tertial } from '@jourbok/domain';
import { inTransaction, systemPrincipal, type Deps, type Trx } from '../packages/server/src/app/context.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { countCases, countDecisions, type CaseScope } from '../packages/server/src/features/statistics/repository.ts';
import { getReport } from '../packages/server/src/features/statistics/service.ts';
import { createLogger } from '../packages/server/src/log.ts';
import { runJourbok as cli, scratchPostgres } from './support/measure.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, rows: { type: 'string' }, 'per-year': { type: 'string' }, runs: { type: 'string' } } });
const YEARS = 10;
const PER_YEAR = Number(values['per-year'] ?? 25_000);
const FIRST_YEAR = 2016;
const BIG = Number(values.rows ?? 1_000_000);
const RUNS = Number(values.runs ?? 7);

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const municipalities = ['0162', '0162', '0186', '0186', '0188', '0188', '0188', '0160', '0160', '0115', '0187', '0117', '0117', '0184', '0180'];
const categories = ['barn_unga', 'barn_unga', 'barn_unga', 'boende', 'vald_nara_relation', 'aldre', 'vuxna_missbruk_psyk', 'funktionsnedsattning', 'ekonomiskt_bistand', 'upplysning', 'ovrigt'];
const sources = ['polis', 'sos_112', 'sjukvard', 'ambulans', 'kommun', 'enskild', 'annan_jour', 'ovrig'];
const decisionCodes = ['LVU6', 'LVU43', 'LVU43|LVU43', 'LVM13', 'SKYDDAT_BOENDE', 'SOL_PLACERING', 'EKONOMISKT_BISTAND'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A case history file: `perYear` cases in each of `years` years from FIRST_YEAR, received at random Swedish local times. */
async function writeHistory(path: string, prefix: string, rows: number, seed: number) {
  const next = random(seed);
  const out = createWriteStream(path);
  out.write('external_id,received_at,municipality,category,youth_crime,source,minutes,closed_at_jour,shelter_requested,shelter_granted,decisions\n');
  for (let i = 0; i < rows; i++) {
    const year = FIRST_YEAR + Math.floor((i / rows) * YEARS);
    const day = new Date(Date.UTC(year, 0, 1) + Math.floor(next() * 365) * 86_400_000);
    const local = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 60))}`;
    const category = categories[Math.floor(next() * categories.length)]!;
    const shelterRequested = category === 'boende' && next() < 0.5;
    const line = [
      `${prefix}${i}`,
      local,
      municipalities[Math.floor(next() * municipalities.length)],
      category,
      category === 'barn_unga' && next() < 0.08 ? 1 : 0,
      sources[Math.floor(next() * sources.length)],
      Math.floor(next() * 180),
      next() < 0.22 ? 1 : 0,
      shelterRequested ? 1 : 0,
      shelterRequested && next() < 0.4 ? 1 : 0,
      next() < 0.05 ? decisionCodes[Math.floor(next() * decisionCodes.length)] : '',
    ].join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Target {
  kind: 'pglite' | 'postgres';
  args: string[];
  open: () => ReturnType<typeof openDatabase>;
  drop: () => Promise<void>;
}

async function newTarget(kind: 'pglite' | 'postgres', dir: string): Promise<Target> {
  if (kind === 'pglite') {
    const data = join(dir, 'data');
    return { kind, args: ['--data', data], open: () => openDatabase({ dataDir: data }), drop: async () => rmSync(data, { recursive: true, force: true }) };
  }
  const scratch = await scratchPostgres(process.env.DATABASE_URL!, 'jourbok_bench_reports');
  return { kind, args: ['--database-url', scratch.url], open: () => openDatabase({ databaseUrl: scratch.url, poolSize: 4 }), drop: () => scratch.drop() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function measureReports(target: Target) {
  const database = await target.open();
  try {
    const config = loadConfig({ JOURBOK_LOG_LEVEL: 'silent', JOURBOK_WEB_DIST: '/nonexistent' });
    const deps: Deps = { database, config, clock: { now: () => new Date() }, log: createLogger(config) };
    const org = await database.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
    const principal = systemPrincipal(org.id, 'bench');
    const lastYear = FIRST_YEAR + YEARS - 1;
    const scope: CaseScope = { kind: 'all' };
    const results: { name: string; report: number; sql: number; cases: number }[] = [];
    const queries: [string, ReportKind, Tertial | null, string | null][] = [
      [`tertial T1 ${lastYear}, whole jour`, 'tertial', 1, null],
      [`annual ${lastYear}, whole jour`, 'year', null, null],
      [`annual ${lastYear}, appendix 0188`, 'year', null, '0188'],
    ];
    for (const [name, kind, tertial, municipality] of queries) {
      const ranges = comparisonYears(lastYear).map((year) => {
        const { from, to } = reportPeriod(kind, year, tertial);
        return { year, starts: startOfDay(from, 'Europe/Stockholm').toInstant().toString(), ends: startOfDay(addDays(to, 1), 'Europe/Stockholm').toInstant().toString() };
      });
      const bareScope: CaseScope = municipality ? { kind: 'member', code: municipality } : scope;
      let cases = 0;
      const report = await timeIt(async () => {
        const r = await inTransaction(deps, principal, null, (ctx) => getReport(ctx, { kind, year: lastYear, tertial, municipality }));
        cases = r.cases[String(lastYear)] ?? 0;
        return JSON.stringify(r);
      });
      const db = database.db as unknown as Trx;
      const bare = await timeIt(async () => {
        await countCases(db, org.id, ranges, bareScope);
        await countDecisions(db, org.id, ranges, bareScope);
      });
      results.push({ name, report, sql: bare, cases });
    }
    return results;
  } finally {
    await database.close();
  }
}

const kinds = (['pglite', 'postgres'] as const).filter((k) => !values.only || values.only === k).filter((k) => k !== 'postgres' || process.env.DATABASE_URL);
if (!process.env.DATABASE_URL) console.log('(DATABASE_URL not set: PostgreSQL skipped)');

const dir = mkdtempSync(join(tmpdir(), 'jourbok-bench-reports-'));
try {
  const history = join(dir, 'history.csv');
  const big = join(dir, 'big.csv');
  await writeHistory(history, 'H-', YEARS * PER_YEAR, 1);
  await writeHistory(big, 'M-', BIG, 2);
  console.log(`history: ${YEARS} years × ${PER_YEAR} cases, ${(statSync(history).size / 1024 / 1024).toFixed(1)} MiB; big file: ${BIG} rows, ${(statSync(big).size / 1024 / 1024).toFixed(1)} MiB`);
  for (const kind of kinds) {
    const target = await newTarget(kind, dir);
    try {
      console.log(`\n== ${kind} ==`);
      const init = await cli(['init', '--preset', 'nordost', ...target.args]);
      if (init.code !== 0) throw new Error(`init: ${init.stderr}`);
      const imported = await cli(['import', 'cases', history, ...target.args]);
      if (imported.code !== 0) throw new Error(`import: ${imported.stderr}`);
      console.log(`import history (${YEARS * PER_YEAR} rows)  ${imported.seconds.toFixed(1)} s  ${Math.round((YEARS * PER_YEAR) / imported.seconds)} rows/s  peak ${imported.peakMiB.toFixed(0)} MiB`);
      console.log('reports (median of the runs after a warm-up):');
      for (const r of await measureReports(target)) {
        console.log(`${r.name.padEnd(34)} report ${r.report.toFixed(1).padStart(7)} ms  bare SQL ${r.sql.toFixed(1).padStart(7)} ms  ratio ${(r.report / r.sql).toFixed(2)}  (${r.cases} cases)`);
      }
      if (BIG === 0) continue;
      const bigImport = await cli(['import', 'cases', big, ...target.args]);
      if (bigImport.code !== 0) throw new Error(`import big: ${bigImport.stderr}`);
      console.log(`import ${BIG} rows  ${bigImport.seconds.toFixed(1)} s  ${Math.round(BIG / bigImport.seconds)} rows/s  peak ${bigImport.peakMiB.toFixed(0)} MiB`);
    } finally {
      await target.drop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
