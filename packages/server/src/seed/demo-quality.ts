import { localDateOf, normalizePhoneNumber } from '@jourbok/domain';
import { Temporal } from 'temporal-polyfill';
import type { Ctx } from '../app/context.ts';

/**
 * The demo's systematic quality work, around the demo's "now": deviations
 * and a complaint drawn from the units' own annual reports (a call lost at
 * midnight after a switchboard change, police assistance for a child placed
 * under SoL, a weekend assignment not carried out, no SiS place), one
 * flagged as a possible lex Sarah matter for the unit manager; three
 * self-inspection plans, one of them overdue; and this evening's calls with
 * one callback still to make.
 */
const TIME_ZONE = 'Europe/Stockholm';

export async function seedDemoQuality(ctx: Ctx, organisationId: string): Promise<void> {
  const users = await ctx.trx.selectFrom('app_user').select(['id', 'username', 'display_name']).where('organisation_id', '=', organisationId).execute();
  const user = (username: string) => users.find((u) => u.username === username)!;
  const sara = user('demo.socialsekreterare');
  const chef = user('demo.enhetschef');
  const jonas = user('jonas.nyberg');
  const hours = (h: number) => new Date(ctx.now.getTime() - h * 3_600_000);
  const days = (d: number) => hours(d * 24);
  const year = Number(localDateOf(ctx.now.toISOString(), TIME_ZONE).slice(0, 4));
  const recentCases = await ctx.trx.selectFrom('jour_case').select(['id']).where('organisation_id', '=', organisationId).where('status', '<>', 'open').orderBy('received_at', 'desc').limit(3).execute();

  const base = (n: number, kind: 'deviation' | 'complaint') => ({ organisation_id: organisationId, number: `${kind === 'deviation' ? 'AV' : 'KL'}-${year}-${String(n).padStart(3, '0')}`, kind, created_at: ctx.now, updated_at: ctx.now });
  const reported = (by: typeof sara, at: Date) => ({ reported_by: by.id, reported_by_name: by.display_name, reported_at: at, occurred_at: new Date(at.getTime() - 3 * 3_600_000) });
  const rows = await ctx.trx
    .insertInto('deviation')
    .values([
      {
        ...base(1, 'deviation'),
        ...reported(jonas, days(40)),
        category: 'technical',
        title: 'Samtal kom inte fram vid midnatt',
        description: 'Efter växelbytet kom samtal till jouren inte fram runt midnatt. Två samarbetspartner meddelade att de inte nått jouren.',
        immediate_action: 'Felanmält till kommunens telefonigrupp och operatören.',
        status: 'closed',
        assigned_to: chef.id,
        assigned_to_name: chef.display_name,
        assigned_at: days(39),
        analysis: 'Vidarekopplingen i den nya växeln bröts vid dygnsskiftet.',
        action: 'Rutin: linjerna provringas vid passets början och vid midnatt; fel anmäls direkt.',
        action_kind: 'new_routine',
        analysed_at: days(30),
        analysed_by_name: chef.display_name,
        closed_at: days(28),
        closed_by_name: chef.display_name,
        closing_note: 'Genomgånget på gruppmöte.',
      },
      {
        ...base(2, 'deviation'),
        ...reported(sara, days(3)),
        category: 'handling',
        title: 'Handräckning begärd för barn placerat enligt SoL',
        description: 'Ett vårdföretag uppgav att ett avvikande barn var omhändertaget enligt LVU. Ordförandens beslut om handräckning fattades, men barnet var placerat enligt SoL.',
        immediate_action: 'Kommunen informerad nästa vardag; beslutet hävdes.',
        possible_lex_sarah: true,
        lex_sarah_reason: 'Ett tvångsingripande utan lagstöd kan vara ett missförhållande.',
        status: 'assigned',
        assigned_to: sara.id,
        assigned_to_name: sara.display_name,
        assigned_at: days(2),
      },
      {
        ...base(3, 'deviation'),
        ...reported(sara, hours(20)),
        category: 'placement',
        title: 'Ingen SiS-plats under natten',
        description: 'Ingen plats fanns på något SiS-hem under natten. Ungdomen fick stanna på jourhem till morgonen.',
        status: 'registered',
      },
      {
        ...base(4, 'deviation'),
        ...reported(jonas, days(10)),
        category: 'collaboration',
        title: 'Inringare bollades mellan jourer',
        description: 'SOS kopplade en inringare till fel socialjour två gånger innan samtalet kom till oss.',
        status: 'analysed',
        assigned_to: jonas.id,
        assigned_to_name: jonas.display_name,
        assigned_at: days(9),
        analysis: 'SOS hade inte uppdaterad lista över vilka kommuner som ingår i jouren.',
        action: 'Ny lista skickad till SOS; påminnelse varje år i januari.',
        action_kind: 'routine_reminder',
        analysed_at: days(5),
        analysed_by_name: jonas.display_name,
      },
      {
        ...base(1, 'complaint'),
        ...reported(chef, days(6)),
        category: 'collaboration',
        title: 'Bistånd beviljat trots avisering',
        description: 'Kommunen framför kritik mot att nödbistånd beviljades trots en avisering om motsatsen.',
        complaint_source: 'municipality',
        status: 'registered',
      },
    ])
    .returning(['id', 'number'])
    .execute();
  await ctx.trx
    .insertInto('quality_counter')
    .values([
      { organisation_id: organisationId, kind: 'deviation', year, last_number: 4 },
      { organisation_id: organisationId, kind: 'complaint', year, last_number: 1 },
    ])
    .execute();
  const placement = rows.find((r) => r.number.endsWith('-003') && r.number.startsWith('AV'))!;
  if (recentCases[0]) await ctx.trx.insertInto('deviation_case').values({ deviation_id: placement.id, case_id: recentCases[0].id, linked_at: ctx.now, linked_by_name: sara.display_name }).execute();

  // Self-inspections: a monthly access review one month behind, a monthly sample of closed cases, routines twice a year.
  const today = Temporal.PlainDate.from(localDateOf(ctx.now.toISOString(), TIME_ZONE));
  const firstOf = (monthsAgo: number) => today.toPlainYearMonth().subtract({ months: monthsAgo }).toPlainDate({ day: 1 }).toString();
  const sampleMonth = today.day > 25 ? today.toPlainYearMonth().add({ months: 1 }) : today.toPlainYearMonth();
  const plans = await ctx.trx
    .insertInto('self_inspection_plan')
    .values([
      { organisation_id: organisationId, kind: 'access_review', title: 'Loggkontroll', description: 'Granska vem som öppnat vilka personer, särskilt skyddade identiteter.', interval_months: 1, day_of_month: 1, first_due: firstOf(2), sample_size: null, responsible_user_id: null, created_by_name: chef.display_name, created_at: ctx.now, updated_at: ctx.now },
      { organisation_id: organisationId, kind: 'case_sampling', title: 'Stickprov av avslutade ärenden', description: 'Är dokumentationen sådan att nästa pass och hemkommunen kan agera? Skyddsbedömning i barnärenden?', interval_months: 1, day_of_month: 25, first_due: sampleMonth.toPlainDate({ day: 25 }).toString(), sample_size: 5, responsible_user_id: null, created_by_name: chef.display_name, created_at: ctx.now, updated_at: ctx.now },
      { organisation_id: organisationId, kind: 'routine_review', title: 'Genomgång av rutiner på planeringsdag', description: 'Rutinerna gås igenom och justeras vid behov.', interval_months: 6, day_of_month: 15, first_due: today.toPlainYearMonth().add({ months: 2 }).toPlainDate({ day: 15 }).toString(), sample_size: null, responsible_user_id: null, created_by_name: chef.display_name, created_at: ctx.now, updated_at: ctx.now },
    ])
    .returning(['id', 'kind'])
    .execute();
  const access = plans.find((p) => p.kind === 'access_review')!;
  await ctx.trx
    .insertInto('self_inspection')
    .values({
      plan_id: access.id,
      organisation_id: organisationId,
      due_date: firstOf(2),
      period_from: firstOf(3),
      period_to: Temporal.PlainDate.from(firstOf(2)).subtract({ days: 1 }).toString(),
      sample: '[]',
      sample_seed: null,
      started_at: days(50),
      started_by_name: chef.display_name,
      performed_at: days(50),
      performed_by: chef.id,
      performed_by_name: chef.display_name,
      findings: 'Inga avvikande läsningar. Två öppningar av skyddade identiteter, båda med angivet skäl i pågående ärenden.',
      follow_up: 'Inget att åtgärda.',
    })
    .execute();

  // This evening's calls on the three lines: one missed call still to be called back.
  const calls: { minutesAgo: number; line: string; outcome: 'answered' | 'missed' | 'busy' | 'transferred_112'; number: string | null; duration: number | null }[] = [
    { minutesAgo: 230, line: '1', outcome: 'answered', number: '08-555 101 20', duration: 420 },
    { minutesAgo: 200, line: '2', outcome: 'answered', number: '070-555 31 40', duration: 960 },
    { minutesAgo: 185, line: '3', outcome: 'busy', number: '073-555 62 18', duration: null },
    { minutesAgo: 170, line: '1', outcome: 'answered', number: '073-555 62 18', duration: 540 },
    { minutesAgo: 120, line: '1', outcome: 'answered', number: null, duration: 300 },
    { minutesAgo: 95, line: '2', outcome: 'answered', number: '08-555 990 00', duration: 180 },
    { minutesAgo: 94, line: '3', outcome: 'answered', number: '070-555 70 07', duration: 1_260 },
    { minutesAgo: 93, line: '1', outcome: 'answered', number: '076-555 12 12', duration: 600 },
    { minutesAgo: 92, line: '1', outcome: 'transferred_112', number: '072-555 44 90', duration: null },
    { minutesAgo: 41, line: '2', outcome: 'missed', number: '070-555 83 21', duration: null },
    { minutesAgo: 25, line: '3', outcome: 'missed', number: null, duration: null },
  ];
  const answeredLater = new Set(calls.filter((c) => c.outcome === 'answered' && c.number).map((c) => normalizePhoneNumber(c.number)));
  await ctx.trx
    .insertInto('call_event')
    .values(
      calls.map((c) => {
        const normalized = normalizePhoneNumber(c.number);
        const needed = (c.outcome === 'missed' || c.outcome === 'busy') && normalized !== null;
        const closed = needed && answeredLater.has(normalized);
        return {
          organisation_id: organisationId,
          occurred_at: new Date(ctx.now.getTime() - c.minutesAgo * 60_000),
          line: c.line,
          outcome: c.outcome,
          caller_number: c.number,
          caller_number_normalized: normalized,
          duration_seconds: c.duration,
          source: 'telephony' as const,
          telephony_system_id: null,
          external_id: null,
          registered_by_name: 'Telefoni: växeln (demo)',
          registered_at: ctx.now,
          callback_needed: needed,
          callback_closed_at: closed ? new Date(ctx.now.getTime() - (c.minutesAgo - 15) * 60_000) : null,
          callback_closed_by_name: closed ? 'Telefoni: växeln (demo)' : null,
          callback_result: closed ? ('answered_later' as const) : null,
        };
      }),
    )
    .execute();
}
