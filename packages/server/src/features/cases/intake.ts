import {
  applyOverride,
  can,
  defaultTriageRules,
  isChildOn,
  isCriterion,
  isPriority,
  isValidKommunkod,
  localDateOf,
  scopeOf,
  triage,
  type Criterion,
} from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { announce } from '../live/events.ts';
import { noticeBriefsOfPersons } from '../notices/present.ts';
import { actorOf, createPerson, todayOf, type PersonInput } from '../persons/service.ts';
import * as repo from './repository.ts';

const TIME_ZONE = 'Europe/Stockholm';

export interface TriageRequest {
  criteria: string[];
  overridePriority: number | null;
  overrideReason: string | null;
}

export interface CasePersonRequest {
  personId?: string | undefined;
  person?: PersonInput | undefined;
  role: 'child' | 'guardian' | 'adult' | 'reporter' | 'relative' | 'other';
  whereNow: string | null;
}

export interface RegistrationRequest {
  caseType: 'arende' | 'orosanmalan';
  receivedAt: string | null;
  contactChannel: 'polis' | 'sos_112' | 'sjukvard' | 'ambulans' | 'kommun' | 'enskild' | 'annan_jour' | 'ovrig';
  reporterName: string | null;
  reporterOrganisation: string | null;
  reporterPhone: string | null;
  reporterIsMandated: boolean;
  reporterWantsSecrecy: boolean;
  municipalityCode: string;
  categoryCode: string;
  youthCrime: boolean;
  summary: string;
  shelterRequested: boolean;
  persons: CasePersonRequest[];
  triage: TriageRequest | null;
}

export function staleCase(): AppError {
  return new AppError('stale', 'Någon annan har ändrat ärendet medan du arbetade. Ärendet visas nu i sin senaste version; gör din ändring igen.');
}

export function requireWrite(ctx: Ctx) {
  const actor = actorOf(ctx);
  if (!can(actor, 'cases.write')) throw forbidden();
  return actor;
}

/** A case the actor may see, or 404 (another municipality's case is "not found" to a kommun user). */
export async function loadCase(ctx: Ctx, id: string): Promise<repo.CaseRow> {
  const row = await repo.findCase(ctx.trx, scopeOf(actorOf(ctx)), id);
  if (!row) throw notFound('Ärendet');
  return row;
}

async function checkMunicipalityAndCategory(ctx: Ctx, organisationId: string, municipalityCode: string, categoryCode: string, youthCrime: boolean) {
  if (!isValidKommunkod(municipalityCode)) throw new AppError('validation', 'Kommunkoden finns inte.', 'municipalityCode');
  const member = await ctx.trx.selectFrom('municipality').select(['code', 'is_member']).where('organisation_id', '=', organisationId).where('code', '=', municipalityCode).executeTakeFirst();
  const category = await ctx.trx.selectFrom('category').select(['code', 'is_active']).where('organisation_id', '=', organisationId).where('code', '=', categoryCode).executeTakeFirst();
  if (!category || !category.is_active) throw new AppError('validation', 'Välj en kategori ur listan.', 'categoryCode');
  if (youthCrime && categoryCode !== 'barn_unga') throw new AppError('validation', 'Ungdomskriminalitet kan bara markeras för Barn och ungdom.', 'youthCrime');
  return { isMember: member?.is_member === true };
}

function parseCriteria(list: string[]): Criterion[] {
  const unknown = list.filter((c) => !isCriterion(c));
  if (unknown.length) throw new AppError('validation', `Okänt kriterium: ${unknown.join(', ')}`, 'triage.criteria');
  return [...new Set(list)] as Criterion[];
}

