import { sql, type Kysely } from 'kysely';
import type { Ctx } from '../../app/context.ts';
import type { DB } from '../../db/schema.ts';

export interface VerifyResult {
  ok: boolean;
  count: number;
  firstBroken: { seq: number; id: string; reason: string } | null;
}

const GENESIS = '0'.repeat(64);

/**
 * Walk the whole chain: each event's hash must match its content, its
 * prev_hash the previous event's hash, and its seq follow the previous one.
 */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 5000): Promise<VerifyResult> {
  let lastSeq = 0;
  let lastHash = GENESIS;
  let count = 0;
  for (;;) {
    const rows = await sql<{ seq: number; id: string; prev_hash: string; hash: string; expected: string }>`
      select seq, id, prev_hash, hash, encode(sha256(convert_to(audit_event_canonical(a), 'UTF8')), 'hex') as expected
      from audit_event a where seq > ${lastSeq} order by seq limit ${batchSize}`.execute(db);
    if (rows.rows.length === 0) break;
    for (const row of rows.rows) {
      const seq = Number(row.seq);
      let reason: string | null = null;
      if (seq !== lastSeq + 1) reason = `event ${lastSeq + 1} is missing`;
      else if (row.prev_hash !== lastHash) reason = 'prev_hash does not match the previous event';
      else if (row.hash !== row.expected) reason = 'content does not match its hash (the row was edited)';
      if (reason) return { ok: false, count, firstBroken: { seq, id: row.id, reason } };
      lastSeq = seq;
      lastHash = row.hash;
      count++;
    }
  }
  return { ok: true, count, firstBroken: null };
}

export interface AuditQuery {
  userId?: string | undefined;
  personId?: string | undefined;
  action?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

/** Search the log (the unit manager's access review). The search is itself logged. */
export async function searchAudit(ctx: Ctx, query: AuditQuery) {
  const organisationId = ctx.principal.organisationId;
  let q = ctx.trx.selectFrom('audit_event').selectAll().where('organisation_id', '=', organisationId);
  if (query.userId) q = q.where('actor_user_id', '=', query.userId);
  if (query.personId) q = q.where('person_id', '=', query.personId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.from) q = q.where(sql`(occurred_at at time zone 'Europe/Stockholm')::date`, '>=', query.from);
  if (query.to) q = q.where(sql`(occurred_at at time zone 'Europe/Stockholm')::date`, '<=', query.to);
  if (query.beforeSeq) q = q.where('seq', '<', query.beforeSeq);
  const rows = await q.orderBy('seq', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  await ctx.audit({
    action: 'audit.searched',
    entityType: 'audit_log',
    entityId: null,
    personId: query.personId ?? null,
    details: { filters: Object.keys(query).filter((k) => k !== 'limit' && query[k as keyof AuditQuery] !== undefined), results: page.length },
  });
  return {
    events: page.map((r) => ({
      seq: Number(r.seq),
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      action: r.action,
      kind: r.kind,
      entityType: r.entity_type,
      entityId: r.entity_id,
      personId: r.person_id,
      municipalityCode: r.municipality_code,
      purpose: r.purpose,
      details: r.details as Record<string, unknown>,
      requestId: r.request_id,
    })),
    nextBeforeSeq: rows.length > query.limit ? Number(page[page.length - 1]!.seq) : null,
  };
}
