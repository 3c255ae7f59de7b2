import type { FollowUpContent, PlanContent } from '@jourbok/domain';
import type { Ctx } from '../app/context.ts';

/**
 * The demo organisation's plan for 2026 (goals from Nordost's own plan and
 * tertial report, seeds/000, 001, 003, and indicators as in Nordväst's plan,
 * seeds/004), the finished follow-ups of tertial 1 and 2 of 2026, and
 * turn-outs on the month of current cases so that the dashboard has times.
 */
export const demoPlan2026: PlanContent = {
  intro:
    'Socialjouren Nordost är en gemensam jour för kommunerna Vallentuna, Österåker, Vaxholm, Lidingö, Norrtälje, Danderyd och Täby, med Vallentuna kommun som huvudman. Jouren ansvarar för det akuta sociala arbetet under dygnets timmar då ordinarie socialtjänst har stängt. Ärenden som rör barn och unga ska prioriteras.',
  goals: [
    { id: 'tillganglighet', title: 'Socialjouren åtar sig hög tillgänglighet för brukare, socialkontoren samt övriga samverkanspartner så som sjukvård, polis etc.', description: '' },
    { id: 'bemotande', title: 'Socialjouren åtar sig att de som vänder sig till jouren ska känna sig respektfullt bemötta och få svar kring sina frågor.', description: '' },
    { id: 'budget', title: 'Socialjouren åtar sig att socialjouren ska visa på en budget i balans.', description: '' },
    { id: 'rattssakerhet', title: 'Socialjouren åtar sig att socialjourens arbete bedrivs utifrån ett rättssäkert perspektiv.', description: '' },
    { id: 'arbetsgivare', title: 'Socialjouren ska vara en attraktiv arbetsgivare som kännetecknas av ett gott ledarskap och en god arbetsmiljö.', description: '' },
    { id: 'kriminalitet', title: 'Socialjouren åtar sig att aktivt arbeta förebyggande vad avser att minska risken för att unga personer dras in i kriminella nätverk.', description: '' },
  ],
  activities: [
    { id: 'samarbete', text: 'Att fortsätta utveckla samarbetet med de kommuner som ingår i Socialjouren Nordost genom träffar med olika handläggare en gång per termin.' },
    { id: 'styrgrupp', text: 'Att vid behov sammankalla styrgrupp.' },
    { id: 'arbetsmiljo', text: 'Att genom medarbetarenkät och medarbetarsamtal följa upp att arbetsmiljön och trivseln hos jourens medarbetare fortsatt håller en hög nivå.' },
    { id: 'rutiner', text: 'Att regelbundet utvärdera och kvalitetssäkra processer och rutiner.' },
  ],
  indicators: [
    { id: 'sjukfranvaro', name: 'Sjukfrånvaro, totalt', unit: '%', direction: 'at_most', target: 5, previous: 3.3 },
    { id: 'korttid', name: 'Korttidsfrånvaro', unit: '%', direction: 'at_most', target: 3, previous: 1.3 },
    { id: 'hme', name: 'Hållbart medarbetarengagemang (HME)', unit: '', direction: 'at_least', target: 90, previous: 95 },
    { id: 'avslut', name: 'Ärenden avslutade på jouren', unit: '%', direction: 'at_least', target: 20, previous: 22 },
  ],
  budget: [
    { id: 'personal', label: 'Personal', note: 'löner, ob, övertid och vikarier', amount: 6_118_400 },
    { id: 'drift', label: 'Övriga driftskostnader', note: 'IT, telefoni, larm, bil, hyra, tolk, ICA-kort, handledning, utbildning', amount: 612_300 },
  ],
};

const comments = (over: Partial<FollowUpContent['statisticsComments']>): FollowUpContent['statisticsComments'] => ({ municipalities: '', categories: '', decisions: '', keyFigures: '', summary: '', ...over });