/** Triage a case: suggested priority from the rules, or a manual one with a reason. Recorded with who and why. */
async function recordTriage(ctx: Ctx, caseId: string, request: TriageRequest, concernsChild: boolean): Promise<number> {
  const criteria = parseCriteria(request.criteria);
  const org = await ctx.trx.selectFrom('organisation').select('settings').where('id', '=', ctx.principal.organisationId!).executeTakeFirstOrThrow();
  const rules = (org.settings as { triageRules?: typeof defaultTriageRules }).triageRules ?? defaultTriageRules;
  const suggestion = triage(criteria, rules, { concernsChild });
  let priority = suggestion.priority as number;
  let reason: string | null = null;
  if (request.overridePriority !== null && request.overridePriority !== suggestion.priority) {
    if (!isPriority(request.overridePriority)) throw new AppError('validation', 'Prioriteten ska vara 1–4.', 'triage.overridePriority');
    const result = applyOverride(suggestion, { priority: request.overridePriority, reason: request.overrideReason ?? '' });
    if (!result.ok) throw new AppError('validation', result.error.message, result.error.field === 'reason' ? 'triage.overrideReason' : 'triage.overridePriority');
    priority = result.priority;
    reason = result.reason;
  }
  const actor = actorOf(ctx);
  await ctx.trx
    .insertInto('triage_event')
    .values({
      case_id: caseId,
      priority,
      suggested_priority: suggestion.priority,
      criteria: JSON.stringify(criteria),
      matched_rule: suggestion.matchedRuleId,
      override_reason: reason,
      triaged_by: actor.userId,
      triaged_by_name: ctx.principal.displayName,
      triaged_at: ctx.now,
    })
    .execute();
  await ctx.trx.updateTable('jour_case').set({ priority, triage_criteria: JSON.stringify(criteria), updated_at: ctx.now }).where('id', '=', caseId).execute();
  await ctx.audit({ action: 'case.triaged', entityType: 'case', entityId: caseId, details: { priority, suggested: suggestion.priority, overridden: reason !== null, rule: suggestion.matchedRuleId } });
  return priority;
}

async function attachPerson(ctx: Ctx, caseId: string, municipalityCode: string, p: CasePersonRequest): Promise<string> {
  const actor = actorOf(ctx);
  let personId = p.personId;
  if (!personId) {
    if (!p.person) throw new AppError('validation', 'Välj en person ur sökresultatet eller fyll i en ny.', 'persons');
    personId = await createPerson(ctx, { ...p.person, homeMunicipalityCode: p.person.homeMunicipalityCode ?? municipalityCode });
  } else {
    const exists = await ctx.trx.selectFrom('person').select('id').where('organisation_id', '=', actor.organisationId).where('id', '=', personId).executeTakeFirst();
    if (!exists) throw new AppError('validation', 'Personen finns inte.', 'persons');
  }
  const already = await ctx.trx.selectFrom('case_person').select('person_id').where('case_id', '=', caseId).where('person_id', '=', personId).executeTakeFirst();
  if (already) throw new AppError('conflict', 'Personen finns redan i ärendet.', 'persons');
  await ctx.trx.insertInto('case_person').values({ case_id: caseId, person_id: personId, role: p.role, where_now: p.whereNow, added_at: ctx.now }).execute();
  await ctx.audit({ action: 'case.person_added', entityType: 'case', entityId: caseId, personId, municipalityCode, details: { role: p.role } });
  return personId;
}

/** Does the case concern a child: a person in the role child, or anyone under 18 on the day? */
async function concernsChild(ctx: Ctx, caseId: string, caseType: string): Promise<boolean> {
  if (caseType === 'orosanmalan') return true;
  const persons = await repo.casePersons(ctx.trx, [caseId]);
  const today = todayOf(ctx);
  return persons.some((p) => p.role === 'child' || (p.birth_date !== null && isChildOn(p.birth_date, today)));
}

type CaseFacts = Omit<CaseUpdateRequest, 'version'>;

/** The columns of a case's facts, the same at registration and on change. */
function caseFacts(input: CaseFacts, isMember: boolean) {
  return {
    contact_channel: input.contactChannel,
    reporter_name: input.reporterName,
    reporter_organisation: input.reporterOrganisation,
    reporter_phone: input.reporterPhone,
    reporter_is_mandated: input.reporterIsMandated,
    reporter_wants_secrecy: input.reporterWantsSecrecy,
    municipality_code: input.municipalityCode,
    is_member: isMember,
    category_code: input.categoryCode,
    youth_crime: input.youthCrime,
    summary: input.summary,
    shelter_requested: input.shelterRequested,
  };
}

