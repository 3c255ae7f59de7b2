import { randomInt } from 'node:crypto';
import { addDays, can, inspectionPeriod, inspectionState, nextDueDate, pickSample, shouldRemind, startOfDay, validateSchedule, type JsonValue, type SelfInspectionKind } from '@jourbok/domain';
import type { Selectable } from 'kysely';
import type { Ctx } from '../../app/context.ts';
import type { SelfInspectionPlanTable, SelfInspectionTable } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import type { JobRun } from '../../jobs/types.ts';
import { queueEmail } from '../../mail/outbox.ts';
import { announce } from '../live/events.ts';
import { actorOf } from '../persons/service.ts';

/**
 * Self-inspections (egenkontroller) according to plan. The unit manager
 * plans recurring checks; each occasion is started (a sample of closed cases
 * drawn, for a sampling check) and recorded: who did it, what was found,
 * what follows. Due dates follow the plan in Europe/Stockholm.
 */
const TIME_ZONE = 'Europe/Stockholm';
type PlanRow = Selectable<SelfInspectionPlanTable>;
type OccasionRow = Selectable<SelfInspectionTable>;

export interface PlanRequest {
  kind: SelfInspectionKind;
  title: string;
  description: string;
  intervalMonths: number;
  dayOfMonth: number;
  firstDue: string;
  sampleSize: number | null;
  responsibleUserId: string | null;
}

const scheduleOf = (p: Pick<PlanRow, 'first_due' | 'interval_months' | 'day_of_month'>) => ({ firstDue: p.first_due, intervalMonths: p.interval_months, dayOfMonth: p.day_of_month });

/** The plan's open occasion's due date, or the next one after the last performed. */
export function currentDue(plan: PlanRow, occasions: OccasionRow[]): { dueDate: string; open: OccasionRow | null } {
  const mine = occasions.filter((o) => o.plan_id === plan.id);
  const open = mine.find((o) => o.performed_at === null) ?? null;
  if (open) return { dueDate: open.due_date, open };
  const lastDone = mine.map((o) => o.due_date).sort().at(-1) ?? null;
  return { dueDate: nextDueDate(scheduleOf(plan), lastDone), open: null };
}

async function checkPlan(ctx: Ctx, input: PlanRequest) {
  const error = validateSchedule({ firstDue: input.firstDue, intervalMonths: input.intervalMonths, dayOfMonth: input.dayOfMonth });
  if (error) throw new AppError('validation', error.message, error.field);
  if (input.kind === 'case_sampling' && !input.sampleSize) throw new AppError('validation', 'Ange hur många avslutade ärenden stickprovet ska omfatta.', 'sampleSize');
  if (input.responsibleUserId) {
    const user = await ctx.trx.selectFrom('app_user').select('id').where('organisation_id', '=', actorOf(ctx).organisationId).where('id', '=', input.responsibleUserId).where('is_active', '=', true).executeTakeFirst();
    if (!user) throw new AppError('validation', 'Den ansvariga finns inte.', 'responsibleUserId');
  }
}

function planColumns(input: PlanRequest) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    interval_months: input.intervalMonths,
    day_of_month: input.dayOfMonth,
    first_due: input.firstDue,
    sample_size: input.kind === 'case_sampling' ? input.sampleSize : null,
    responsible_user_id: input.responsibleUserId,
  };
}

function manager(ctx: Ctx) {
  const actor = actorOf(ctx);
  if (!can(actor, 'selfInspections.manage')) throw forbidden();
  return actor;
}

