import { randomInt } from 'node:crypto';
import { can, scopeOf } from '@jourbok/domain';
import { inTransaction, systemPrincipal, type Ctx, type Deps } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { randomToken, safeEqual, sha256 } from '../auth/crypto.ts';
import { announce } from '../live/events.ts';
import { actorOf, personBriefOf } from '../persons/service.ts';

/**
 * Remote signing of a politician's decision recorded from the phone.
 *
 * The jour sends a one-time link to the politician's e-mail and is shown a
 * six-digit code once, which it reads to the politician by phone: two
 * channels, so neither a read mailbox nor the jour alone can sign. The link
 * (a 256-bit token, after '#', so it never reaches a server log) shows
 * nothing without the code; only hashes of both are stored. Five wrong codes
 * lock the link; it expires after 72 hours; a new link replaces an older one.
 * Signing sets the decision's signed_at and communicated_via
 * 'digital_signature', logged with the politician as the actor.
 */
export const SIGNING_HOURS = 72;
export const MAX_CODE_ATTEMPTS = 5;

const codeHashOf = (token: string, code: string) => sha256(`${token}:${code}`);

type RequestStatus = 'pending' | 'signed' | 'cancelled' | 'locked' | 'expired';

function statusOf(row: { status: 'pending' | 'signed' | 'cancelled' | 'locked'; expires_at: Date }, now: Date): RequestStatus {
  return row.status === 'pending' && row.expires_at.getTime() <= now.getTime() ? 'expired' : row.status;
}

/** Decisions by politicians not yet signed, with their latest signing request (the jour's list and board). */
export async function outstandingSignatures(ctx: Ctx) {
  const scope = scopeOf(actorOf(ctx));
  let q = ctx.trx
    .selectFrom('decision as d')
    .innerJoin('jour_case as c', 'c.id', 'd.case_id')
    .innerJoin('decision_type as t', (j) => j.onRef('t.organisation_id', '=', 'd.organisation_id').onRef('t.code', '=', 'd.type_code'))
    .select(['d.id', 'd.case_id', 'c.case_number', 'c.municipality_code', 'd.type_code', 't.name as type_name', 'd.decided_at', 'd.maker_name', 'd.maker_capacity', 'd.communicated_via'])
    .where('d.organisation_id', '=', scope.organisationId)
    .where('d.maker_kind', '=', 'politician')
    .where('d.status', '=', 'active')
    .where('d.signed_at', 'is', null);
  if (scope.kind === 'municipality') q = q.where('c.municipality_code', '=', scope.municipalityCode);
  const rows = await q.orderBy('d.decided_at').limit(200).execute();
  const requests = rows.length === 0 ? [] : await ctx.trx.selectFrom('signature_request').selectAll().where('decision_id', 'in', rows.map((r) => r.id)).orderBy('created_at', 'desc').execute();
  return rows.map((r) => {
    const latest = requests.find((x) => x.decision_id === r.id);
    return {
      decisionId: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      municipalityCode: r.municipality_code,
      typeCode: r.type_code,
      typeName: r.type_name,
      decidedAt: r.decided_at.toISOString(),
      makerName: r.maker_name,
      makerCapacity: r.maker_capacity,
      communicatedVia: r.communicated_via,
      request: latest
        ? {
            id: latest.id,
            status: statusOf(latest, ctx.now),
            recipientName: latest.recipient_name,
            recipientEmail: latest.recipient_email,
            createdByName: latest.created_by_name,
            createdAt: latest.created_at.toISOString(),
            expiresAt: latest.expires_at.toISOString(),
            openedAt: latest.opened_at?.toISOString() ?? null,
            signedAt: latest.signed_at?.toISOString() ?? null,
          }
        : null,
    };
  });
}

export async function listOutstandingSignatures(ctx: Ctx) {
  if (!can(actorOf(ctx), 'signatures.manage')) throw forbidden();
  const signatures = await outstandingSignatures(ctx);
  await ctx.audit({ action: 'case.listed', entityType: 'decision', entityId: null, details: { view: 'outstanding_signatures', count: signatures.length } });
  return { signatures };
}

