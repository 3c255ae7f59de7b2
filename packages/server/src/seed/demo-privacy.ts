import { localDateOf, luhnCheckDigit, normalizeNameForSearch, type Role } from '@jourbok/domain';
import { writeAuditEvents, type Ctx, type Principal } from '../app/context.ts';
import { createHandoverReport } from '../features/cases/closing.ts';

/**
 * Data for the privacy features: registered cases of a past year with every
 * kind of personal data (persons, reporters, journal, decisions, time and
 * cost notes, triage overrides, handover reports), for retention; and a
 * month of reads in the audit log with a few unusual ones, for the access
 * review. Deterministic for a given seed.
 */
function random(seed: number) {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!, chance: (p: number) => next() < p };
}

const firstNames = ['Alva', 'Elsa', 'Maja', 'Noah', 'Hugo', 'Liam', 'Sara', 'Johan', 'Anna', 'Erik', 'Fatima', 'Karin', 'Per', 'Omar', 'Leila', 'Viktor'];
const lastNames = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Lindberg', 'Ahmed', 'Hassan', 'Berglund', 'Åkesson', 'Öberg'];
const members = ['0162', '0186', '0188', '0160', '0115', '0187', '0117'];
const categories = ['barn_unga', 'barn_unga', 'barn_unga', 'boende', 'vald_nara_relation', 'aldre', 'vuxna_missbruk_psyk', 'ekonomiskt_bistand'];

export interface OldCasesOptions {
  year: number;
  count: number;
  seed: number;
  /** the birth day of every person (e.g. to plant one kept for research); otherwise drawn, never 5, 15 or 25 */
  birthDay?: number;
  /** first serial of the case numbers of the year */
  firstSerial?: number;
}

function personnummer(year: number, month: number, day: number, serial: number) {
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const s = String(serial).padStart(3, '0');
  return { number: `${year}${yymmdd.slice(2)}${s}${luhnCheckDigit(`${yymmdd}${s}`)}`, birthDate: `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}` };
}

