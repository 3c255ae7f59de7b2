// Vitest globalSetup of the integration project: migrate and seed the demo
// ONCE per run, then every test file copies that database instead of
// migrating and seeding its own (which took most of the suite's time).
//   PGlite:     the data directory is dumped to a tarball; each test opens an
//               in-memory PGlite from it (`loadDataDir`).
//   PostgreSQL: two template databases; each test file gets
//               `create database X template T` and drops it afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedTestDemo } from './seed.ts';
import type { Templates } from './db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    jourbokTemplates: Templates | null;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  if (process.env.JOURBOK_TEST_DB === 'postgres') {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('JOURBOK_TEST_DB=postgres needs DATABASE_URL');
    const stamp = randomBytes(4).toString('hex');
    const names = { migrated: `jourbok_tpl_${stamp}_migrated`, seeded: `jourbok_tpl_${stamp}_seeded` };
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const drop = async () => {
      for (const name of Object.values(names)) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    try {
      await admin.query(`create database ${names.migrated}`);
      await withDatabase({ databaseUrl: urlOf(adminUrl, names.migrated), poolSize: 2 }, (db) => migrate(db.db));
      await admin.query(`create database ${names.seeded} template ${names.migrated}`);
      await withDatabase({ databaseUrl: urlOf(adminUrl, names.seeded), poolSize: 2 }, (db) => seedTestDemo(db));
    } catch (e) {
      await drop();
      throw e;
    }
    project.provide('jourbokTemplates', { kind: 'postgres', ...names });
    process.stdout.write(`integration: PostgreSQL templates ${names.seeded} ready in ${Date.now() - started} ms\n`);
    return drop;
  }
  const dir = mkdtempSync(join(tmpdir(), 'jourbok-templates-'));
  const files = { migrated: join(dir, 'migrated.tar'), seeded: join(dir, 'seeded.tar') };
  await withDatabase({ memory: true }, async (db) => {
    await migrate(db.db);
    writeFileSync(files.migrated, Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()));
    await seedTestDemo(db);
    writeFileSync(files.seeded, Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()));
  });
  project.provide('jourbokTemplates', { kind: 'pglite', ...files });
  process.stdout.write(`integration: PGlite template ready in ${Date.now() - started} ms\n`);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function withDatabase<T>(options: Parameters<typeof openDatabase>[0], fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(options);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function urlOf(adminUrl: string, name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
