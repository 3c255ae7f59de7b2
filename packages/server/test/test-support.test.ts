import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { createTestDatabase } from './support/db.ts';

/** Row count of every table: what a seed wrote, independent of generated ids and hashes. */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(database.db);
    counts[table_name] = r.rows[0]!.n;
  }
  return counts;
}

describe('the seeded template the integration tests copy', () => {
  it('holds what a fresh migration and demo seed write, and each copy is independent', { timeout: 300_000 }, async () => {
    const copy = await createTestDatabase({ seeded: true });
    const other = await createTestDatabase({ seeded: true });
    const fresh = await createTestDatabase({ seeded: true, fresh: true });
    try {
      const expected = await rowCounts(fresh.database);
      expect(expected.jour_case).toBeGreaterThan(1000);
      expect(await rowCounts(copy.database)).toEqual(expected);
      // a write in one copy is not seen by another
      await copy.database.db.updateTable('app_user').set({ display_name: 'Ändrad i en kopia' }).where('username', '=', 'eva.lund').execute();
      const left = await other.database.db.selectFrom('app_user').select('display_name').where('username', '=', 'eva.lund').executeTakeFirstOrThrow();
      expect(left.display_name).toBe('Eva Lund');
    } finally {
      await copy.close();
      await other.close();
      await fresh.close();
    }
  });

  it('copies the migrated, empty database too', async () => {
    const empty = await createTestDatabase();
    try {
      const counts = await rowCounts(empty.database);
      expect(counts.organisation).toBe(0);
      expect(Object.keys(counts).length).toBeGreaterThan(10);
    } finally {
      await empty.close();
    }
  });
});