/** Registered, closed cases received in `year`, each with its persons and documentation. Returns their ids. */
export async function seedOldCases(ctx: Ctx, organisationId: string, options: OldCasesOptions): Promise<string[]> {
  const rng = random(options.seed);
  const staff = await ctx.trx.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', organisationId).where('role', 'in', ['socialsekreterare', 'enhetschef']).orderBy('username').execute();
  const ids: string[] = [];
  const firstSerial = options.firstSerial ?? 1;
  for (let i = 0; i < options.count; i++) {
    const month = rng.int(1, 12);
    const receivedAt = new Date(Date.UTC(options.year, month - 1, rng.int(1, 28), rng.int(15, 22), rng.int(0, 59)));
    const closedAt = new Date(receivedAt.getTime() + rng.int(30, 300) * 60_000);
    const category = rng.pick(categories);
    const isChild = category === 'barn_unga';
    const municipality = rng.pick(members);
    const author = rng.pick(staff);
    const caseNumber = `${options.year}-${String(firstSerial + i).padStart(5, '0')}`;
    const c = await ctx.trx
      .insertInto('jour_case')
      .values({
        organisation_id: organisationId,
        case_number: caseNumber,
        case_type: isChild && rng.chance(0.5) ? 'orosanmalan' : 'arende',
        received_at: receivedAt,
        contact_channel: rng.pick(['polis', 'sos_112', 'enskild', 'sjukvard'] as const),
        reporter_name: `${rng.pick(firstNames)} ${rng.pick(lastNames)}`,
        reporter_organisation: rng.chance(0.5) ? 'Polisen region Stockholm' : null,
        reporter_phone: `070-${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
        reporter_wants_secrecy: rng.chance(0.2),
        municipality_code: municipality,
        is_member: true,
        category_code: category,
        youth_crime: isChild && rng.chance(0.1),
        summary: `Samtal om ${rng.pick(firstNames)} ${rng.pick(lastNames)}, Storgatan ${rng.int(1, 40)}: oro för hemsituationen.`,
        concerns_child: isChild,
        priority: rng.int(1, 3),
        triage_criteria: JSON.stringify(isChild ? ['child_involved'] : []),
        status: rng.chance(0.3) ? 'closed' : 'handed_over',
        closed_at: closedAt,
        closed_by: author.id,
        next_steps: 'Hemkommunen kontaktar familjen på måndag, tel 070-111 22 33.',
        shelter_requested: category === 'boende',
        shelter_granted: category === 'boende' && rng.chance(0.5),
        created_by: author.id,
        created_at: receivedAt,
        updated_at: closedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(c.id);
    await ctx.trx
      .insertInto('triage_event')
      .values({ case_id: c.id, priority: 2, suggested_priority: 3, criteria: JSON.stringify([]), matched_rule: null, override_reason: 'Mamman lät mycket orolig i telefon.', triaged_by: author.id, triaged_by_name: author.display_name, triaged_at: receivedAt })
      .execute();
    const roles: ('child' | 'guardian' | 'adult')[] = isChild ? ['child', 'guardian'] : ['adult'];
    const personIds: string[] = [];
    for (const role of roles) {
      const age = role === 'child' ? rng.int(3, 16) : rng.int(25, 70);
      let day = options.birthDay ?? rng.int(1, 28);
      if (options.birthDay === undefined && [5, 15, 25].includes(day)) day += 1;
      const { number, birthDate } = personnummer(options.year - age, rng.int(1, 12), day, (options.seed * 7 + i * 3 + personIds.length) % 900 + 100);
      const first = rng.pick(firstNames);
      const last = rng.pick(lastNames);
      const p = await ctx.trx
        .insertInto('person')
        .values({
          organisation_id: organisationId,
          identity_kind: 'personnummer',
          identity_number: number,
          first_name: first,
          last_name: last,
          search_name: normalizeNameForSearch(`${first} ${last}`),
          birth_date: birthDate,
          sex: rng.chance(0.5) ? 'female' : 'male',
          home_municipality_code: municipality,
          address: `Björkvägen ${rng.int(1, 60)}`,
          phone: `073-${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
          email: `${first.toLowerCase()}.${number.slice(2)}@example.se`,
          created_at: receivedAt,
          updated_at: receivedAt,
        })
        .onConflict((oc) => oc.columns(['organisation_id', 'identity_number', 'identity_kind']).where('identity_number', 'is not', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!p) continue;
      personIds.push(p.id);
      await ctx.trx.insertInto('case_person').values({ case_id: c.id, person_id: p.id, role, where_now: role === 'child' ? 'Hos mormor på Ekvägen 3' : null, added_at: receivedAt }).execute();
    }
    await ctx.trx
      .insertInto('journal_entry')
      .values([
        { case_id: c.id, kind: 'note', body: `Samtal med ${rng.pick(firstNames)}. Berättar om bråk hemma i kväll.`, author_id: author.id, author_name: author.display_name, written_at: new Date(receivedAt.getTime() + 10 * 60_000) },
        { case_id: c.id, kind: 'assessment', body: 'Bedömning: inget akut skyddsbehov i natt.', author_id: author.id, author_name: author.display_name, written_at: new Date(receivedAt.getTime() + 40 * 60_000) },
      ])
      .execute();
    const subject = personIds[0] ?? null;
    const decisionType = isChild ? (rng.chance(0.3) ? 'SOL_PLACERING' : 'LVU43') : category === 'ekonomiskt_bistand' ? 'EKONOMISKT_BISTAND' : null;
    if (decisionType && subject) {
      const d = await ctx.trx
        .insertInto('decision')
        .values({
          case_id: c.id,
          organisation_id: organisationId,
          type_code: decisionType,
          legal_reference: decisionType === 'EKONOMISKT_BISTAND' ? '4 kap. 1 § SoL' : decisionType === 'LVU43' ? '43 § LVU' : '4 kap. 1 § SoL',
          decided_at: new Date(receivedAt.getTime() + 60 * 60_000),
          maker_kind: 'delegation',
          maker_name: author.display_name,
          maker_capacity: 'Socialsekreterare',
          communicated_via: 'phone',
          grounds: 'Barnet har berättat om våld från pappan; behov av skydd i natt.',
          subject_person_id: subject,
          granted: decisionType === 'EKONOMISKT_BISTAND' ? true : null,
          amount_ore: decisionType === 'EKONOMISKT_BISTAND' ? 50000 : null,
          special_circumstances: decisionType === 'LVU43' ? 'Pappan har tidigare hotat personal.' : null,
          recorded_by: author.id,
          recorded_by_name: author.display_name,
          recorded_at: new Date(receivedAt.getTime() + 70 * 60_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (rng.chance(0.3)) {
        await ctx.trx.insertInto('committee_report').values({ decision_id: d.id, organisation_id: organisationId, municipality_code: municipality, meeting_date: null, note: 'Ordföranden informerad om familjen.', reported_by: author.id, reported_by_name: author.display_name, reported_at: closedAt }).execute();
      }
    }
    await ctx.trx.insertInto('time_entry').values({ case_id: c.id, user_id: author.id, user_name: author.display_name, work_date: localDateOf(receivedAt.toISOString(), 'Europe/Stockholm'), minutes: rng.int(20, 180), note: 'Hembesök hos familjen.', recorded_at: closedAt }).execute();
    if (category === 'boende') {
      await ctx.trx.insertInto('direct_cost').values({ case_id: c.id, kind: 'accommodation', amount_ore: 65000, cost_date: localDateOf(receivedAt.toISOString(), 'Europe/Stockholm'), note: 'Hotellnatt för kvinnan och barnen.', recorded_by: author.id, recorded_by_name: author.display_name, recorded_at: closedAt }).execute();
    }
    // The handover report as the jour wrote it: built by the real use case, as the author, dated when the case closed.
    const asAuthor: Ctx = { ...ctx, principal: { kind: 'user', displayName: author.display_name, userId: author.id, organisationId, role: 'socialsekreterare', municipalityCode: null } };
    const report = await createHandoverReport(asAuthor, c.id);
    await ctx.trx.updateTable('handover_report').set({ created_at: closedAt }).where('id', '=', report.id).execute();
  }
  await ctx.trx
    .insertInto('case_counter')
    .values({ organisation_id: organisationId, year: options.year, last_number: firstSerial + options.count - 1 })
    .onConflict((oc) => oc.columns(['organisation_id', 'year']).doUpdateSet((eb) => ({ last_number: eb.fn('greatest', [eb.ref('case_counter.last_number'), eb.ref('excluded.last_number')]) })))
    .execute();
  return ids;
}

type AuditRow = {
  organisation_id: string;
  occurred_at: Date;
  actor_user_id: string;
  actor_name: string;
  actor_role: string;
  action: string;
  kind: 'auth' | 'read';
  entity_type: string;
  entity_id: string | null;
  person_id: string | null;
  details: string;
};

function auditRow(organisationId: string, user: { id: string; display_name: string; role: string }, at: Date, action: string, kind: 'auth' | 'read', entityType: string, entityId: string | null, personId: string | null): AuditRow {
  return { organisation_id: organisationId, occurred_at: at, actor_user_id: user.id, actor_name: user.display_name, actor_role: user.role, action, kind, entity_type: entityType, entity_id: entityId, person_id: personId, details: '{}' };
}

/**
 * A month of reads by the jour's staff, as the audit log would hold them:
 * each user signs in on their shifts and opens the night's cases. Planted:
 * one user opens a person of an old case they never worked on, one opens a
 * protected identity, and one reads far more than usual on one day.
 */
export async function seedAccessLog(ctx: Ctx, organisationId: string, until: Date, options: { days?: number; seed?: number } = {}) {
  const rng = random(options.seed ?? 8);
  const days = options.days ?? 30;
  const users = await ctx.trx.selectFrom('app_user').select(['id', 'display_name', 'role', 'username']).where('organisation_id', '=', organisationId).where('role', 'in', ['socialsekreterare', 'enhetschef']).orderBy('username').execute();
  const principalOf = (u: (typeof users)[number]): Principal => ({ kind: 'user', userId: u.id, organisationId, role: u.role as Role, municipalityCode: null, displayName: u.display_name });
  const start = new Date(until.getTime() - days * 86_400_000);
  const cases = await ctx.trx
    .selectFrom('jour_case as c')
    .innerJoin('case_person as cp', 'cp.case_id', 'c.id')
    .innerJoin('person as p', 'p.id', 'cp.person_id')
    .select(['c.id', 'c.received_at', 'c.created_by', 'cp.person_id', 'p.protection'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.received_at', '>=', start)
    .where('c.received_at', '<', until)
    .orderBy('c.received_at')
    .execute();
  const planted: { outsideShift?: { userId: string; personId: string }; protectedOpen?: { userId: string; personId: string }; volume?: { userId: string; day: string } } = {};
  // One insert for the month (the chain trigger numbers and hashes each row): the seed stays quick.
  const rows: AuditRow[] = [];
  for (const row of cases) {
    // The colleague who registered it (or someone on the shift) opens the case the same night, after signing in.
    const user = users.find((u) => u.id === row.created_by) ?? rng.pick(users);
    const at = new Date(row.received_at.getTime() + rng.int(5, 60) * 60_000);
    if (at >= until) continue;
    rows.push(auditRow(organisationId, user, new Date(row.received_at.getTime() - 60_000), 'auth.login_succeeded', 'auth', 'session', null, null));
    rows.push(auditRow(organisationId, user, at, 'case.read', 'read', 'case', row.id, row.person_id));
  }
  for (let i = 0; i < rows.length; i += 500) await ctx.trx.insertInto('audit_event').values(rows.slice(i, i + 500)).execute();
  const reader = users.find((u) => u.username === 'demo.socialsekreterare') ?? users.find((u) => u.role === 'socialsekreterare') ?? users[0]!;
  // Planted 1: a person of a case from long before, opened by someone who never worked on it.
  const old = await ctx.trx
    .selectFrom('jour_case as c')
    .innerJoin('case_person as cp', 'cp.case_id', 'c.id')
    .select(['cp.person_id'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.received_at', '<', new Date(start.getTime() - 60 * 86_400_000))
    .where((eb) => eb.or([eb('c.created_by', 'is', null), eb('c.created_by', '!=', reader.id)]))
    .orderBy('c.received_at')
    .executeTakeFirst();
  const plantedAt = new Date(until.getTime() - 3 * 86_400_000 - 2 * 3_600_000);
  if (old) {
    await writeAuditEvents(ctx.trx, principalOf(reader), null, plantedAt, [{ action: 'person.read', entityType: 'person', entityId: old.person_id, personId: old.person_id, details: { protected: false } }]);
    planted.outsideShift = { userId: reader.id, personId: old.person_id };
  }
  // Planted 2: a protected identity revealed.
  const protectedPerson = cases.find((c) => c.protection !== 'none');
  if (protectedPerson) {
    await writeAuditEvents(ctx.trx, principalOf(reader), null, new Date(plantedAt.getTime() + 600_000), [{ action: 'person.revealed', entityType: 'person', entityId: protectedPerson.person_id, personId: protectedPerson.person_id, purpose: 'Behövde adressen för hembesök', details: { protection: protectedPerson.protection } }]);
    planted.protectedOpen = { userId: reader.id, personId: protectedPerson.person_id };
  }
  // Planted 3: one day of many searches by one user, well above the usual (the searches are reads of personal data).
  const bulk = users.find((u) => u.id !== reader.id) ?? reader;
  const persons = [...new Set(cases.map((c) => c.person_id))].slice(0, 120);
  const bulkDay = new Date(until.getTime() - 2 * 86_400_000 - 4 * 3_600_000);
  if (persons.length > 0) {
    await writeAuditEvents(
      ctx.trx,
      principalOf(bulk),
      null,
      bulkDay,
      Array.from({ length: 150 }, (_, i) => ({ action: 'person.searched' as const, entityType: 'person' as const, entityId: persons[i % persons.length]!, personId: persons[i % persons.length]!, details: { matchedBy: 'name', results: 1 } })),
    );
    planted.volume = { userId: bulk.id, day: localDateOf(bulkDay.toISOString(), 'Europe/Stockholm') };
  }
  return planted;
}

/** The demo's privacy data: cases of 2019 and 2020 due for retention (two kept for research), and a month of access log. */
export async function seedPrivacyDemo(ctx: Ctx, organisationId: string) {
  await seedOldCases(ctx, organisationId, { year: 2019, count: 12, seed: 2019 });
  await seedOldCases(ctx, organisationId, { year: 2020, count: 16, seed: 2020 });
  await seedOldCases(ctx, organisationId, { year: 2020, count: 2, seed: 2021, birthDay: 15, firstSerial: 101 });
  await seedAccessLog(ctx, organisationId, ctx.now);
}
