import { defaultTriageRules, localDateOf, luhnCheckDigit, normalizeNameForSearch, triage, type Criterion } from '@jourbok/domain';
import type { Ctx } from '../app/context.ts';

/**
 * A month of realistic cases for the demo organisation, generated from a
 * fixed seed so that every newcomer sees the same night. Proportions follow
 * Nordost's T1 2024 report: per member, per category, 22 % closed at the jour.
 */
class Random {
  constructor(private state: number) {}
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r <= 0) return item;
    }
    return items[items.length - 1]![0];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const municipalities = [
  ['0162', 53],
  ['0186', 125],
  ['0188', 247],
  ['0160', 142],
  ['0115', 92],
  ['0187', 17],
  ['0117', 96],
  ['0184', 40], // Annan kommun (Solna)
] as const;

const categories = [
  ['barn_unga', 427],
  ['boende', 138],
  ['vald_nara_relation', 68],
  ['aldre', 52],
  ['vuxna_missbruk_psyk', 95],
  ['ekonomiskt_bistand', 20],
  ['upplysning', 12],
] as const;

const firstNames = ['Alva', 'Elsa', 'Maja', 'Wilma', 'Ella', 'Noah', 'Hugo', 'William', 'Liam', 'Lucas', 'Emma', 'Olivia', 'Ali', 'Sara', 'Johan', 'Anna', 'Erik', 'Fatima', 'Mohammed', 'Karin', 'Per', 'Ingrid', 'Lars', 'Astrid', 'Omar', 'Leila', 'Viktor', 'Nora', 'Adam', 'Ebba'] as const;
const lastNames = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Lindberg', 'Ahmed', 'Hassan', 'Lindqvist', 'Berglund', 'Åkesson', 'Öberg', 'Ström', 'Ek', 'Sandberg'] as const;

const summaries: Record<string, string[]> = {
  barn_unga: [
    'Polisen har omhändertagit en 15-åring på stan efter snatteri. Vårdnadshavare kontaktade och hämtade.',
    'Orosanmälan från ambulans: förälder berusad med två små barn hemma. Skyddsbedömning gjord på plats.',
    'Ungdom avviken från HVB-hem, påträffad av polis. Kontakt med placerande kommun.',
    'Konflikt mellan tonåring och förälder, tonåringen vill inte sova hemma. Stödsamtal och överenskommelse.',
    'Polisen anmäler oro för 13-åring som vistats ute sent i kretsar med kriminalitet.',
  ],
  boende: ['Person utan bostad söker akut logi för natten.', 'Kvinna avhyst under dagen, behöver härbärge.', 'Man från annan kommun utan tak över huvudet, hänvisas.'],
  vald_nara_relation: ['Kvinna utsatt för våld av partner, behöver skyddat boende.', 'Polisen på plats efter hot i familj, barn i hemmet.'],
  aldre: ['Äldre man förvirrad utomhus, anhöriga nås inte.', 'Hemtjänst orolig för äldre kvinna som inte öppnar.'],
  vuxna_missbruk_psyk: ['Man kraftigt påverkad, polisen begär bedömning enligt LVM.', 'Kvinna med psykisk ohälsa ringer i kris, stödsamtal.'],
  ekonomiskt_bistand: ['Familj saknar pengar till mat över helgen.'],
  upplysning: ['Anhörig frågar om rutiner vid orosanmälan.'],
};

function personnummer(rng: Random, age: number, today: string): { number: string; birthDate: string } {
  const year = Number(today.slice(0, 4)) - age - 1 + (rng.chance(0.5) ? 1 : 0);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const serial = String(rng.int(100, 999));
  const check = luhnCheckDigit(`${yymmdd}${serial}`);
  return { number: `${year}${yymmdd.slice(2)}${serial}${check}`, birthDate: `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}` };
}