/**
 * Create a signing request for a politician's decision. Returns the token
 * (to be e-mailed, never shown) and the code (shown once to the jour).
 * Earlier pending requests for the decision are cancelled.
 */
export async function requestSignature(ctx: Ctx, decisionId: string, input: { politicianId: string | null; recipientName: string | null; recipientEmail: string | null }) {
  const actor = actorOf(ctx);
  if (!can(actor, 'signatures.manage')) throw forbidden();
  const decision = await ctx.trx
    .selectFrom('decision as d')
    .innerJoin('jour_case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.maker_kind', 'd.maker_name', 'd.signed_at', 'd.status', 'd.case_id', 'c.municipality_code', 'd.subject_person_id'])
    .where('d.organisation_id', '=', actor.organisationId)
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
  if (!decision) throw notFound('Beslutet');
  if (decision.maker_kind !== 'politician') throw new AppError('validation', 'Bara beslut som en politiker har fattat signeras på distans.', 'decisionId');
  if (decision.status !== 'active') throw new AppError('conflict', 'Beslutet är återkallat.');
  if (decision.signed_at) throw new AppError('conflict', 'Beslutet är redan signerat.');
  let name = input.recipientName;
  let email = input.recipientEmail;
  if (input.politicianId) {
    const politician = await ctx.trx
      .selectFrom('on_call_politician')
      .select(['name', 'email'])
      .where('organisation_id', '=', actor.organisationId)
      .where('municipality_code', '=', decision.municipality_code)
      .where('id', '=', input.politicianId)
      .executeTakeFirst();
    if (!politician) throw new AppError('validation', 'Politikern finns inte bland kommunens politiker i beredskap.', 'politicianId');
    if (!politician.email) throw new AppError('validation', 'Politikern har ingen e-postadress i Jourbok. Ange adressen.', 'recipientEmail');
    name = politician.name;
    email = politician.email;
  }
  if (!name || !email) throw new AppError('validation', 'Ange namn och e-postadress.', 'recipientEmail');
  await ctx.trx.updateTable('signature_request').set({ status: 'cancelled' }).where('decision_id', '=', decisionId).where('status', '=', 'pending').execute();
  const token = randomToken(32);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(ctx.now.getTime() + SIGNING_HOURS * 3_600_000);
  const row = await ctx.trx
    .insertInto('signature_request')
    .values({
      organisation_id: actor.organisationId,
      decision_id: decisionId,
      politician_id: input.politicianId,
      recipient_name: name,
      recipient_email: email,
      token_hash: sha256(token),
      code_hash: codeHashOf(token, code),
      created_by: actor.userId,
      created_by_name: ctx.principal.displayName,
      created_at: ctx.now,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'signature.requested', entityType: 'signature_request', entityId: row.id, personId: decision.subject_person_id, municipalityCode: decision.municipality_code, details: { decisionId } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'case', id: decision.case_id, municipalityCode: decision.municipality_code });
  return { id: row.id, decisionId, recipientName: name, recipientEmail: email, expiresAt: expiresAt.toISOString(), code, token };
}

/** The e-mail could not be sent: the request is withdrawn (its token reached nobody). */
export async function cancelSignatureRequest(deps: Pick<Deps, 'database'>, id: string) {
  await deps.database.db.updateTable('signature_request').set({ status: 'cancelled' }).where('id', '=', id).where('status', '=', 'pending').execute();
}

// ---------------------------------------------------------------------------
// The public signing page

async function findByToken(deps: Pick<Deps, 'database'>, token: string) {
  return deps.database.db
    .selectFrom('signature_request as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.organisation_id', 's.recipient_name', 'o.name as organisation_name'])
    .where('s.token_hash', '=', sha256(token))
    .executeTakeFirst();
}

