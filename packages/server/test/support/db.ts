import { randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedTestDemo } from './seed.ts';

/**
 * The database the integration tests run on: PGlite in memory by default,
 * or, with JOURBOK_TEST_DB=postgres, a fresh database on the DATABASE_URL
 * server for each test file (dropped afterwards).
 *
 * Each test file gets its own database, copied from templates that the
 * integration project's globalSetup (global-setup.ts) migrates and seeds
 * once per run. Without templates (a file run outside that project) the
 * database is migrated and seeded here, as before.
 */
export const testDbKind: 'pglite' | 'postgres' = process.env.JOURBOK_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** What globalSetup provides: tarballs (PGlite) or template database names (PostgreSQL). */
export type Templates = { kind: 'pglite'; migrated: string; seeded: string } | { kind: 'postgres'; migrated: string; seeded: string };

export interface TestDatabase {
  database: Database;
  /** the URL of the fresh PostgreSQL database (postgres only), for spawning the CLI */
  url: string | null;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** with the demo organisation seeded at TEST_START (default: migrated, empty) */
  seeded?: boolean;
  /** migrate (and seed) this database itself instead of copying the run's template */
  fresh?: boolean;
}

function templates(): Templates | null {
  try {
    const t = inject('jourbokTemplates');
    return t && t.kind === testDbKind ? t : null;
  } catch {
    return null;
  }
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const which = options.seeded ? 'seeded' : 'migrated';
  const template = options.fresh ? null : templates();
  if (testDbKind === 'pglite') {
    const database = await openDatabase({ memory: true, loadDataDir: template ? await openAsBlob(template[which]) : undefined });
    if (!template) await prepare(database, options);
    return { database, url: null, close: () => database.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('JOURBOK_TEST_DB=postgres needs DATABASE_URL');
  const name = `jourbok_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template[which]}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  if (!template) await prepare(database, options);
  return {
    database,
    url: url.toString(),
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function prepare(database: Database, options: TestDatabaseOptions) {
  await migrate(database.db);
  if (options.seeded) await seedTestDemo(database);
}