/** Generate `days` days of cases ending at ctx.now. Returns the number of cases. */
export async function seedDemoCases(ctx: Ctx, organisationId: string, days = 30): Promise<number> {
  const rng = new Random(20261123);
  const staff = await ctx.trx.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', organisationId).where('role', 'in', ['socialsekreterare', 'enhetschef']).execute();
  const members = new Set((await ctx.trx.selectFrom('municipality').select('code').where('organisation_id', '=', organisationId).execute()).map((m) => m.code));
  const today = localDateOf(ctx.now.toISOString(), 'Europe/Stockholm');
  let count = 0;
  const counters = new Map<number, number>();
  for (let d = days; d >= 0; d--) {
    const casesTonight = rng.int(4, 9);
    for (let i = 0; i < casesTonight; i++) {
      // Cases arrive from 15:00 to 02:00, and a few during standby.
      const offsetMinutes = d * 1440 - (rng.chance(0.85) ? rng.int(0, 660) : rng.int(660, 1000));
      const receivedAt = new Date(ctx.now.getTime() - offsetMinutes * 60_000 - rng.int(0, 59) * 1000);
      if (receivedAt > ctx.now) continue;
      const municipality = rng.weighted(municipalities);
      const category = rng.weighted(categories);
      const isOpen = d === 0 && rng.chance(0.7);
      const year = Number(localDateOf(receivedAt.toISOString(), 'Europe/Stockholm').slice(0, 4));
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      const author = rng.pick(staff);
      const isChild = category === 'barn_unga' || (category === 'vald_nara_relation' && rng.chance(0.5));
      const caseType = isChild && rng.chance(0.4) ? 'orosanmalan' : 'arende';
      const criteria: Criterion[] = [];
      if (isChild) criteria.push('child_involved');
      if (category === 'vald_nara_relation') criteria.push('violence');
      if (category === 'boende') criteria.push('homelessness');
      if (category === 'vuxna_missbruk_psyk') criteria.push('substance_abuse');
      if (rng.chance(0.3)) criteria.push('police_on_site');
      const suggestion = triage(criteria, defaultTriageRules, { concernsChild: isChild });
      const closedAtJour = rng.chance(0.22);
      const status = isOpen ? 'open' : closedAtJour ? 'closed' : 'handed_over';
      const closedAt = isOpen ? null : new Date(Math.min(ctx.now.getTime(), receivedAt.getTime() + rng.int(20, 300) * 60_000));
      const shelterRequested = category === 'boende';
      const row = await ctx.trx
        .insertInto('jour_case')
        .values({
          organisation_id: organisationId,
          case_number: `${year}-${String(n).padStart(5, '0')}`,
          case_type: caseType,
          received_at: receivedAt,
          contact_channel: rng.weighted([['polis', 40], ['sos_112', 15], ['enskild', 20], ['sjukvard', 8], ['ambulans', 5], ['kommun', 7], ['annan_jour', 3], ['ovrig', 2]] as const),
          reporter_name: rng.chance(0.5) ? `${rng.pick(firstNames)} ${rng.pick(lastNames)}` : null,
          reporter_organisation: rng.chance(0.4) ? 'Polisen region Stockholm' : null,
          reporter_is_mandated: rng.chance(0.5),
          municipality_code: municipality,
          is_member: members.has(municipality),
          category_code: category,
          youth_crime: category === 'barn_unga' && rng.chance(0.11),
          summary: rng.pick(summaries[category] ?? ['Ärende under natten.']),
          concerns_child: isChild,
          priority: suggestion.priority,
          triage_criteria: JSON.stringify(criteria),
          status,
          closed_at: closedAt,
          closed_by: closedAt ? author.id : null,
          next_steps: status === 'handed_over' ? 'Hemkommunen tar över nästa vardag.' : null,
          shelter_requested: shelterRequested,
          shelter_granted: shelterRequested && !isOpen && rng.chance(0.4),
          created_by: author.id,
          created_at: receivedAt,
          updated_at: closedAt ?? receivedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      count++;
      await ctx.trx
        .insertInto('triage_event')
        .values({ case_id: row.id, priority: suggestion.priority, suggested_priority: suggestion.priority, criteria: JSON.stringify(criteria), matched_rule: suggestion.matchedRuleId, triaged_by: author.id, triaged_by_name: author.display_name, triaged_at: receivedAt })
        .execute();
      // Persons: a child and a guardian, or an adult.
      const roles: ('child' | 'guardian' | 'adult')[] = isChild ? ['child', 'guardian'] : ['adult'];
      for (const role of roles) {
        const age = role === 'child' ? rng.int(2, 17) : rng.int(20, 85);
        const { number, birthDate } = personnummer(rng, age, today);
        const first = rng.pick(firstNames);
        const last = rng.pick(lastNames);
        const isProtected = rng.chance(0.03);
        const person = await ctx.trx
          .insertInto('person')
          .values({
            organisation_id: organisationId,
            identity_kind: 'personnummer',
            identity_number: number,
            first_name: first,
            last_name: last,
            search_name: normalizeNameForSearch(`${first} ${last}`),
            birth_date: birthDate,
            sex: Number(number[10]) % 2 === 1 ? 'male' : 'female',
            home_municipality_code: municipality,
            address: isProtected ? 'Skyddad adress' : `${rng.pick(['Storgatan', 'Skolvägen', 'Björkvägen', 'Kyrkogatan'])} ${rng.int(1, 60)}`,
            phone: `07${rng.int(0, 9)}-${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
            protection: isProtected ? 'skyddad_folkbokforing' : 'none',
            created_at: receivedAt,
            updated_at: receivedAt,
          })
          .onConflict((oc) => oc.columns(['organisation_id', 'identity_kind', 'identity_number']).where('identity_number', 'is not', null).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (person) await ctx.trx.insertInto('case_person').values({ case_id: row.id, person_id: person.id, role, added_at: receivedAt }).execute();
      }
      await ctx.trx
        .insertInto('journal_entry')
        .values({ case_id: row.id, kind: 'note', body: 'Samtal mottaget. Uppgifter enligt ovan.', author_id: author.id, author_name: author.display_name, written_at: new Date(receivedAt.getTime() + 5 * 60_000) })
        .execute();
      if (isChild && !isOpen) {
        await ctx.trx
          .insertInto('journal_entry')
          .values({ case_id: row.id, kind: 'protection_assessment', action_type: 'skyddsbedomning', body: 'Skyddsbedömning: barnet bedöms inte vara i akut fara i natt; vårdnadshavare på plats.', author_id: author.id, author_name: author.display_name, written_at: new Date(receivedAt.getTime() + 30 * 60_000) })
          .execute();
      }
      if (!isOpen || rng.chance(0.5)) {
        await ctx.trx
          .insertInto('time_entry')
          .values({ case_id: row.id, user_id: author.id, user_name: author.display_name, work_date: localDateOf(receivedAt.toISOString(), 'Europe/Stockholm'), minutes: rng.int(10, 180), recorded_at: closedAt ?? receivedAt })
          .execute();
      }
      if (category === 'boende' && rng.chance(0.5)) {
        await ctx.trx
          .insertInto('direct_cost')
          .values({ case_id: row.id, kind: 'accommodation', amount_ore: rng.int(450, 900) * 100, cost_date: localDateOf(receivedAt.toISOString(), 'Europe/Stockholm'), recorded_by: author.id, recorded_by_name: author.display_name, recorded_at: receivedAt })
          .execute();
      }
    }
  }
  for (const [year, last] of counters) {
    await ctx.trx.insertInto('case_counter').values({ organisation_id: organisationId, year, last_number: last }).onConflict((oc) => oc.columns(['organisation_id', 'year']).doUpdateSet({ last_number: last })).execute();
  }
  return count;
}
