import { can, isNoticeActive, scopeOf, validateNotice, type NoticeInstruction, type NoticeLevel } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { announce } from '../live/events.ts';
import { municipalityFor, resolvePersons, type PersonRequest } from '../members/acting.ts';
import { actorOf, personBriefOf, todayOf } from '../persons/service.ts';
import { logNoticeReads, presentCard } from './present.ts';
import * as repo from './repository.ts';

interface NoticeContent {
  level: NoticeLevel;
  title: string;
  plan: string;
  shouldDo: string;
  shouldNotDo: string;
  instructions: NoticeInstruction[];
  validFrom: string;
  validTo: string;
  contactName: string;
  contactPhone: string;
}

export interface NoticeRequest extends NoticeContent {
  municipalityCode: string | null;
  persons: PersonRequest[];
  phonedInBy: string | null;
}

function checkContent(ctx: Ctx, input: NoticeContent, personCount: number) {
  const errors = validateNotice({ validFrom: input.validFrom, validTo: input.validTo, instructions: input.instructions, personCount, today: todayOf(ctx) });
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors[0]!.field, { errors });
}

function contentColumns(input: NoticeContent) {
  return {
    level: input.level,
    title: input.title,
    plan: input.plan,
    should_do: input.shouldDo,
    should_not_do: input.shouldNotDo,
    instructions: JSON.stringify([...new Set(input.instructions)]),
    valid_from: input.validFrom,
    valid_to: input.validTo,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
  };
}

function statusOf(row: repo.NoticeRow, today: string): 'active' | 'upcoming' | 'expired' | 'withdrawn' {
  if (row.status === 'withdrawn') return 'withdrawn';
  if (isNoticeActive({ status: row.status, validFrom: row.valid_from, validTo: row.valid_to }, today)) return 'active';
  return row.valid_from > today ? 'upcoming' : 'expired';
}

async function loadNotice(ctx: Ctx, id: string): Promise<repo.NoticeRow> {
  const row = await repo.findNotice(ctx.trx, scopeOf(actorOf(ctx)), id);
  if (!row) throw notFound('Aviseringen');
  return row;
}

/** A notice with its persons, read log and acknowledgements (a kommun reader: acknowledgements in its own cases). */
async function presentView(ctx: Ctx, row: repo.NoticeRow) {
  const scope = scopeOf(actorOf(ctx));
  const [persons, reads, acks] = await Promise.all([repo.personsOf(ctx.trx, [row.id]), repo.readLogOf(ctx.trx, [row.id]), repo.acknowledgementsOf(ctx.trx, [row.id])]);
  return {
    ...presentCard(row, persons.map((p) => p.id)),
    status: statusOf(row, todayOf(ctx)),
    persons: persons.map(personBriefOf),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawnByName: row.withdrawn_by_name,
    withdrawnReason: row.withdrawn_reason,
    readLog: reads.map((r) => ({ userName: r.user_name, firstReadAt: r.first_read_at.toISOString(), lastReadAt: r.last_read_at.toISOString(), readCount: r.read_count })),
    acknowledgements: acks
      .filter((a) => scope.kind === 'organisation' || a.municipality_code === scope.municipalityCode)
      .map((a) => ({ noticeId: a.notice_id, caseId: a.case_id, caseNumber: a.case_number, noticeVersion: a.notice_version, acknowledgedByName: a.acknowledged_by_name, acknowledgedAt: a.acknowledged_at.toISOString() })),
  };
}

/**
 * Register a notice: a kommun user for its own municipality, or the jour on a
 * municipality's behalf (taken by phone). Persons are found ones or new ones.
 */
export async function registerNotice(ctx: Ctx, input: NoticeRequest) {
  const actor = actorOf(ctx);
  if (!can(actor, 'notices.write')) throw forbidden();
  const municipality = await municipalityFor(ctx, input.municipalityCode);
  checkContent(ctx, input, input.persons.length);
  const personIds = await resolvePersons(ctx, input.persons, municipality.code, 'notices.write');
  const byJour = actor.role !== 'kommun';
  if (byJour && !input.phonedInBy) throw new AppError('validation', 'Ange vem på kommunen som lämnade aviseringen per telefon.', 'phonedInBy');
  const row = await ctx.trx
    .insertInto('notice')
    .values({
      organisation_id: actor.organisationId,
      municipality_code: municipality.code,
      ...contentColumns(input),
      registered_via: byJour ? 'jour_phone' : 'municipality',
      phoned_in_by: byJour ? input.phonedInBy : null,
      created_by: actor.userId,
      created_by_name: ctx.principal.displayName,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.trx.insertInto('notice_person').values(personIds.map((person_id) => ({ notice_id: row.id, person_id }))).execute();
  for (const personId of personIds) {
    await ctx.audit({ action: 'notice.registered', entityType: 'notice', entityId: row.id, personId, municipalityCode: municipality.code, details: { level: input.level, instructions: input.instructions, byJour } });
  }
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'notice', id: row.id, municipalityCode: municipality.code });
  return presentView(ctx, (await repo.findNotice(ctx.trx, scopeOf(actor), row.id))!);
}

