import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTables } from '../src/features/system/backup.ts';
import { createTestDatabase, type TestDatabase } from './support/db.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('backup', () => {
  it('covers every table of the schema (a new table cannot be left out)', async () => {
    const rows = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migration'`.execute(db.database.db);
    expect([...backupTables].sort()).toEqual(rows.rows.map((r) => r.table_name).sort());
  });
});
