import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

/**
 * The database the integration tests run on: PGlite in memory by default,
 * or, with JOURBOK_TEST_DB=postgres, a fresh database on the DATABASE_URL
 * server for each test file (dropped afterwards).
 */
export const testDbKind: 'pglite' | 'postgres' = process.env.JOURBOK_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase {
  database: Database;
  /** the URL of the fresh PostgreSQL database (postgres only), for spawning the CLI */
  url: string | null;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDbKind === 'pglite') {
    const database = await openDatabase({ memory: true });
    await migrate(database.db);
    return { database, url: null, close: () => database.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('JOURBOK_TEST_DB=postgres needs DATABASE_URL');
  const name = `jourbok_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrate(database.db);
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