const linkInvalid = () => new AppError('not_found', 'Länken är ogiltig. Kontrollera att du har öppnat hela länken från e-postmeddelandet, eller be jouren om en ny.');

/** Step 1: the link alone. Says whether it can be used; shows nothing of the decision. */
export async function openSigningLink(deps: Deps, token: string, requestId: string) {
  const found = await findByToken(deps, token);
  if (!found) throw linkInvalid();
  return inTransaction(deps, systemPrincipal(found.organisation_id, `${found.recipient_name} (signeringslänk)`), requestId, async (ctx) => {
    const row = await ctx.trx.selectFrom('signature_request').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
    if (!row.opened_at) await ctx.trx.updateTable('signature_request').set({ opened_at: ctx.now }).where('id', '=', row.id).execute();
    const status = statusOf(row, ctx.now);
    return { status, organisationName: found.organisation_name, expiresAt: row.expires_at.toISOString(), codeRequired: status === 'pending' };
  });
}

type CodeCheck = { ok: true } | { ok: false; error: AppError };

/** Check the code against the link; a wrong code counts, and the fifth locks the link. The count commits even when the answer is no. */
async function checkCode(deps: Deps, token: string, code: string, requestId: string): Promise<{ id: string; organisationId: string; recipientName: string; organisationName: string }> {
  const found = await findByToken(deps, token);
  if (!found) throw linkInvalid();
  const principal = systemPrincipal(found.organisation_id, `${found.recipient_name} (signeringslänk)`);
  const check = await inTransaction(deps, principal, requestId, async (ctx): Promise<CodeCheck> => {
    const row = await ctx.trx.selectFrom('signature_request').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
    const status = statusOf(row, ctx.now);
    if (status === 'signed') return { ok: true };
    if (status !== 'pending') {
      const why = status === 'expired' ? 'Länken har gått ut.' : status === 'locked' ? 'Länken är spärrad efter för många felaktiga koder.' : 'Länken har ersatts av en nyare eller dragits tillbaka.';
      return { ok: false, error: new AppError('conflict', `${why} Be jouren skicka en ny länk.`) };
    }
    if (safeEqual(codeHashOf(token, code), row.code_hash)) return { ok: true };
    const attempts = row.failed_attempts + 1;
    const locked = attempts >= MAX_CODE_ATTEMPTS;
    await ctx.trx.updateTable('signature_request').set({ failed_attempts: attempts, status: locked ? 'locked' : 'pending' }).where('id', '=', row.id).execute();
    await ctx.audit({ action: 'signature.code_failed', entityType: 'signature_request', entityId: row.id, details: { attempts, locked } });
    return {
      ok: false,
      error: locked
        ? new AppError('conflict', 'Fel kod för många gånger: länken är spärrad. Be jouren skicka en ny länk.', 'code')
        : new AppError('validation', `Fel kod. Kontrollera koden som jouren läste upp (${MAX_CODE_ATTEMPTS - attempts} försök kvar).`, 'code'),
    };
  });
  if (!check.ok) throw check.error;
  return { id: found.id, organisationId: found.organisation_id, recipientName: found.recipient_name, organisationName: found.organisation_name };
}

async function decisionOf(ctx: Ctx, requestId: string) {
  return ctx.trx
    .selectFrom('signature_request as s')
    .innerJoin('decision as d', 'd.id', 's.decision_id')
    .innerJoin('jour_case as c', 'c.id', 'd.case_id')
    .innerJoin('decision_type as t', (j) => j.onRef('t.organisation_id', '=', 'd.organisation_id').onRef('t.code', '=', 'd.type_code'))
    .leftJoin('municipality as m', (j) => j.onRef('m.organisation_id', '=', 'c.organisation_id').onRef('m.code', '=', 'c.municipality_code'))
    .leftJoin('person as p', 'p.id', 'd.subject_person_id')
    .select([
      's.id as request_id',
      's.status as request_status',
      's.expires_at',
      'd.id',
      'd.case_id',
      'c.case_number',
      'c.municipality_code',
      'm.name as municipality_name',
      't.name as type_name',
      'd.legal_reference',
      'd.decided_at',
      'd.maker_name',
      'd.maker_capacity',
      'd.grounds',
      'd.recorded_by_name',
      'd.signed_at',
      'd.subject_person_id',
      'p.first_name',
      'p.last_name',
      'p.identity_kind',
      'p.identity_number',
      'p.protection',
      'p.hidden_residence',
    ])
    .where('s.id', '=', requestId)
    .executeTakeFirstOrThrow();
}

