// bench/data: generate the national-scale data set in SQL (generate_series,
// no round trips per row) and time it, then time the queries a night shift
// depends on against it.
//   PostgreSQL: 30 jours × 10 years × 25 000 cases per jour and year (7.5 M
//   cases) with a person each, 3 journal entries, a decision per 10 cases, a
//   time entry and 2 audit events per case (through the hash-chain trigger).
//   PGlite: one jour × 10 years × 25 000 cases (250 000).
// --scale multiplies the cases per jour and year (0.01 → 250 per jour and year).
// Run: npx tsx bench/data.ts [--scale 1] [--jours 30] [--only pglite|postgres] [--keep]
// PostgreSQL needs DATABASE_URL (a new database is created, dropped unless --keep).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { nordostPreset } from '@jourbok/domain';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { insertOrganisationFromPreset } from '../packages/server/src/features/organisation/repository.ts';
import { scratchPostgres } from './support/measure.ts';
import { fmt, percentiles } from './support/server.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, jours: { type: 'string', default: '30' }, years: { type: 'string', default: '10' }, only: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const SCALE = Number(values.scale);
const YEARS = Number(values.years);
const PER_YEAR = Math.max(1, Math.round(25_000 * SCALE));

async function timed(label: string, rows: () => Promise<number>, into: Record<string, string>): Promise<void> {
  const started = performance.now();
  const n = await rows();
  const s = (performance.now() - started) / 1000;
  into[label] = `${n.toLocaleString('sv-SE')} rows, ${s.toFixed(1)} s (${Math.round(n / s).toLocaleString('sv-SE')}/s)`;
  process.stdout.write(`  ${label}: ${into[label]}\n`);
}

