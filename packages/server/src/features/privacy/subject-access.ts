// Subject access (registerutdrag, GDPR art. 15): everything Jourbok holds
// about a person identified by personnummer, with protected details withheld.
import { formatPersonnummer, localDateOf, parseIdentityNumber } from '@jourbok/domain';
import { sql } from 'kysely';
import type { Ctx } from '../../app/context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { organisationIdOf, TIME_ZONE } from './settings.ts';

const WITHHELD = 'Lämnas inte ut';
/** A request's documents can be fetched by the one who made it, for this long. */
const DOWNLOAD_HOURS = 24;

export type SubjectAccessExtract = {
  generatedAt: string;
  organisation: string;
  requestId: string;
  person: {
    identityKind: string;
    identityNumber: string | null;
    firstName: string;
    lastName: string;
    birthDate: string | null;
    sex: string | null;
    homeMunicipality: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    protection: string;
    hiddenResidence: boolean;
    registeredAt: string;
  };
  cases: {
    caseNumber: string;
    caseType: string;
    receivedAt: string;
    municipality: string;
    category: string;
    status: string;
    closedAt: string | null;
    role: string;
    whereNow: string | null;
    summary: string;
    nextSteps: string | null;
    reporter: string | null;
    otherPersons: number;
    retained: boolean;
    journal: { writtenAt: string; kind: string; body: string; author: string }[];
    decisions: { type: string; legalReference: string; decidedAt: string; maker: string; grounds: string; granted: boolean | null; amountSek: number | null; status: string }[];
  }[];
  notices: { municipality: string; level: string; title: string; plan: string; shouldDo: string; shouldNotDo: string; validFrom: string; validTo: string; status: string }[];
  assignments: { municipality: string; title: string; description: string; windowFrom: string; windowTo: string; status: string; reports: { date: string; outcome: string; body: string }[] }[];
  /** who accessed the data: when, in which role, what (not the staff member's name; CJEU C-579/21) */
  accessLog: { occurredAt: string; role: string | null; action: string; caseNumber: string | null }[];
  /** what was withheld and why */
  withheld: string[];
};

function parsePersonnummer(input: string, today: string): string {
  const parsed = parseIdentityNumber(input, today);
  if (!parsed.ok) throw new AppError('validation', 'Personnumret är inte giltigt. Skriv ÅÅÅÅMMDD-NNNN.', 'identityNumber');
  return parsed.normalized;
}

/** Register the request (the identity number itself is not stored) and produce the extract. */
export async function requestSubjectAccess(ctx: Ctx, identityNumber: string) {
  const organisationId = organisationIdOf(ctx);
  const principal = ctx.principal;
  if (principal.kind !== 'user') throw forbidden();
  const normalized = parsePersonnummer(identityNumber, localDateOf(ctx.now.toISOString(), TIME_ZONE));
  const person = await ctx.trx.selectFrom('person').select('id').where('organisation_id', '=', organisationId).where('identity_number', '=', normalized).where('identity_kind', 'in', ['personnummer', 'samordningsnummer']).executeTakeFirst();
  const request = await ctx.trx
    .insertInto('subject_access_request')
    .values({ organisation_id: organisationId, person_id: person?.id ?? null, found: person !== undefined, requested_by: principal.userId, requested_by_name: principal.displayName, requested_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'subject_access.requested', entityType: 'subject_access_request', entityId: request.id, personId: person?.id ?? null, details: { found: person !== undefined } });
  if (!person) return { requestId: request.id, found: false, extract: null };
  return { requestId: request.id, found: true, extract: await buildExtract(ctx, person.id, request.id) };
}

/** The extract of an earlier request, for its PDF or JSON download: by the same user, within a day. */
export async function getSubjectAccessExtract(ctx: Ctx, requestId: string): Promise<SubjectAccessExtract> {
  const principal = ctx.principal;
  if (principal.kind !== 'user') throw forbidden();
  const request = await ctx.trx.selectFrom('subject_access_request').selectAll().where('organisation_id', '=', organisationIdOf(ctx)).where('id', '=', requestId).executeTakeFirst();
  if (!request || request.requested_by !== principal.userId) throw notFound('Begäran');
  if (ctx.now.getTime() - request.requested_at.getTime() > DOWNLOAD_HOURS * 3_600_000) throw new AppError('not_found', 'Begäran är äldre än ett dygn. Gör en ny begäran.');
  if (!request.person_id) throw new AppError('not_found', 'Ingen person med det personnumret finns i Jourbok.');
  const extract = await buildExtract(ctx, request.person_id, request.id);
  await ctx.audit({ action: 'subject_access.downloaded', entityType: 'subject_access_request', entityId: request.id, personId: request.person_id });
  return extract;
}