export const demoFollowUps: Record<'T1' | 'T2', FollowUpContent> = {
  T1: {
    goals: [
      { goalId: 'tillganglighet', status: 'met', text: 'Inga klagomål har inkommit avseende svårigheter att komma i kontakt med jouren. Kommunernas invånare vänder sig direkt till jouren.' },
      { goalId: 'bemotande', status: 'met', text: 'Samverkanspartner och enskilda uttrycker sig positivt om mötet med socialjouren.' },
      { goalId: 'budget', status: 'met', text: 'Målet anses uppnått för första tertialet och beräknas uppnås även för helåret.' },
      { goalId: 'rattssakerhet', status: 'met', text: 'Alla medarbetare har lång erfarenhet av myndighetsutövning. Ändrad lagstiftning och relevanta rättsfall tas upp på enhetsmöten.' },
      { goalId: 'arbetsgivare', status: 'met', text: 'Ingen personalomsättning under perioden. Medarbetarundersökningen visar höga värden för trivsel och arbetsmiljö.' },
      {
        goalId: 'kriminalitet',
        status: 'partly_met',
        text: 'Jouren har deltagit i möten mellan kommunernas ungdomsgrupper och prioriterat unga som begår mindre brott. Bristen på platser på SiS gör att arbetet inte fullt ut når målet.',
      },
    ],
    activities: [
      { activityId: 'samarbete', text: 'Enhetschef deltar i ledningsgrupp i några av kommunerna.' },
      { activityId: 'styrgrupp', text: 'Bristen på SiS-platser har lyfts i styrgruppen.' },
      { activityId: 'arbetsmiljo', text: 'Medarbetarsamtal genomförda i mars.' },
      { activityId: 'rutiner', text: 'Regelbunden handledning och arbetsplatsträffar där rutiner utvärderas.' },
    ],
    indicators: [
      { indicatorId: 'sjukfranvaro', value: 2.8, comment: '' },
      { indicatorId: 'korttid', value: 1.1, comment: '' },
      { indicatorId: 'hme', value: null, comment: 'Gruppen är för liten för ett sammantaget HME-resultat.' },
      { indicatorId: 'avslut', value: 21, comment: '' },
    ],
    importantIssues:
      'Liksom i tidigare rapporter kvarstår problemet med att få plats på SiS. Situationen har snarare förvärrats under perioden.\n\nDet nya arbetstidsavtalet skärper kraven på dygnsvila, vilket gör att vikarie kan behöva tas in under beredskapstid. Jouren har under perioden rekryterat en ny vikarie.',
    statisticsComments: comments({
      municipalities: 'Andelen ärenden för Norrtälje fortsätter att vara hög, delvis på grund av beslut om akutboende.',
      categories: 'Antalet unga som blir aktuella på grund av kriminalitet redovisas särskilt.',
      summary: 'Ärendeantalet ligger på en högre nivå jämfört med samma period tidigare år. De flesta ärenden rör barn och unga, vilket stämmer väl med att det är denna grupp som ska prioriteras.',
    }),
  },
  T2: {
    goals: [
      { goalId: 'tillganglighet', status: 'partly_met', text: 'Under sommaren var samtliga telefonlinjer vid några tillfällen upptagna samtidigt. En kölösning för telefonin utreds.' },
      { goalId: 'bemotande', status: 'met', text: 'Inga klagomål på bemötandet har inkommit under perioden.' },
      { goalId: 'budget', status: 'met', text: 'Utfallet efter augusti ligger inom budget; helåret beräknas visa en budget i balans.' },
      { goalId: 'rattssakerhet', status: 'met', text: 'Jouren har nu läsbehörighet i samtliga sju kommuners verksamhetssystem.' },
      { goalId: 'arbetsgivare', status: 'met', text: 'Semesterperioden bemannades utan övertid tack vare den nya vikarien.' },
      { goalId: 'kriminalitet', status: 'partly_met', text: 'Samarbetet med kommunernas fältgrupper har fortsatt under sommaren. Platsbristen på SiS kvarstår.' },
    ],
    activities: [
      { activityId: 'samarbete', text: 'Träff med kommunernas mottagningsgrupper i juni.' },
      { activityId: 'styrgrupp', text: 'Styrgruppen har inte behövt sammankallas under perioden.' },
      { activityId: 'arbetsmiljo', text: '' },
      { activityId: 'rutiner', text: 'Rutinen för uppdrag över helger har setts över.' },
    ],
    indicators: [
      { indicatorId: 'sjukfranvaro', value: 3.4, comment: '' },
      { indicatorId: 'korttid', value: 1.6, comment: '' },
      { indicatorId: 'hme', value: null, comment: '' },
      { indicatorId: 'avslut', value: 23, comment: '' },
    ],
    importantIssues: 'Telefonin saknar kö när alla tre linjer är upptagna; den som ringer hänvisas då till 112. Frågan har lyfts med huvudmannen och en lösning ska vara på plats före årsskiftet.',
    statisticsComments: comments({
      decisions: 'Antalet handräckningar enligt 43 § LVU ligger i nivå med föregående år.',
      summary: 'Sommaren har som vanligt inneburit många ärenden som rör boende. Andelen ärenden som rör barn och unga är fortsatt hög.',
    }),
  },
};