/** Register a case in one transaction: the case, its persons (found or new), and its triage. */
export async function registerCase(ctx: Ctx, input: RegistrationRequest) {
  const actor = requireWrite(ctx);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : ctx.now;
  if (receivedAt.getTime() > ctx.now.getTime() + 5 * 60_000) throw new AppError('validation', 'Mottagningstiden ligger i framtiden.', 'receivedAt');
  const { isMember } = await checkMunicipalityAndCategory(ctx, actor.organisationId, input.municipalityCode, input.categoryCode, input.youthCrime);
  const year = Number(localDateOf(receivedAt.toISOString(), TIME_ZONE).slice(0, 4));
  const caseNumber = await repo.nextCaseNumber(ctx.trx, actor.organisationId, year);
  const row = await ctx.trx
    .insertInto('jour_case')
    .values({
      organisation_id: actor.organisationId,
      case_number: caseNumber,
      case_type: input.caseType,
      received_at: receivedAt,
      ...caseFacts(input, isMember),
      triage_criteria: '[]',
      created_by: actor.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'case.registered', entityType: 'case', entityId: row.id, municipalityCode: input.municipalityCode, details: { caseType: input.caseType, category: input.categoryCode } });
  const personIds: string[] = [];
  for (const p of input.persons) personIds.push(await attachPerson(ctx, row.id, input.municipalityCode, p));
  const child = await concernsChild(ctx, row.id, input.caseType);
  if (child) await ctx.trx.updateTable('jour_case').set({ concerns_child: true }).where('id', '=', row.id).execute();
  if (input.triage) await recordTriage(ctx, row.id, input.triage, child);
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'case', id: row.id, municipalityCode: input.municipalityCode });
  // The persons' notices, in front of the social worker the moment the case is registered.
  const notices = await noticeBriefsOfPersons(ctx, personIds, 'case_registration');
  return { id: row.id, caseNumber, notices: [...new Map([...notices.values()].flat().map((n) => [n.id, n])).values()] };
}

export async function triageCase(ctx: Ctx, caseId: string, request: TriageRequest & { version: number }) {
  requireWrite(ctx);
  const row = await loadCase(ctx, caseId);
  if (row.status !== 'open') throw new AppError('conflict', 'Ärendet är avslutat.');
  if (!(await repo.bumpVersion(ctx.trx, caseId, request.version, ctx.now))) throw staleCase();
  const priority = await recordTriage(ctx, caseId, request, row.concerns_child);
  await announce(ctx.trx, { organisationId: row.organisation_id, topic: 'case', id: caseId, municipalityCode: row.municipality_code });
  return priority;
}

export async function addPersonToCase(ctx: Ctx, caseId: string, p: CasePersonRequest) {
  requireWrite(ctx);
  const row = await loadCase(ctx, caseId);
  const personId = await attachPerson(ctx, caseId, row.municipality_code, p);
  if (!row.concerns_child && (await concernsChild(ctx, caseId, row.case_type))) {
    await ctx.trx.updateTable('jour_case').set({ concerns_child: true }).where('id', '=', caseId).execute();
  }
  await announce(ctx.trx, { organisationId: row.organisation_id, topic: 'case', id: caseId, municipalityCode: row.municipality_code });
  const notices = await noticeBriefsOfPersons(ctx, [personId], 'case_registration');
  return { id: personId, notices: notices.get(personId) ?? [] };
}

export interface CaseUpdateRequest {
  contactChannel: RegistrationRequest['contactChannel'];
  reporterName: string | null;
  reporterOrganisation: string | null;
  reporterPhone: string | null;
  reporterIsMandated: boolean;
  reporterWantsSecrecy: boolean;
  municipalityCode: string;
  categoryCode: string;
  youthCrime: boolean;
  summary: string;
  shelterRequested: boolean;
  version: number;
}

/** Change a case's facts. A stale version is refused: nobody overwrites a colleague. */
export async function updateCase(ctx: Ctx, caseId: string, input: CaseUpdateRequest) {
  const actor = requireWrite(ctx);
  const row = await loadCase(ctx, caseId);
  if (row.version !== input.version) throw staleCase();
  if (row.status !== 'open') throw new AppError('conflict', 'Ärendet är avslutat och kan inte ändras.');
  const { isMember } = await checkMunicipalityAndCategory(ctx, actor.organisationId, input.municipalityCode, input.categoryCode, input.youthCrime);
  const result = await ctx.trx
    .updateTable('jour_case')
    .set({
      ...caseFacts(input, isMember),
      version: row.version + 1,
      updated_at: ctx.now,
    })
    .where('id', '=', caseId)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw staleCase();
  const fields = Object.entries({
    contactChannel: row.contact_channel !== input.contactChannel,
    reporter: row.reporter_name !== input.reporterName || row.reporter_organisation !== input.reporterOrganisation || row.reporter_phone !== input.reporterPhone,
    municipalityCode: row.municipality_code !== input.municipalityCode,
    categoryCode: row.category_code !== input.categoryCode,
    youthCrime: row.youth_crime !== input.youthCrime,
    summary: row.summary !== input.summary,
    shelterRequested: row.shelter_requested !== input.shelterRequested,
  })
    .filter(([, v]) => v)
    .map(([k]) => k);
  await ctx.audit({ action: 'case.updated', entityType: 'case', entityId: caseId, municipalityCode: input.municipalityCode, details: { fields } });
  await announce(ctx.trx, { organisationId: row.organisation_id, topic: 'case', id: caseId, municipalityCode: input.municipalityCode });
}