/** One jour's cases, persons, journal, decisions, time and audit events, set-based. */
async function generateJour(database: Database, jour: number, figures: Record<string, string>, totals: Record<string, number>) {
  const db = database.db;
  const org = await db.transaction().execute((trx) => insertOrganisationFromPreset(trx, { ...nordostPreset, name: `Socialjour ${jour}`, shortName: `SJ${jour}` }));
  const user = await db
    .insertInto('app_user')
    .values({ organisation_id: org, username: `bench${jour}`, display_name: `Bench ${jour}`, role: 'socialsekreterare', password_hash: 'x', created_at: new Date(), updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const n = PER_YEAR * YEARS;
  const add = (k: string, v: number) => (totals[k] = (totals[k] ?? 0) + v);
  const run = async (label: string, query: ReturnType<typeof sql>) => {
    await timed(`jour ${jour} ${label}`, async () => {
      const r = await query.execute(db);
      const rows = Number(r.numAffectedRows ?? 0);
      add(label, rows);
      return rows;
    }, figures);
  };
  // Deterministic ids from (jour, i) so that the tables can be joined without lookups.
  await run('person', sql`
    insert into person (id, organisation_id, identity_kind, identity_number, first_name, last_name, search_name, birth_date, home_municipality_code, created_at, updated_at)
    select md5(${org}::text || 'p' || i)::uuid, ${org}, 'personnummer', lpad(${jour}::text, 2, '0') || lpad(i::text, 10, '0'),
           (array['Anna','Erik','Maria','Lars','Sara','Ali','Eva','Johan'])[1 + i % 8], (array['Andersson','Johansson','Karlsson','Nilsson','Hassan','Lind'])[1 + i % 6],
           lower((array['anna','erik','maria','lars','sara','ali','eva','johan'])[1 + i % 8] || ' ' || (array['andersson','johansson','karlsson','nilsson','hassan','lind'])[1 + i % 6]),
           date '1940-01-01' + (i * 7919 % 29000), (select code from municipality where organisation_id = ${org} order by code limit 1 offset i % 7), now(), now()
    from generate_series(1, ${n}) i`);
  await run('jour_case', sql`
    insert into jour_case (id, organisation_id, case_number, case_type, received_at, contact_channel, municipality_code, is_member, category_code, summary, priority, status, closed_at, created_by, created_at, updated_at)
    select md5(${org}::text || 'c' || i)::uuid, ${org}, 'B' || i, (array['arende','orosanmalan'])[1 + i % 2],
           timestamptz '2016-11-23 20:00Z' + (i::double precision / ${n} * interval '3650 days'),
           (array['polis','sos_112','sjukvard','kommun','enskild'])[1 + i % 5], m.code, true, c.code,
           'Genererat ärende ' || i || ': polisen ringer om en familj i kris.', 1 + i % 4,
           case when i > ${n} - 40 then 'open' else 'closed' end,
           case when i > ${n} - 40 then null else timestamptz '2016-11-24 06:00Z' + (i::double precision / ${n} * interval '3650 days') end,
           ${user.id}, now(), now()
    from generate_series(1, ${n}) i
    cross join lateral (select code from municipality where organisation_id = ${org} order by code limit 1 offset i % 7) m
    cross join lateral (select code from category where organisation_id = ${org} and not (code = 'barn_unga' and false) order by code limit 1 offset i % 5) c`);
  await run('case_person', sql`
    insert into case_person (case_id, person_id, role, added_at)
    select md5(${org}::text || 'c' || i)::uuid, md5(${org}::text || 'p' || i)::uuid, 'adult', now() from generate_series(1, ${n}) i`);
  await run('journal_entry', sql`
    insert into journal_entry (case_id, kind, body, author_id, author_name, written_at)
    select md5(${org}::text || 'c' || i)::uuid, (array['note','assessment','action'])[k], 'Anteckning ' || k || ' i ärende ' || i || '. Samtal med den enskilde, bedömning och åtgärd dokumenterade.',
           ${user.id}, 'Bench', timestamptz '2016-11-23 20:30Z' + (i::double precision / ${n} * interval '3650 days') + k * interval '10 minutes'
    from generate_series(1, ${n}) i, generate_series(1, 3) k`);
  await run('decision', sql`
    insert into decision (case_id, organisation_id, type_code, legal_reference, decided_at, maker_kind, maker_name, communicated_via, grounds, subject_person_id, recorded_by, recorded_by_name, recorded_at)
    select md5(${org}::text || 'c' || i)::uuid, ${org}, t.code, 'SoL', timestamptz '2016-11-23 21:00Z' + (i::double precision / ${n} * interval '3650 days'),
           'delegation', 'Bench', 'phone', 'Skäl för beslutet i ärende ' || i, md5(${org}::text || 'p' || i)::uuid, ${user.id}, 'Bench', now()
    from generate_series(10, ${n}, 10) i
    cross join lateral (select code from decision_type where organisation_id = ${org} order by code limit 1) t`);
  await run('time_entry', sql`
    insert into time_entry (case_id, user_id, user_name, work_date, minutes, recorded_at)
    select md5(${org}::text || 'c' || i)::uuid, ${user.id}, 'Bench', (date '2016-11-23' + (i::double precision / ${n} * 3650)::int), 15 + i % 120, now()
    from generate_series(1, ${n}) i`);
  await run('audit_event', sql`
    insert into audit_event (organisation_id, occurred_at, actor_user_id, actor_name, actor_role, action, kind, entity_type, entity_id, person_id, details, prev_hash, hash)
    select ${org}, timestamptz '2016-11-23 20:00Z' + (i::double precision / ${n} * interval '3650 days'), ${user.id}, 'Bench', 'socialsekreterare',
           (array['case.created','case.read'])[k], (array['write','read'])[k], 'case', md5(${org}::text || 'c' || i)::text, md5(${org}::text || 'p' || i)::text, '{}'::jsonb, '', ''
    from generate_series(1, ${n}) i, generate_series(1, 2) k`);
  return org;
}

/** What a shift does against the full data: look a person up, open the board, a case, a year's report. */
async function queries(database: Database, org: string, n: number) {
  const db = database.db;
  const sample = async (label: string, fn: (i: number) => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await fn(i);
      times.push(performance.now() - t0);
    }
    const p = percentiles(times);
    process.stdout.write(`  ${label}: p50 ${fmt(p.p50)}, p95 ${fmt(p.p95)}\n`);
    return `${fmt(p.p50)} / ${fmt(p.p95)}`;
  };
  return {
    'person by personnummer': await sample('person by personnummer', (i) => sql`select id from person where organisation_id = ${org} and identity_number = ${'01' + String(1 + ((i * 7919) % n)).padStart(10, '0')} and identity_kind = 'personnummer'`.execute(db)),
    'person by fuzzy name': await sample('person by fuzzy name', () => sql`select id from person where organisation_id = ${org} and search_name % 'maria karlson' order by similarity(search_name, 'maria karlson') desc limit 20`.execute(db)),
    'open cases (board)': await sample('open cases (board)', () => sql`select id from jour_case where organisation_id = ${org} and status = 'open' order by received_at desc`.execute(db)),
    'a case with journal': await sample('a case with journal', (i) => sql`select * from journal_entry where case_id = md5(${org}::text || 'c' || ${1 + ((i * 104729) % n)})::uuid order by written_at`.execute(db)),
    'a year per municipality': await sample('a year per municipality', () => sql`select municipality_code, count(*) from jour_case where organisation_id = ${org} and received_at >= '2025-01-01' and received_at < '2026-01-01' group by 1`.execute(db)),
  };
}

async function runOn(kind: 'postgres' | 'pglite', jours: number) {
  process.stdout.write(`\n=== ${kind}: ${jours} jour(s) × ${YEARS} years × ${PER_YEAR.toLocaleString('sv-SE')} cases\n`);
  let database: Database;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('DATABASE_URL is needed for the PostgreSQL data set');
    const scratch = await scratchPostgres(adminUrl, 'jourbok_data');
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    cleanup = async () => {
      if (values.keep) return void process.stdout.write(`  kept database ${scratch.name}\n`);
      await scratch.drop();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'jourbok-data-'));
    database = await openDatabase({ dataDir: dir });
    cleanup = async () => (values.keep ? void process.stdout.write(`  kept ${dir}\n`) : rmSync(dir, { recursive: true, force: true }));
  }
  await migrate(database.db);
  const figures: Record<string, string> = {};
  const totals: Record<string, number> = {};
  const started = performance.now();
  let first = '';
  for (let j = 1; j <= jours; j++) {
    const org = await generateJour(database, j, figures, totals);
    if (!first) first = org;
  }
  const seconds = (performance.now() - started) / 1000;
  await sql`analyze`.execute(database.db);
  const size = await sql<{ size: string }>`select pg_size_pretty(pg_database_size(current_database())) as size`.execute(database.db);
  process.stdout.write(`  total: ${Object.entries(totals).map(([k, v]) => `${k} ${v.toLocaleString('sv-SE')}`).join(', ')}\n`);
  process.stdout.write(`  generated in ${seconds.toFixed(0)} s, database size ${size.rows[0]!.size}\n`);
  process.stdout.write(`  queries on jour 1 (${(PER_YEAR * YEARS).toLocaleString('sv-SE')} cases of ${(totals.jour_case ?? 0).toLocaleString('sv-SE')}):\n`);
  await queries(database, first, PER_YEAR * YEARS);
  await database.close();
  await cleanup();
}

if (values.only !== 'pglite') {
  if (process.env.DATABASE_URL) await runOn('postgres', Number(values.jours));
  else process.stdout.write('PostgreSQL skipped: DATABASE_URL is not set\n');
}
if (values.only !== 'postgres') await runOn('pglite', 1);
