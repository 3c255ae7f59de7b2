import {
  ageOn,
  can,
  formatPersonnummer,
  localDateOf,
  normalizeNameForSearch,
  parseIdentityNumber,
  scopeOf,
  validateApproxBirthYear,
  validateReservnummer,
  type Actor,
  type Permission,
} from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { noticeBriefsOfPersons, noticeCardsOfPerson } from '../notices/present.ts';
import * as repo from './repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;

export const PROTECTED_DISPLAY_NAME = 'Person med skyddade personuppgifter';
const TIME_ZONE = 'Europe/Stockholm';

export function actorOf(ctx: Ctx): Actor {
  if (ctx.principal.kind !== 'user') throw forbidden();
  return ctx.principal;
}

export function todayOf(ctx: Ctx): string {
  return localDateOf(ctx.now.toISOString(), TIME_ZONE);
}

export function isProtected(row: Pick<Row, 'protection' | 'hidden_residence'>): boolean {
  return row.protection !== 'none' || row.hidden_residence;
}

export function displayNameOf(row: Pick<Row, 'protection' | 'hidden_residence' | 'first_name' | 'last_name'>): string {
  if (isProtected(row)) return PROTECTED_DISPLAY_NAME;
  const name = `${row.first_name} ${row.last_name}`.trim();
  return name || 'Okänd person';
}

function birthYearOf(row: Row): number | null {
  if (row.birth_date) return Number(row.birth_date.slice(0, 4));
  return row.birth_year_approx;
}

function ageOf(row: Row, today: string): number | null {
  if (row.birth_date) return ageOn(row.birth_date, today);
  return null;
}

function summary(row: Row, links: repo.CaseLink[], today: string, matchedBy?: 'identity' | 'name') {
  const own = links.filter((l) => l.person_id === row.id);
  const hidden = isProtected(row);
  return {
    id: row.id,
    displayName: displayNameOf(row),
    isProtected: hidden,
    protection: row.protection,
    identityKind: row.identity_kind,
    identityNumber: hidden || !row.identity_number ? null : row.identity_kind === 'reservnummer' ? row.identity_number : formatPersonnummer(row.identity_number),
    birthYear: hidden ? null : birthYearOf(row),
    age: hidden ? null : ageOf(row, today),
    homeMunicipalityCode: hidden ? null : row.home_municipality_code,
    caseCount: own.length,
    lastCaseAt: own[0]?.received_at.toISOString() ?? null,
    ...(matchedBy ? { matchedBy } : {}),
  };
}

/**
 * Search before create: an identity number finds its person exactly; a
 * birth date (YYMMDD, YYYYMMDD) finds those born that day; anything else is a
 * fuzzy name search. Each person listed is a read of personal data and logged.
 */