async function buildExtract(ctx: Ctx, personId: string, requestId: string): Promise<SubjectAccessExtract> {
  const organisationId = organisationIdOf(ctx);
  const trx = ctx.trx;
  const [org, p, municipalities, categories, decisionTypes] = await Promise.all([
    trx.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow(),
    trx.selectFrom('person').selectAll().where('organisation_id', '=', organisationId).where('id', '=', personId).executeTakeFirst(),
    trx.selectFrom('municipality').select(['code', 'name']).where('organisation_id', '=', organisationId).execute(),
    trx.selectFrom('category').select(['code', 'name']).where('organisation_id', '=', organisationId).execute(),
    trx.selectFrom('decision_type').select(['code', 'name']).where('organisation_id', '=', organisationId).execute(),
  ]);
  if (!p) throw notFound('Personen');
  const municipalityName = (code: string | null) => (code ? (municipalities.find((m) => m.code === code)?.name ?? code) : null);
  const withheld: string[] = [];
  const isProtected = p.protection !== 'none';
  if (isProtected) withheld.push(`Adress, telefon och e-post lämnas inte ut: personen har ${p.protection === 'sekretessmarkering' ? 'sekretessmarkering' : p.protection === 'fingerade' ? 'fingerade personuppgifter' : 'skyddad folkbokföring'}.`);
  if (p.hidden_residence) withheld.push('Uppgifter om var personen vistas lämnas inte ut (hemlighållen vistelseort, LVU 14 §).');

  const links = await trx
    .selectFrom('case_person as cp')
    .innerJoin('jour_case as c', 'c.id', 'cp.case_id')
    .select(['c.id', 'c.case_number', 'c.case_type', 'c.received_at', 'c.municipality_code', 'c.category_code', 'c.status', 'c.closed_at', 'c.summary', 'c.next_steps', 'c.reporter_name', 'c.reporter_organisation', 'c.reporter_wants_secrecy', 'c.retained_at', 'cp.role', 'cp.where_now'])
    .where('cp.person_id', '=', personId)
    .where('c.organisation_id', '=', organisationId)
    .orderBy('c.received_at')
    .execute();
  const caseIds = links.map((l) => l.id);
  const [journal, decisions, others] = caseIds.length
    ? await Promise.all([
        trx.selectFrom('journal_entry').select(['case_id', 'written_at', 'kind', 'body', 'author_name']).where('case_id', 'in', caseIds).orderBy('written_at').execute(),
        trx
          .selectFrom('decision')
          .select(['case_id', 'type_code', 'legal_reference', 'decided_at', 'maker_name', 'maker_capacity', 'grounds', 'granted', 'amount_ore', 'status', 'subject_person_id'])
          .where('case_id', 'in', caseIds)
          .where((eb) => eb.or([eb('subject_person_id', '=', personId), eb('subject_person_id', 'is', null)]))
          .orderBy('decided_at')
          .execute(),
        trx.selectFrom('case_person').select(['case_id']).where('case_id', 'in', caseIds).where('person_id', '!=', personId).execute(),
      ])
    : [[], [], []];
  let reporterWithheld = false;
  const cases = links.map((c) => {
    const reporter = c.reporter_wants_secrecy ? null : [c.reporter_name, c.reporter_organisation].filter(Boolean).join(', ') || null;
    if (c.reporter_wants_secrecy && (c.reporter_name || c.reporter_organisation)) reporterWithheld = true;
    return {
      caseNumber: c.case_number,
      caseType: c.case_type === 'orosanmalan' ? 'Orosanmälan' : 'Ärende',
      receivedAt: c.received_at.toISOString(),
      municipality: municipalityName(c.municipality_code) ?? c.municipality_code,
      category: categories.find((k) => k.code === c.category_code)?.name ?? c.category_code,
      status: c.status === 'open' ? 'Pågående' : c.status === 'closed' ? 'Avslutat hos jouren' : 'Överlämnat till hemkommunen',
      closedAt: c.closed_at?.toISOString() ?? null,
      role: c.role,
      whereNow: p.hidden_residence ? (c.where_now ? WITHHELD : null) : c.where_now,
      summary: c.summary,
      nextSteps: c.next_steps,
      reporter,
      otherPersons: others.filter((o) => o.case_id === c.id).length,
      retained: c.retained_at !== null,
      journal: journal.filter((j) => j.case_id === c.id).map((j) => ({ writtenAt: j.written_at.toISOString(), kind: j.kind, body: j.body, author: j.author_name })),
      decisions: decisions
        .filter((d) => d.case_id === c.id)
        .map((d) => ({
          type: decisionTypes.find((t) => t.code === d.type_code)?.name ?? d.type_code,
          legalReference: d.legal_reference,
          decidedAt: d.decided_at.toISOString(),
          maker: [d.maker_name, d.maker_capacity].filter(Boolean).join(', '),
          grounds: d.grounds,
          granted: d.granted,
          amountSek: d.amount_ore === null ? null : Number(d.amount_ore) / 100,
          status: d.status === 'active' ? 'Gällande' : 'Återkallat',
        })),
    };
  });
  if (reporterWithheld) withheld.push('Anmälarens identitet lämnas inte ut där anmälaren begärt det (OSL 26 kap. 5 §).');
  if (cases.some((c) => c.otherPersons > 0)) withheld.push('Uppgifter om andra personer i ärendena lämnas inte ut; endast antalet anges.');

  const notices = await trx
    .selectFrom('notice_person as np')
    .innerJoin('notice as n', 'n.id', 'np.notice_id')
    .select(['n.municipality_code', 'n.level', 'n.title', 'n.plan', 'n.should_do', 'n.should_not_do', 'n.valid_from', 'n.valid_to', 'n.status'])
    .where('np.person_id', '=', personId)
    .where('n.organisation_id', '=', organisationId)
    .orderBy('n.valid_from')
    .execute();
  const assignments = await trx
    .selectFrom('assignment_person as ap')
    .innerJoin('assignment as a', 'a.id', 'ap.assignment_id')
    .select(['a.id', 'a.municipality_code', 'a.title', 'a.description', 'a.window_from', 'a.window_to', 'a.status'])
    .where('ap.person_id', '=', personId)
    .where('a.organisation_id', '=', organisationId)
    .orderBy('a.window_from')
    .execute();
  const reports = assignments.length
    ? await trx.selectFrom('assignment_report').select(['assignment_id', 'occasion_date', 'outcome', 'body']).where('assignment_id', 'in', assignments.map((a) => a.id)).orderBy('occasion_date').execute()
    : [];
  const access = await trx
    .selectFrom('audit_event as a')
    .leftJoin('jour_case as c', (join) => join.on(sql<boolean>`a.entity_type = 'case' and c.id::text = a.entity_id`))
    .select(['a.occurred_at', 'a.actor_role', 'a.action', 'a.entity_type', 'c.case_number'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.person_id', '=', personId)
    .orderBy('a.seq')
    .execute();
  withheld.push('Åtkomstloggen anger när, i vilken roll och vad som gjordes, inte enskilda medarbetares namn.');

  return {
    generatedAt: ctx.now.toISOString(),
    organisation: org.name,
    requestId,
    person: {
      identityKind: p.identity_kind,
      identityNumber: p.identity_number && p.identity_kind !== 'reservnummer' ? formatPersonnummer(p.identity_number) : p.identity_number,
      firstName: p.first_name,
      lastName: p.last_name,
      birthDate: p.birth_date,
      sex: p.sex,
      homeMunicipality: municipalityName(p.home_municipality_code),
      address: isProtected ? (p.address ? WITHHELD : null) : p.address,
      phone: isProtected ? (p.phone ? WITHHELD : null) : p.phone,
      email: isProtected ? (p.email ? WITHHELD : null) : p.email,
      protection: p.protection,
      hiddenResidence: p.hidden_residence,
      registeredAt: p.created_at.toISOString(),
    },
    cases,
    notices: notices.map((n) => ({
      municipality: municipalityName(n.municipality_code) ?? n.municipality_code,
      level: n.level,
      title: n.title,
      plan: n.plan,
      shouldDo: n.should_do,
      shouldNotDo: n.should_not_do,
      validFrom: n.valid_from,
      validTo: n.valid_to,
      status: n.status,
    })),
    assignments: assignments.map((a) => ({
      municipality: municipalityName(a.municipality_code) ?? a.municipality_code,
      title: a.title,
      description: a.description,
      windowFrom: a.window_from.toISOString(),
      windowTo: a.window_to.toISOString(),
      status: a.status,
      reports: reports.filter((r) => r.assignment_id === a.id).map((r) => ({ date: r.occasion_date, outcome: r.outcome, body: r.body })),
    })),
    accessLog: access.map((e) => ({ occurredAt: e.occurred_at.toISOString(), role: e.actor_role, action: e.action, caseNumber: e.entity_type === 'case' ? (e.case_number ?? null) : null })),
    withheld,
  };
}