/** Every plan with its state, open occasion and history, and the staff who may do the checks. */
export async function getOverview(ctx: Ctx) {
  const actor = manager(ctx);
  const [plans, occasions, staff] = await Promise.all([
    ctx.trx.selectFrom('self_inspection_plan').selectAll().where('organisation_id', '=', actor.organisationId).orderBy('is_active', 'desc').orderBy('created_at').execute(),
    ctx.trx.selectFrom('self_inspection').selectAll().where('organisation_id', '=', actor.organisationId).orderBy('due_date', 'desc').execute(),
    ctx.trx.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', actor.organisationId).where('is_active', '=', true).where('role', 'in', ['socialsekreterare', 'enhetschef']).orderBy('display_name').execute(),
  ]);
  const sampled = [...new Set(occasions.flatMap((o) => o.sample))];
  const cases = sampled.length === 0 ? [] : await ctx.trx.selectFrom('jour_case').select(['id', 'case_number', 'closed_at']).where('organisation_id', '=', actor.organisationId).where('id', 'in', sampled).execute();
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const names = new Map(staff.map((s) => [s.id, s.display_name]));
  const occasionView = (o: OccasionRow) => ({
    id: o.id,
    dueDate: o.due_date,
    periodFrom: o.period_from,
    periodTo: o.period_to,
    startedAt: o.started_at.toISOString(),
    startedByName: o.started_by_name,
    performedAt: o.performed_at?.toISOString() ?? null,
    performedByName: o.performed_by_name,
    findings: o.findings,
    followUp: o.follow_up,
    sample: o.sample.map((id) => caseById.get(id)).filter((c) => c !== undefined).map((c) => ({ id: c.id, caseNumber: c.case_number, closedAt: c.closed_at?.toISOString() ?? null })),
  });
  await ctx.audit({ action: 'self_inspection.listed', entityType: 'self_inspection', entityId: null, details: { plans: plans.length, occasions: occasions.length } });
  return {
    plans: plans.map((p) => {
      const { dueDate, open } = currentDue(p, occasions);
      return {
        id: p.id,
        kind: p.kind,
        title: p.title,
        description: p.description,
        intervalMonths: p.interval_months,
        dayOfMonth: p.day_of_month,
        firstDue: p.first_due,
        sampleSize: p.sample_size,
        responsibleUserId: p.responsible_user_id,
        responsibleName: p.responsible_user_id ? (names.get(p.responsible_user_id) ?? null) : null,
        isActive: p.is_active,
        version: p.version,
        nextDue: dueDate,
        state: inspectionState(dueDate, ctx.now.toISOString(), TIME_ZONE),
        current: open ? occasionView(open) : null,
        history: occasions.filter((o) => o.plan_id === p.id && o.performed_at !== null).map(occasionView),
      };
    }),
    staff: staff.map((s) => ({ id: s.id, displayName: s.display_name })),
  };
}

export async function createPlan(ctx: Ctx, input: PlanRequest) {
  const actor = manager(ctx);
  await checkPlan(ctx, input);
  const row = await ctx.trx
    .insertInto('self_inspection_plan')
    .values({ organisation_id: actor.organisationId, ...planColumns(input), created_by_name: ctx.principal.displayName, created_at: ctx.now, updated_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'self_inspection.planned', entityType: 'self_inspection', entityId: row.id, details: { kind: input.kind, intervalMonths: input.intervalMonths, firstDue: input.firstDue } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id: row.id });
  return getOverview(ctx);
}

export async function updatePlan(ctx: Ctx, id: string, input: PlanRequest & { isActive: boolean; version: number }) {
  const actor = manager(ctx);
  await checkPlan(ctx, input);
  const result = await ctx.trx
    .updateTable('self_inspection_plan')
    .set({ ...planColumns(input), is_active: input.isActive, version: input.version + 1, updated_at: ctx.now })
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    const exists = await ctx.trx.selectFrom('self_inspection_plan').select('id').where('organisation_id', '=', actor.organisationId).where('id', '=', id).executeTakeFirst();
    if (!exists) throw notFound('Egenkontrollen');
    throw new AppError('stale', 'Någon annan har ändrat planen medan du arbetade. Sidan visar nu den senaste versionen.');
  }
  await ctx.audit({ action: 'self_inspection.plan_updated', entityType: 'self_inspection', entityId: id, details: { isActive: input.isActive, intervalMonths: input.intervalMonths } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id });
  return getOverview(ctx);
}

/**
 * Start the plan's current occasion: its period is fixed, and for a sampling
 * check Jourbok draws the sample of cases closed in the period at random.
 * Starting an occasion already started returns it as it is.
 */
export async function startInspection(ctx: Ctx, planId: string) {
  const actor = manager(ctx);
  const plan = await ctx.trx.selectFrom('self_inspection_plan').selectAll().where('organisation_id', '=', actor.organisationId).where('id', '=', planId).executeTakeFirst();
  if (!plan) throw notFound('Egenkontrollen');
  if (!plan.is_active) throw new AppError('conflict', 'Planen är inte aktiv.');
  const occasions = await ctx.trx.selectFrom('self_inspection').selectAll().where('plan_id', '=', planId).execute();
  const { dueDate, open } = currentDue(plan, occasions);
  if (open) return getOverview(ctx);
  if (inspectionState(dueDate, ctx.now.toISOString(), TIME_ZONE) === 'planned') throw new AppError('conflict', `Kontrollen ska göras ${dueDate} och kan påbörjas tidigast en vecka innan.`);
  const period = inspectionPeriod(scheduleOf(plan), dueDate);
  let sample: string[] = [];
  let seed: number | null = null;
  if (plan.kind === 'case_sampling') {
    const closed = await ctx.trx
      .selectFrom('jour_case')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('status', '<>', 'open')
      .where('closed_at', '>=', new Date(startOfDay(period.from, TIME_ZONE).epochMilliseconds))
      .where('closed_at', '<', new Date(startOfDay(addDays(period.to, 1), TIME_ZONE).epochMilliseconds))
      .orderBy('id')
      .execute();
    seed = randomInt(0, 2 ** 31);
    sample = pickSample(closed.map((c) => c.id), plan.sample_size ?? 5, seed);
  }
  const row = await ctx.trx
    .insertInto('self_inspection')
    .values({
      plan_id: planId,
      organisation_id: actor.organisationId,
      due_date: dueDate,
      period_from: period.from,
      period_to: period.to,
      sample: JSON.stringify(sample),
      sample_seed: seed,
      started_at: ctx.now,
      started_by_name: ctx.principal.displayName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'self_inspection.started', entityType: 'self_inspection', entityId: row.id, details: { planId, dueDate, sampled: sample.length } });
  return getOverview(ctx);
}