/** Change a notice's content. A must-read notice that changes has to be acknowledged again. */
export async function updateNotice(ctx: Ctx, id: string, input: NoticeContent & { version: number }) {
  const actor = actorOf(ctx);
  if (!can(actor, 'notices.write')) throw forbidden();
  const row = await loadNotice(ctx, id);
  if (row.version !== input.version) throw new AppError('stale', 'Någon annan har ändrat aviseringen medan du arbetade. Sidan visar nu den senaste versionen.');
  if (row.status === 'withdrawn') throw new AppError('conflict', 'Aviseringen är återkallad och kan inte ändras.');
  checkContent(ctx, input, 1);
  const result = await ctx.trx
    .updateTable('notice')
    .set({ ...contentColumns(input), version: row.version + 1, updated_at: ctx.now })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('stale', 'Någon annan har ändrat aviseringen medan du arbetade. Sidan visar nu den senaste versionen.');
  await ctx.audit({ action: 'notice.updated', entityType: 'notice', entityId: id, municipalityCode: row.municipality_code, details: { level: input.level, instructions: input.instructions } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'notice', id, municipalityCode: row.municipality_code });
  return presentView(ctx, (await loadNotice(ctx, id)));
}

export async function withdrawNotice(ctx: Ctx, id: string, reason: string) {
  const actor = actorOf(ctx);
  if (!can(actor, 'notices.write')) throw forbidden();
  const row = await loadNotice(ctx, id);
  if (row.status === 'withdrawn') throw new AppError('conflict', 'Aviseringen är redan återkallad.');
  await ctx.trx
    .updateTable('notice')
    .set({ status: 'withdrawn', withdrawn_at: ctx.now, withdrawn_by_name: ctx.principal.displayName, withdrawn_reason: reason, version: row.version + 1, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await ctx.audit({ action: 'notice.withdrawn', entityType: 'notice', entityId: id, municipalityCode: row.municipality_code });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'notice', id, municipalityCode: row.municipality_code });
  return presentView(ctx, (await loadNotice(ctx, id)));
}

/** A notice in full. Reading it is logged, and a read by the jour enters the read log the municipality follows. */
export async function getNotice(ctx: Ctx, id: string) {
  const row = await loadNotice(ctx, id);
  const personIds = (await repo.personIdsOf(ctx.trx, [id])).get(id) ?? [];
  await logNoticeReads(ctx, [{ id, municipalityCode: row.municipality_code, personIds }], 'notice', true);
  return presentView(ctx, row);
}

export async function listNotices(ctx: Ctx, filter: repo.NoticeFilter) {
  const scope = scopeOf(actorOf(ctx));
  const today = todayOf(ctx);
  const rows = await repo.listNotices(ctx.trx, scope, filter, today);
  const ids = rows.map((r) => r.id);
  const [persons, reads] = await Promise.all([repo.personsOf(ctx.trx, ids), repo.readLogOf(ctx.trx, ids)]);
  await ctx.audit({ action: 'notice.listed', entityType: 'notice', entityId: null, details: { count: rows.length } });
  return {
    notices: rows.map((row) => {
      const own = persons.filter((p) => p.notice_id === row.id);
      const readers = reads.filter((r) => r.notice_id === row.id);
      return {
        ...presentCard(row, own.map((p) => p.id)),
        status: statusOf(row, today),
        persons: own.map(personBriefOf),
        readCount: readers.length,
        lastReadAt: readers[0]?.last_read_at.toISOString() ?? null,
      };
    }),
  };
}

/** Acknowledge a must-read notice in a case: recorded with who and when, for the notice's current version. */
export async function acknowledgeNotice(ctx: Ctx, id: string, caseId: string) {
  const actor = actorOf(ctx);
  if (!can(actor, 'cases.write')) throw forbidden();
  const row = await loadNotice(ctx, id);
  const jourCase = await ctx.trx.selectFrom('jour_case').select(['id', 'case_number', 'municipality_code']).where('organisation_id', '=', actor.organisationId).where('id', '=', caseId).executeTakeFirst();
  if (!jourCase) throw new AppError('validation', 'Ärendet finns inte.', 'caseId');
  if (!isNoticeActive({ status: row.status, validFrom: row.valid_from, validTo: row.valid_to }, todayOf(ctx))) throw new AppError('conflict', 'Aviseringen gäller inte längre.');
  const personIds = (await repo.personIdsOf(ctx.trx, [id])).get(id) ?? [];
  const casePersons = await repo.casePersonIds(ctx.trx, caseId);
  const concerned = personIds.filter((p) => casePersons.includes(p));
  if (concerned.length === 0) throw new AppError('validation', 'Aviseringen gäller ingen person i ärendet.', 'caseId');
  await ctx.trx
    .insertInto('notice_acknowledgement')
    .values({ notice_id: id, case_id: caseId, notice_version: row.version, acknowledged_by: actor.userId, acknowledged_by_name: ctx.principal.displayName, acknowledged_at: ctx.now })
    .onConflict((oc) => oc.columns(['notice_id', 'case_id', 'notice_version']).doNothing())
    .execute();
  const ack = await ctx.trx.selectFrom('notice_acknowledgement').selectAll().where('notice_id', '=', id).where('case_id', '=', caseId).where('notice_version', '=', row.version).executeTakeFirstOrThrow();
  await logNoticeReads(ctx, [{ id, municipalityCode: row.municipality_code, personIds: concerned }], 'case', true);
  await ctx.audit({ action: 'notice.acknowledged', entityType: 'notice', entityId: id, municipalityCode: row.municipality_code, details: { caseId, version: row.version } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'case', id: caseId, municipalityCode: jourCase.municipality_code });
  return { noticeId: id, caseId, caseNumber: jourCase.case_number, noticeVersion: row.version, acknowledgedByName: ack.acknowledged_by_name, acknowledgedAt: ack.acknowledged_at.toISOString() };
}
