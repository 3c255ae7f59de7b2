import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { loadMigrations } from '../../db/migrate.ts';
import { verifyAuditChain } from '../audit/service.ts';

/**
 * Every data table in foreign-key order. A test checks this list against the
 * database, so a table added by a later migration cannot be left out.
 */
export const backupTables = [
  'organisation',
  'municipality',
  'population',
  'category',
  'decision_type',
  'decision_type_legal_basis',
  'app_user',
  'app_session',
  'login_attempt',
  'identity_provider',
  'oidc_login',
  'system_setting',
  'person',
  'case_counter',
  'jour_case',
  'case_person',
  'triage_event',
  'journal_entry',
  'decision',
  'legal_deadline',
  'time_entry',
  'direct_cost',
  'handover_report',
  'shift_note',
  'audit_event',
  'imported_decision',
  'notice',
  'notice_person',
  'notice_acknowledgement',
  'notice_read',
  'notice_override',
  'assignment',
  'assignment_person',
  'assignment_report',
  'job_run',
  'report_delivery',
  'outbound_email',
  'on_call_politician',
  'signature_request',
  'committee_report',
  'staff_member',
  'staff_date',
  'roster',
  'roster_assignment',
  'standby_callout',
  'budget_line',
  'outcome_entry',
  'invoice_period',
  'access_review',
  'retention_run',
  'case_person_fact',
  'subject_access_request',
  'quality_counter',
  'deviation',
  'deviation_case',
  'self_inspection_plan',
  'self_inspection',
  'telephony_system',
  'call_event',
  'business_plan',
  'plan_follow_up',
] as const;

/** Tables whose rows point at rows of the same table load in this order. */
const loadOrder: Partial<Record<(typeof backupTables)[number], string>> = {
  journal_entry: 'written_at, id',
  decision: 'recorded_at, id',
  audit_event: 'seq',
};

const FORMAT = 'jourbok-backup';

export class BackupError extends Error {}

/**
 * A consistent logical backup (gzip'd JSON lines): one snapshot transaction
 * reads every table. The same file restores into PGlite or PostgreSQL.
 */
export async function createBackup(db: Kysely<DB>, file: string): Promise<{ tables: number; rows: number }> {
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(JSON.stringify(line) + '\n')) await once(gzip, 'drain');
  };
  let rows = 0;
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx).catch(() => {});
      await write({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: loadMigrations().map((m) => m.name) });
      for (const table of backupTables) {
        let offset = 0;
        const page = 2000;
        for (;;) {
          const order = sql.raw(loadOrder[table] ?? 'ctid');
          const result = await sql<{ row: unknown }>`select to_jsonb(t) as row from ${sql.table(table)} t order by ${order} limit ${page} offset ${offset}`.execute(trx);
          for (const r of result.rows) await write({ table, row: r.row });
          rows += result.rows.length;
          if (result.rows.length < page) break;
          offset += page;
        }
      }
    });
  gzip.end();
  await once(out, 'finish');
  return { tables: backupTables.length, rows };
}

/** Restore a backup into an empty (freshly migrated) database, in one transaction. */
export async function restoreBackup(db: Kysely<DB>, file: string): Promise<{ rows: number; auditEvents: number }> {
  const existing = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
  if (existing) throw new BackupError('The database is not empty: restore needs an empty database');
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: { format?: string; migrations?: string[] } | undefined;
  const byTable = new Map<string, unknown[]>();
  try {
    for await (const line of lines) {
      if (!line) continue;
      const item = JSON.parse(line) as { table?: string; row?: unknown; format?: string };
      if (!header) {
        if (item.format !== FORMAT) throw new BackupError('Not a Jourbok backup file');
        header = item as { format?: string; migrations?: string[] };
        continue;
      }
      if (!item.table || !(backupTables as readonly string[]).includes(item.table)) throw new BackupError(`Unknown table in backup: ${item.table}`);
      let list = byTable.get(item.table);
      if (!list) byTable.set(item.table, (list = []));
      list.push(item.row);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup file cannot be read: ${(error as Error).message}`);
  }
  if (!header) throw new BackupError('The backup file is empty');
  const known = new Set(loadMigrations().map((m) => m.name));
  const missing = (header.migrations ?? []).filter((m) => !known.has(m));
  if (missing.length) throw new BackupError(`The backup is from a newer Jourbok (migrations ${missing.join(', ')}); upgrade first`);
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    // Events keep their original sequence and hashes: the chain trigger stays off while they load.
    await sql`alter table audit_event disable trigger audit_event_chain`.execute(trx);
    for (const table of backupTables) {
      const list = byTable.get(table) ?? [];
      for (let i = 0; i < list.length; i += 500) {
        const chunk = JSON.stringify(list.slice(i, i + 500));
        await sql`insert into ${sql.table(table)} overriding system value select * from jsonb_populate_recordset(null::${sql.table(table)}, ${chunk}::jsonb)`.execute(trx);
      }
      rows += list.length;
    }
    await sql`alter table audit_event enable trigger audit_event_chain`.execute(trx);
  });
  const check = await verifyAuditChain(db);
  if (!check.ok) throw new BackupError(`The restored audit log does not verify: event ${check.firstBroken?.seq}: ${check.firstBroken?.reason}`);
  return { rows, auditEvents: check.count };
}
