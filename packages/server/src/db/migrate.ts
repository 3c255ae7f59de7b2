import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(migrationsDir + name, 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Apply pending migrations, each in its own transaction, on PGlite and
 * PostgreSQL alike. An advisory lock keeps two server processes from
 * migrating at once. A shipped migration whose text changed is an error.
 */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(7308411921)`.execute(conn);
    try {
      await sql`create table if not exists schema_migration (
        name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(conn);
      const done = new Map((await conn.selectFrom('schema_migration').selectAll().execute()).map((r) => [r.name, r.checksum]));
      for (const migration of loadMigrations()) {
        const checksum = done.get(migration.name);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) throw new Error(`Migration ${migration.name} was changed after it was applied`);
          continue;
        }
        await conn.transaction().execute(async (trx) => {
          await sql.raw(migration.sql).execute(trx);
          await trx.insertInto('schema_migration').values({ name: migration.name, checksum: migration.checksum }).execute();
        });
        applied.push(migration.name);
      }
    } finally {
      await sql`select pg_advisory_unlock(7308411921)`.execute(conn);
    }
  });
  return applied;
}