function presentToSign(row: Awaited<ReturnType<typeof decisionOf>>, organisationName: string, now: Date) {
  const subject =
    row.subject_person_id && row.identity_kind
      ? personBriefOf({
          id: row.subject_person_id,
          first_name: row.first_name ?? '',
          last_name: row.last_name ?? '',
          identity_kind: row.identity_kind,
          identity_number: row.identity_number,
          protection: row.protection ?? 'none',
          hidden_residence: row.hidden_residence ?? false,
        })
      : null;
  return {
    status: statusOf({ status: row.request_status, expires_at: row.expires_at }, now),
    organisationName,
    municipalityName: row.municipality_name ?? 'Annan kommun',
    caseNumber: row.case_number,
    typeName: row.type_name,
    legalReference: row.legal_reference,
    decidedAt: row.decided_at.toISOString(),
    makerName: row.maker_name,
    makerCapacity: row.maker_capacity,
    grounds: row.grounds,
    subject: subject ? { displayName: subject.displayName, identityNumber: subject.identityNumber } : null,
    recordedByName: row.recorded_by_name,
    signedAt: row.signed_at?.toISOString() ?? null,
  };
}

/** Step 2: the link and the code: the decision to sign (the read is logged with the politician as the reader). */
export async function decisionToSign(deps: Deps, token: string, code: string, requestId: string) {
  const found = await checkCode(deps, token, code, requestId);
  return inTransaction(deps, systemPrincipal(found.organisationId, `${found.recipientName} (signeringslänk)`), requestId, async (ctx) => {
    const row = await decisionOf(ctx, found.id);
    await ctx.audit({ action: 'signature.opened', entityType: 'decision', entityId: row.id, personId: row.subject_person_id, municipalityCode: row.municipality_code, details: { signatureRequestId: found.id } });
    return presentToSign(row, found.organisationName, ctx.now);
  });
}

/** Step 3: sign. The decision gets signed_at and communicated_via 'digital_signature'. */
export async function signDecision(deps: Deps, token: string, code: string, requestId: string) {
  const found = await checkCode(deps, token, code, requestId);
  return inTransaction(deps, systemPrincipal(found.organisationId, `${found.recipientName} (signeringslänk)`), requestId, async (ctx) => {
    const request = await ctx.trx.selectFrom('signature_request').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
    let row = await decisionOf(ctx, found.id);
    if (request.status === 'signed') return presentToSign(row, found.organisationName, ctx.now);
    if (row.signed_at) throw new AppError('conflict', 'Beslutet är redan signerat.');
    await ctx.trx.updateTable('decision').set({ signed_at: ctx.now, communicated_via: 'digital_signature' }).where('id', '=', row.id).execute();
    await ctx.trx.updateTable('signature_request').set({ status: 'signed', signed_at: ctx.now }).where('id', '=', found.id).execute();
    await ctx.audit({ action: 'decision.signed', entityType: 'decision', entityId: row.id, personId: row.subject_person_id, municipalityCode: row.municipality_code, details: { signatureRequestId: found.id, caseId: row.case_id } });
    await announce(ctx.trx, { organisationId: found.organisationId, topic: 'case', id: row.case_id, municipalityCode: row.municipality_code });
    await announce(ctx.trx, { organisationId: found.organisationId, topic: 'board', id: row.id });
    row = await decisionOf(ctx, found.id);
    return presentToSign(row, found.organisationName, ctx.now);
  });
}