export async function recordInspection(ctx: Ctx, id: string, input: { performedByUserId: string | null; findings: string; followUp: string }) {
  const actor = manager(ctx);
  const occasion = await ctx.trx.selectFrom('self_inspection').selectAll().where('organisation_id', '=', actor.organisationId).where('id', '=', id).executeTakeFirst();
  if (!occasion) throw notFound('Kontrolltillfället');
  if (occasion.performed_at) throw new AppError('conflict', 'Kontrollen är redan dokumenterad.');
  const performerId = input.performedByUserId ?? actor.userId;
  const performer = await ctx.trx.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', actor.organisationId).where('id', '=', performerId).executeTakeFirst();
  if (!performer) throw new AppError('validation', 'Välj vem som gjorde kontrollen.', 'performedByUserId');
  await ctx.trx
    .updateTable('self_inspection')
    .set({ performed_at: ctx.now, performed_by: performer.id, performed_by_name: performer.display_name, findings: input.findings, follow_up: input.followUp })
    .where('id', '=', id)
    .execute();
  await ctx.audit({ action: 'self_inspection.recorded', entityType: 'self_inspection', entityId: id, details: { planId: occasion.plan_id, dueDate: occasion.due_date } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id });
  return getOverview(ctx);
}

/** Active plans whose current occasion is soon, due or overdue (the manager's board). */
export async function inspectionsNeedingAttention(ctx: Ctx, organisationId: string) {
  const [plans, occasions] = await Promise.all([
    ctx.trx.selectFrom('self_inspection_plan').selectAll().where('organisation_id', '=', organisationId).where('is_active', '=', true).execute(),
    ctx.trx.selectFrom('self_inspection').selectAll().where('organisation_id', '=', organisationId).execute(),
  ]);
  return plans
    .map((p) => {
      const { dueDate } = currentDue(p, occasions);
      return { plan: p, planId: p.id, title: p.title, dueDate, state: inspectionState(dueDate, ctx.now.toISOString(), TIME_ZONE) };
    })
    .filter((p) => p.state !== 'planned')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/**
 * The morning reminder (a daily job): checks that come up (a week ahead),
 * are due or are overdue. Each responsible person with an e-mail address
 * gets one message naming their checks (titles only, no personal data);
 * the manager's board shows them all in any case.
 */
export async function remindSelfInspections(ctx: Ctx, job: JobRun): Promise<Record<string, JsonValue>> {
  const today = job.run.date;
  const attention = (await inspectionsNeedingAttention(ctx, job.organisationId)).filter((a) => shouldRemind(a.dueDate, today));
  if (attention.length === 0) return { reminded: 0, emails: 0 };
  const byUser = new Map<string, typeof attention>();
  for (const a of attention) if (a.plan.responsible_user_id) byUser.set(a.plan.responsible_user_id, [...(byUser.get(a.plan.responsible_user_id) ?? []), a]);
  const users = byUser.size === 0 ? [] : await ctx.trx.selectFrom('app_user').select(['id', 'email']).where('id', 'in', [...byUser.keys()]).where('is_active', '=', true).execute();
  let emails = 0;
  for (const user of users) {
    if (!user.email) continue;
    const list = byUser.get(user.id)!;
    const text = [
      'Hej,',
      '',
      'Följande egenkontroller enligt plan ska göras:',
      ...list.map((a) => `  ${a.title}: ${a.state === 'overdue' ? `skulle ha gjorts ${a.dueDate}` : `senast ${a.dueDate}`}`),
      '',
      `Gör och dokumentera dem i Jourbok: ${job.config.publicUrl}/egenkontroller`,
      '',
      'Meddelandet är skickat automatiskt från Jourbok och kan inte besvaras.',
    ].join('\n');
    await queueEmail(ctx.trx, { organisationId: job.organisationId, kind: 'self_inspection_reminder', to: user.email, subject: `${list.length === 1 ? '1 egenkontroll' : `${list.length} egenkontroller`} att göra`, text }, ctx.now);
    emails++;
  }
  await announce(ctx.trx, { organisationId: job.organisationId, topic: 'board' });
  return { reminded: attention.length, emails };
}