export async function searchPersons(ctx: Ctx, query: string) {
  const actor = actorOf(ctx);
  const scope = scopeOf(actor);
  const today = todayOf(ctx);
  const parsed = parseIdentityNumber(query, today);
  const compact = query.replace(/[\s-]/g, '');
  let rows: Row[];
  let matchedBy: 'identity' | 'name';
  let identity: { valid: boolean; normalized: string | null; message: string | null };
  if (parsed.ok) {
    rows = await repo.searchByIdentity(ctx.trx, scope, parsed.normalized);
    matchedBy = 'identity';
    identity = { valid: true, normalized: formatPersonnummer(parsed.normalized), message: null };
  } else if (/^\d{6}$|^\d{8}$/.test(compact)) {
    const full = compact.length === 8 ? compact : (Number(compact.slice(0, 2)) > Number(today.slice(2, 4)) ? '19' : '20') + compact;
    const date = `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
    rows = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(date) ? await repo.searchByBirthDate(ctx.trx, scope, date) : [];
    matchedBy = 'identity';
    identity = { valid: false, normalized: null, message: 'Födelsedatum: visar personer födda den dagen' };
  } else {
    rows = await repo.searchByName(ctx.trx, scope, normalizeNameForSearch(query));
    matchedBy = 'name';
    identity = { valid: false, normalized: null, message: /\d{6}/.test(compact) ? parsed.message : null };
  }
  const links = await repo.casesOf(ctx.trx, scope, rows.map((r) => r.id));
  for (const row of rows) {
    await ctx.audit({ action: 'person.searched', entityType: 'person', entityId: row.id, personId: row.id, details: { matchedBy, results: rows.length } });
  }
  if (rows.length === 0) await ctx.audit({ action: 'person.searched', entityType: 'person', entityId: null, details: { matchedBy, results: 0 } });
  const notices = await noticeBriefsOfPersons(ctx, rows.map((r) => r.id), 'person_search');
  return { identity, results: rows.map((r) => ({ ...summary(r, links, today, matchedBy), notices: notices.get(r.id) ?? [] })) };
}

async function loadVisible(ctx: Ctx, id: string): Promise<Row> {
  const actor = actorOf(ctx);
  const scope = scopeOf(actor);
  const row = await repo.findPerson(ctx.trx, actor.organisationId, id);
  if (!row || !(await repo.isVisible(ctx.trx, scope, id))) throw notFound('Personen');
  return row;
}

async function details(ctx: Ctx, row: Row, revealed: boolean) {
  const scope = scopeOf(actorOf(ctx));
  const today = todayOf(ctx);
  const hidden = isProtected(row) && !revealed;
  const links = await repo.casesOf(ctx.trx, scope, [row.id]);
  return {
    id: row.id,
    firstName: hidden ? '' : row.first_name,
    lastName: hidden ? '' : row.last_name,
    displayName: hidden ? PROTECTED_DISPLAY_NAME : `${row.first_name} ${row.last_name}`.trim() || 'Okänd person',
    identityKind: row.identity_kind,
    identityNumber: hidden || !row.identity_number ? null : row.identity_kind === 'reservnummer' ? row.identity_number : formatPersonnummer(row.identity_number),
    reserveIssuer: hidden ? null : row.reserve_issuer,
    birthDate: hidden ? null : row.birth_date,
    birthYearApprox: hidden ? null : row.birth_year_approx,
    age: hidden ? null : ageOf(row, today),
    sex: hidden ? null : row.sex,
    homeMunicipalityCode: hidden ? null : row.home_municipality_code,
    protection: row.protection,
    hiddenResidence: row.hidden_residence,
    isRevealed: !hidden,
    // Contact details of a protected person are shown only after a reasoned reveal.
    address: hidden ? null : row.address,
    phone: hidden ? null : row.phone,
    email: hidden ? null : row.email,
    earlierCases: links.map((l) => ({
      id: l.id,
      caseNumber: l.case_number,
      receivedAt: l.received_at.toISOString(),
      categoryCode: l.category_code,
      municipalityCode: l.municipality_code,
      status: l.status,
      role: l.role,
    })),
    version: row.version,
    notices: await noticeCardsOfPerson(ctx, row.id),
  };
}

/** A person's details, earlier cases first. A protected person's details stay hidden. */
export async function getPerson(ctx: Ctx, id: string) {
  const row = await loadVisible(ctx, id);
  await ctx.audit({ action: 'person.read', entityType: 'person', entityId: id, personId: id, details: { protected: isProtected(row) } });
  return details(ctx, row, false);
}

/** Break the glass: a protected person's details, with a stated reason, logged for review. */
export async function revealPerson(ctx: Ctx, id: string, reason: string) {
  const row = await loadVisible(ctx, id);
  await ctx.audit({ action: 'person.revealed', entityType: 'person', entityId: id, personId: id, purpose: reason, details: { protection: row.protection } });
  return details(ctx, row, true);
}

export interface PersonInput {
  identityKind: 'personnummer' | 'samordningsnummer' | 'reservnummer' | 'unknown';
  identityNumber: string | null;
  reserveIssuer: string | null;
  firstName: string;
  lastName: string;
  birthYearApprox: number | null;
  homeMunicipalityCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  protection: 'none' | 'sekretessmarkering' | 'skyddad_folkbokforing' | 'fingerade';
  hiddenResidence: boolean;
  confirmedNew?: boolean;
}

/** Check and normalise a person's identity; errors name the field. */
function normaliseIdentity(input: PersonInput, today: string) {
  if (input.identityKind === 'personnummer' || input.identityKind === 'samordningsnummer') {
    const parsed = parseIdentityNumber(input.identityNumber ?? '', today);
    if (!parsed.ok) throw new AppError('validation', `Personnummer: ${parsed.message}.`, 'identityNumber');
    return { kind: parsed.kind, number: parsed.normalized, issuer: null, birthDate: parsed.birthDate, sex: parsed.sex, approx: null };
  }
  if (input.identityKind === 'reservnummer') {
    const checked = validateReservnummer(input.identityNumber ?? '', input.reserveIssuer ?? '');
    if (!checked.ok) {
      const first = checked.errors[0]!;
      throw new AppError('validation', `Reservnummer: ${first.message}`, first.field === 'issuer' ? 'reserveIssuer' : 'identityNumber');
    }
    return { kind: 'reservnummer' as const, number: (input.identityNumber ?? '').trim(), issuer: (input.reserveIssuer ?? '').trim(), birthDate: null, sex: null, approx: input.birthYearApprox };
  }
  if (!input.firstName && !input.lastName) throw new AppError('validation', 'En person utan känd identitet behöver ett namn.', 'firstName');
  if (input.birthYearApprox !== null) {
    const ok = validateApproxBirthYear(input.birthYearApprox, today);
    if (!ok.ok) throw new AppError('validation', ok.message, 'birthYearApprox');
  }
  return { kind: 'unknown' as const, number: null, issuer: null, birthDate: null, sex: null, approx: input.birthYearApprox };
}

/** The columns of a person, the same on creation and on change. */
function personColumns(input: PersonInput, identity: ReturnType<typeof normaliseIdentity>) {
  return {
    identity_kind: identity.kind,
    identity_number: identity.number,
    reserve_issuer: identity.issuer,
    first_name: input.firstName,
    last_name: input.lastName,
    search_name: normalizeNameForSearch(`${input.firstName} ${input.lastName}`),
    birth_date: identity.birthDate,
    birth_year_approx: identity.approx,
    sex: identity.sex,
    home_municipality_code: input.homeMunicipalityCode,
    address: input.address,
    phone: input.phone,
    email: input.email,
    protection: input.protection,
    hidden_residence: input.hiddenResidence,
  };
}

/** Create a person. `permission`: what entitles the actor (a kommun user creates one through a notice or an assignment). */
export async function createPerson(ctx: Ctx, input: PersonInput, permission: Permission = 'persons.write'): Promise<string> {
  const actor = actorOf(ctx);
  if (!can(actor, permission)) throw forbidden();
  const today = todayOf(ctx);
  const identity = normaliseIdentity(input, today);
  if (identity.number) {
    const existing = await repo.findByIdentity(ctx.trx, actor.organisationId, identity.kind, identity.number);
    if (existing) {
      throw new AppError('conflict', 'Personen finns redan i Jourbok. Välj den befintliga personen i sökresultatet.', 'identityNumber', { personId: existing.id });
    }
  } else if (!input.confirmedNew) {
    const similar = await repo.searchByName(ctx.trx, scopeOf(actor), normalizeNameForSearch(`${input.firstName} ${input.lastName}`));
    if (similar.length > 0) {
      throw new AppError('conflict', 'Det finns personer med liknande namn. Kontrollera att det inte är någon av dem innan du skapar en ny.', 'firstName', {
        candidates: similar.slice(0, 5).map((r) => ({ id: r.id, displayName: displayNameOf(r), birthYear: r.birth_date ? Number(r.birth_date.slice(0, 4)) : r.birth_year_approx })),
      });
    }
  }
  const row = await ctx.trx
    .insertInto('person')
    .values({
      organisation_id: actor.organisationId,
      ...personColumns(input, identity),
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'person.created', entityType: 'person', entityId: row.id, personId: row.id, details: { identityKind: identity.kind, protection: input.protection } });
  return row.id;
}

export async function createPersonAndRead(ctx: Ctx, input: PersonInput) {
  const id = await createPerson(ctx, input);
  const row = (await repo.findPerson(ctx.trx, actorOf(ctx).organisationId, id))!;
  return details(ctx, row, true);
}

export async function updatePerson(ctx: Ctx, id: string, input: PersonInput & { version: number }) {
  const actor = actorOf(ctx);
  const row = await loadVisible(ctx, id);
  if (row.version !== input.version) throw new AppError('stale', 'Någon annan har ändrat personen medan du arbetade. Sidan visar nu den senaste versionen.');
  const identity = normaliseIdentity(input, todayOf(ctx));
  if (identity.number && identity.number !== row.identity_number) {
    const existing = await repo.findByIdentity(ctx.trx, actor.organisationId, identity.kind, identity.number);
    if (existing && existing.id !== id) throw new AppError('conflict', 'En annan person har redan det numret.', 'identityNumber', { personId: existing.id });
  }
  const changed = Object.entries({
    identity: row.identity_number !== identity.number,
    name: row.first_name !== input.firstName || row.last_name !== input.lastName,
    contact: row.address !== input.address || row.phone !== input.phone || row.email !== input.email,
    protection: row.protection !== input.protection || row.hidden_residence !== input.hiddenResidence,
    homeMunicipality: row.home_municipality_code !== input.homeMunicipalityCode,
  })
    .filter(([, v]) => v)
    .map(([k]) => k);
  await ctx.trx
    .updateTable('person')
    .set({
      ...personColumns(input, identity),
      version: row.version + 1,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  await ctx.audit({ action: 'person.updated', entityType: 'person', entityId: id, personId: id, details: { fields: changed } });
  const updated = (await repo.findPerson(ctx.trx, actor.organisationId, id))!;
  return details(ctx, updated, true);
}

/** May the actor see this person (a kommun user: one of its municipality's)? */
export async function isPersonVisible(ctx: Ctx, id: string): Promise<boolean> {
  return repo.isVisible(ctx.trx, scopeOf(actorOf(ctx)), id);
}

/**
 * The person with this identity number if Jourbok knows one (without telling
 * more than the caller typed), else a new one. For notices and assignments,
 * where a municipality names a person by personnummer.
 */
export async function findOrCreatePerson(ctx: Ctx, input: PersonInput, permission: Permission): Promise<string> {
  const actor = actorOf(ctx);
  if (input.identityKind === 'personnummer' || input.identityKind === 'samordningsnummer') {
    const parsed = parseIdentityNumber(input.identityNumber ?? '', todayOf(ctx));
    if (parsed.ok) {
      const existing = await repo.findByIdentity(ctx.trx, actor.organisationId, parsed.kind, parsed.normalized);
      if (existing) return existing.id;
    }
  }
  return createPerson(ctx, input, permission);
}

/** A person in a list of another feature (a notice's, an assignment's): a protected person shows a display name only. */
export function personBriefOf(row: Pick<Row, 'id' | 'protection' | 'hidden_residence' | 'first_name' | 'last_name' | 'identity_kind' | 'identity_number'>) {
  const hidden = isProtected(row);
  return {
    id: row.id,
    displayName: displayNameOf(row),
    isProtected: hidden,
    identityNumber: hidden || !row.identity_number ? null : row.identity_kind === 'reservnummer' ? row.identity_number : formatPersonnummer(row.identity_number),
  };
}