export async function seedDemoPlans(ctx: Ctx, organisationId: string): Promise<void> {
  const manager = await ctx.trx.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', organisationId).where('role', '=', 'enhetschef').executeTakeFirstOrThrow();
  const written = new Date('2026-01-25T09:00:00Z');
  await ctx.trx
    .insertInto('business_plan')
    .values({ organisation_id: organisationId, year: 2026, content: JSON.stringify(demoPlan2026), updated_by: manager.id, updated_by_name: manager.display_name, created_at: written, updated_at: written })
    .execute();
  const finished = { T1: new Date('2026-05-12T13:00:00Z'), T2: new Date('2026-09-10T13:00:00Z') };
  for (const period of ['T1', 'T2'] as const) {
    // A follow-up due after the demo's "now" stays a draft.
    const done = finished[period] <= ctx.now;
    await ctx.trx
      .insertInto('plan_follow_up')
      .values({
        organisation_id: organisationId,
        year: 2026,
        period,
        content: JSON.stringify(demoFollowUps[period]),
        status: done ? 'finished' : 'draft',
        finished_at: done ? finished[period] : null,
        finished_by_name: done ? manager.display_name : null,
        updated_by: manager.id,
        updated_by_name: manager.display_name,
        created_at: finished[period],
        updated_at: finished[period],
      })
      .execute();
  }
}

/**
 * Turn-outs on the demo's current cases: every fourth case about a child or
 * violence that is not still open gets a turn-out, called ten minutes after
 * the case came in and on site 20–115 minutes later (a few over the benchmark).
 */
export async function seedDemoTurnOuts(ctx: Ctx, organisationId: string): Promise<number> {
  const cases = await ctx.trx
    .selectFrom('jour_case')
    .select(['id', 'received_at', 'created_by'])
    .where('organisation_id', '=', organisationId)
    .where('is_imported', '=', false)
    .where('category_code', 'in', ['barn_unga', 'vald_nara_relation'])
    .where('status', '!=', 'open')
    .where('received_at', '<', new Date(ctx.now.getTime() - 4 * 3_600_000))
    .orderBy('received_at')
    .orderBy('case_number')
    .execute();
  const staff = await ctx.trx.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', organisationId).execute();
  const nameOf = new Map(staff.map((s) => [s.id, s.display_name]));
  const chosen = cases.filter((_c, i) => i % 4 === 0);
  const rows = chosen.map((c, i) => {
    const calledAt = new Date(c.received_at.getTime() + 10 * 60_000);
    const minutes = 20 + ((i * 37) % 96);
    const arrivedAt = new Date(calledAt.getTime() + minutes * 60_000);
    return {
      case_id: c.id,
      kind: 'action' as const,
      action_type: 'utryckning',
      body: 'Jouren ryckte ut till familjen tillsammans med polisen.',
      called_at: calledAt,
      arrived_at: arrivedAt,
      author_id: c.created_by,
      author_name: (c.created_by && nameOf.get(c.created_by)) || 'Socialjouren',
      written_at: new Date(arrivedAt.getTime() + 45 * 60_000),
    };
  });
  if (rows.length > 0) await ctx.trx.insertInto('journal_entry').values(rows).execute();
  return rows.length;
}
