// Staffing use cases: staff records, roster generation (HiGHS), manual changes with every
// broken rule shown, publishing, gaps with substitute proposals, and standby call-outs.
import {
  addDays,
  checkRoster,
  defaultRosterRules,
  describeDay,
  formatHours,
  hoursTargets,
  isoWeekday,
  localDateOf,
  proposeSubstitutes,
  rosterGaps,
  shiftCache,
  shiftOf,
  type Assignment,
  type CalendarConfig,
  type CallOut,
  type RosterRules,
  type StaffRequest,
  type SubstituteCandidate,
} from '@jourbok/domain';
import { inTransaction, type Ctx, type Deps, type Principal } from '../../app/context.ts';
import { AppError, notFound } from '../../errors.ts';
import { announce } from '../live/events.ts';
import { actorOf, todayOf } from '../persons/service.ts';
import * as repo from './repository.ts';
import { solveRoster } from './solver.ts';

const HOUR_MS = 3_600_000;

async function organisationOf(ctx: Ctx) {
  const actor = actorOf(ctx);
  const org = await ctx.trx.selectFrom('organisation').select(['id', 'calendar', 'settings', 'staff_per_shift']).where('id', '=', actor.organisationId).executeTakeFirstOrThrow();
  const overrides = (org.settings as Record<string, unknown>).roster;
  const rules: RosterRules = { ...defaultRosterRules, ...(overrides && typeof overrides === 'object' ? (overrides as Partial<RosterRules>) : {}) };
  return { id: org.id, calendar: org.calendar as CalendarConfig, rules, requiredPerShift: org.staff_per_shift };
}

// ---------------------------------------------------------------- staff

function presentStaff(row: repo.StaffRow, dates: { staff_id: string; date: string; kind: string }[], municipalities: Map<string, string>) {
  const own = dates.filter((d) => d.staff_id === row.id);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    employmentRate: row.employment_rate,
    contactMunicipalityCode: row.contact_municipality_code,
    contactMunicipalityName: row.contact_municipality_code ? (municipalities.get(row.contact_municipality_code) ?? null) : null,
    qualifications: row.qualifications,
    phone: row.phone,
    weekdayUntilMidnight: row.weekday_until_midnight,
    isActive: row.is_active,
    availableDates: own.filter((d) => d.kind === 'available').map((d) => d.date),
    requests: own.filter((d) => d.kind !== 'available').map((d) => ({ date: d.date, kind: d.kind as StaffRequest['kind'] })),
    version: row.version,
  };
}

export async function listStaff(ctx: Ctx) {
  const actor = actorOf(ctx);
  const [rows, dates, municipalities] = await Promise.all([
    repo.listStaff(ctx.trx, actor.organisationId),
    repo.staffDates(ctx.trx, actor.organisationId, addDays(todayOf(ctx), -31)),
    ctx.trx.selectFrom('municipality').select(['code', 'name']).where('organisation_id', '=', actor.organisationId).execute(),
  ]);
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  await ctx.audit({ action: 'staff.listed', entityType: 'staff_member', entityId: null, details: { count: rows.length } });
  const totalFte = rows.filter((r) => r.kind === 'regular' && r.is_active).reduce((sum, r) => sum + (r.employment_rate ?? 0), 0) / 100;
  return { staff: rows.map((r) => presentStaff(r, dates, names)), totalFte };
}

async function checkMunicipality(ctx: Ctx, code: string | null) {
  if (code === null) return;
  const found = await ctx.trx.selectFrom('municipality').select('code').where('organisation_id', '=', actorOf(ctx).organisationId).where('code', '=', code).executeTakeFirst();
  if (!found) throw new AppError('validation', `Kontaktkommunen ${code} är inte medlem i jouren.`, 'contactMunicipalityCode');
}

export interface StaffRequestBody {
  name: string;
  kind: 'regular' | 'substitute';
  employmentRate: number | null;
  contactMunicipalityCode: string | null;
  qualifications: string[];
  phone: string;
  weekdayUntilMidnight: boolean;
}

export async function createStaff(ctx: Ctx, input: StaffRequestBody) {
  const actor = actorOf(ctx);
  await checkMunicipality(ctx, input.contactMunicipalityCode);
  const row = await ctx.trx
    .insertInto('staff_member')
    .values({
      organisation_id: actor.organisationId,
      name: input.name,
      kind: input.kind,
      employment_rate: input.kind === 'regular' ? input.employmentRate : null,
      contact_municipality_code: input.contactMunicipalityCode,
      qualifications: JSON.stringify(input.qualifications),
      phone: input.phone,
      weekday_until_midnight: input.kind === 'substitute' && input.weekdayUntilMidnight,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'staff.created', entityType: 'staff_member', entityId: row.id, details: { kind: row.kind } });
  return presentStaff(row, [], new Map());
}

export async function updateStaff(ctx: Ctx, id: string, input: Omit<StaffRequestBody, 'kind'> & { isActive: boolean; version: number }) {
  const actor = actorOf(ctx);
  const before = await repo.findStaff(ctx.trx, actor.organisationId, id);
  if (!before) throw notFound('Medarbetaren');
  if (before.version !== input.version) throw new AppError('stale', 'Någon annan har ändrat medarbetaren. Ladda om och försök igen.', 'version');
  if (before.kind === 'regular' && input.employmentRate === null) throw new AppError('validation', 'Ordinarie personal behöver en sysselsättningsgrad.', 'employmentRate');
  await checkMunicipality(ctx, input.contactMunicipalityCode);
  const row = await ctx.trx
    .updateTable('staff_member')
    .set({
      name: input.name,
      employment_rate: before.kind === 'regular' ? input.employmentRate : null,
      contact_municipality_code: input.contactMunicipalityCode,
      qualifications: JSON.stringify(input.qualifications),
      phone: input.phone,
      weekday_until_midnight: before.kind === 'substitute' && input.weekdayUntilMidnight,
      is_active: input.isActive,
      updated_at: ctx.now,
      version: before.version + 1,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'staff.updated', entityType: 'staff_member', entityId: id });
  const dates = await repo.staffDates(ctx.trx, actor.organisationId);
  return presentStaff(row, dates, new Map());
}

export async function changeStaffDates(ctx: Ctx, id: string, input: { kind: 'available' | 'absence' | 'wish_free' | 'wish_work'; dates: string[]; remove: boolean }) {
  const actor = actorOf(ctx);
  const staff = await repo.findStaff(ctx.trx, actor.organisationId, id);
  if (!staff) throw notFound('Medarbetaren');
  if ((input.kind === 'available') !== (staff.kind === 'substitute')) {
    throw new AppError('validation', input.kind === 'available' ? 'Tillgänglighet anges för timvikarier.' : 'Frånvaro och önskemål anges för ordinarie personal.', 'kind');
  }
  const dates = [...new Set(input.dates)];
  if (input.remove) {
    await ctx.trx.deleteFrom('staff_date').where('staff_id', '=', id).where('kind', '=', input.kind).where('date', 'in', dates).execute();
  } else {
    await ctx.trx
      .insertInto('staff_date')
      .values(dates.map((date) => ({ staff_id: id, organisation_id: actor.organisationId, date, kind: input.kind })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await ctx.audit({ action: 'staff.dates_changed', entityType: 'staff_member', entityId: id, details: { kind: input.kind, dates: dates.length, removed: input.remove } });
  const all = await repo.staffDates(ctx.trx, actor.organisationId);
  return presentStaff(staff, all, new Map());
}

// ---------------------------------------------------------------- rosters

const endDateOf = (roster: Pick<repo.RosterRow, 'start_date' | 'weeks'>) => addDays(roster.start_date, roster.weeks * 7 - 1);

const toRequest = (d: { staff_id: string; date: string; kind: string }): StaffRequest | null =>
  d.kind === 'available' ? null : { staffId: d.staff_id, date: d.date, kind: d.kind as StaffRequest['kind'] };

const toCallOut = (c: repo.CallOutRow): CallOut => ({ id: c.id, staffId: c.staff_id, calledAt: c.called_at.toISOString(), startedAt: c.started_at.toISOString(), backAt: c.back_at.toISOString() });

function candidatesOf(staff: repo.StaffRow[], dates: { staff_id: string; date: string; kind: string }[]): SubstituteCandidate[] {
  return staff
    .filter((s) => s.kind === 'substitute' && s.is_active)
    .map((s) => ({ id: s.id, name: s.name, weekdayUntilMidnight: s.weekday_until_midnight, availableDates: new Set(dates.filter((d) => d.staff_id === s.id && d.kind === 'available').map((d) => d.date)) }));
}

/** A roster with everything a manager needs: grid, hours, every broken rule, gaps with proposals. */
async function presentRoster(ctx: Ctx, roster: repo.RosterRow) {
  const org = await organisationOf(ctx);
  const from = roster.start_date;
  const to = endDateOf(roster);
  const [rows, staff, dates, callOuts] = await Promise.all([
    repo.rosterAssignments(ctx.trx, roster.id),
    repo.listStaff(ctx.trx, org.id),
    repo.staffDates(ctx.trx, org.id, addDays(from, -7), addDays(to, 7)),
    repo.callOutsBetween(ctx.trx, org.id, new Date(Date.parse(`${addDays(from, -2)}T00:00:00Z`)), new Date(Date.parse(`${addDays(to, 2)}T00:00:00Z`))),
  ]);
  const shift = shiftCache(org.calendar);
  const assignments: Assignment[] = rows.map((r) => ({ staffId: r.staff_id, date: r.date, kind: r.kind }));
  const requests = dates.map(toRequest).filter((r): r is StaffRequest => r !== null);
  const input = { calendar: org.calendar, rules: org.rules, from, days: roster.weeks * 7, requiredPerShift: roster.required_per_shift, staff: staff.map((s) => ({ id: s.id, name: s.name })), assignments, requests, callOuts: callOuts.map(toCallOut) };
  const violations = checkRoster(input);
  const candidates = candidatesOf(staff, dates);
  const gaps = rosterGaps(input, violations).map((gap) => ({
    ...gap,
    proposals: proposeSubstitutes({ date: gap.date, candidates, assignments, callOuts: input.callOuts, calendar: org.calendar, rules: org.rules }),
  }));
  const regular = staff.filter((s) => s.kind === 'regular');
  const targets = new Map(hoursTargets({ calendar: org.calendar, rules: org.rules, from, weeks: roster.weeks, requiredPerShift: roster.required_per_shift, staff: regular.map((s) => ({ id: s.id, name: s.name, employmentRate: s.employment_rate ?? 0 })), requests }).map((t) => [t.staffId, t]));
  const onRoster = new Set(assignments.map((a) => a.staffId));
  const people = staff
    .filter((s) => onRoster.has(s.id) || (s.kind === 'regular' && s.is_active))
    .map((s) => {
      const own = assignments.filter((a) => a.staffId === s.id);
      const hours = own.reduce((sum, a) => sum + (a.kind === 'standby' ? shift(a.date, a.kind)!.hours * org.rules.standbyHoursCredit : (shift(a.date, a.kind)?.hours ?? 0)), 0);
      const target = targets.get(s.id);
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        employmentRate: s.employment_rate,
        hours: Math.round(hours * 10) / 10,
        target: target ? Math.round(target.target * 10) / 10 : null,
        tolerance: target ? Math.round(target.tolerance * 10) / 10 : null,
        weekendShifts: own.filter((a) => a.kind !== 'standby' && shift(a.date, a.kind)?.isWeekend).length,
        standbyNights: own.filter((a) => a.kind === 'standby').length,
      };
    })
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'sv') : a.kind === 'regular' ? -1 : 1));
  const days = [];
  for (let d = 0; d < roster.weeks * 7; d++) {
    const date = addDays(from, d);
    const day = describeDay(date, org.calendar);
    const open = shift(date, 'open')!;
    days.push({ date, weekday: day.weekday, dayType: day.dayType, holidayName: day.holidayName, open: { start: open.start, end: open.end, hours: open.hours }, standby: { start: shift(addDays(date, 1), 'standby')!.start, end: shift(addDays(date, 1), 'standby')!.end } });
  }
  return {
    id: roster.id,
    startDate: from,
    endDate: to,
    weeks: roster.weeks,
    status: roster.status,
    requiredPerShift: roster.required_per_shift,
    generatedAt: roster.generated_at.toISOString(),
    generatedByName: roster.generated_by_name,
    solver: { status: roster.solver_status, objective: roster.solver_objective, seconds: roster.solver_seconds },
    publishedAt: roster.published_at?.toISOString() ?? null,
    publishedByName: roster.published_by_name,
    publishBy: addDays(from, -org.rules.publishLeadDays),
    staff: people,
    days,
    assignments: rows.map((r) => {
      const s = shift(r.date, r.kind)!;
      return { id: r.id, staffId: r.staff_id, date: r.date, kind: r.kind, start: s.start, end: s.end };
    }),
    violations,
    problems: roster.problems as { requirement: string; message: string }[],
    gaps,
    callOuts: callOuts.map(presentCallOut),
    version: roster.version,
  };
}

export async function listRosters(ctx: Ctx) {
  const actor = actorOf(ctx);
  const rows = await repo.listRosters(ctx.trx, actor.organisationId);
  await ctx.audit({ action: 'roster.listed', entityType: 'roster', entityId: null, details: { count: rows.length } });
  return { rosters: rows.map((r) => ({ id: r.id, startDate: r.start_date, endDate: endDateOf(r), status: r.status, generatedAt: r.generated_at.toISOString(), publishedAt: r.published_at?.toISOString() ?? null })) };
}

export async function getRoster(ctx: Ctx, id: string) {
  const roster = await repo.findRoster(ctx.trx, actorOf(ctx).organisationId, id);
  if (!roster) throw notFound('Schemat');
  await ctx.audit({ action: 'roster.read', entityType: 'roster', entityId: id });
  return presentRoster(ctx, roster);
}

/**
 * Generate a rotation with the MIP solver. The solve runs between two short transactions (read
 * the staff, then save the draft) so that a long solve never holds the database.
 */
export async function generateRoster(deps: Deps, principal: Principal, requestId: string, input: { startDate: string; weeks: number; timeLimitSeconds: number; mipGap: number }) {
  if (isoWeekday(input.startDate) !== 1) throw new AppError('validation', 'Schemat ska börja på en måndag.', 'startDate');
  const problem = await inTransaction(deps, principal, requestId, async (ctx) => {
    const org = await organisationOf(ctx);
    const staff = (await repo.listStaff(ctx.trx, org.id)).filter((s) => s.kind === 'regular' && s.is_active);
    if (staff.length === 0) throw new AppError('validation', 'Det finns ingen ordinarie personal att lägga schema för. Lägg upp personalen först.', 'staff');
    const dates = await repo.staffDates(ctx.trx, org.id, input.startDate, addDays(input.startDate, input.weeks * 7 - 1));
    await ctx.audit({ action: 'staff.listed', entityType: 'staff_member', entityId: null, details: { count: staff.length, purpose: 'roster generation' } });
    return {
      calendar: org.calendar,
      rules: org.rules,
      from: input.startDate,
      weeks: input.weeks,
      requiredPerShift: org.requiredPerShift,
      staff: staff.map((s) => ({ id: s.id, name: s.name, employmentRate: s.employment_rate ?? 0 })),
      requests: dates.map(toRequest).filter((r): r is StaffRequest => r !== null),
    };
  });
  const solved = await solveRoster(problem, { timeLimitSeconds: input.timeLimitSeconds, mipGap: input.mipGap });
  return inTransaction(deps, principal, requestId, async (ctx) => {
    const actor = actorOf(ctx);
    const roster = await ctx.trx
      .insertInto('roster')
      .values({
        organisation_id: actor.organisationId,
        start_date: input.startDate,
        weeks: input.weeks,
        required_per_shift: problem.requiredPerShift,
        generated_at: ctx.now,
        generated_by_name: ctx.principal.displayName,
        solver_status: solved.status,
        solver_objective: solved.objective,
        solver_seconds: Math.round(solved.seconds * 100) / 100,
        problems: JSON.stringify(solved.problems),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (solved.assignments.length > 0) {
      await ctx.trx
        .insertInto('roster_assignment')
        .values(solved.assignments.map((a) => ({ roster_id: roster.id, organisation_id: actor.organisationId, staff_id: a.staffId, date: a.date, kind: a.kind })))
        .execute();
    }
    await ctx.audit({ action: 'roster.generated', entityType: 'roster', entityId: roster.id, details: { startDate: input.startDate, weeks: input.weeks, status: solved.status, problems: solved.problems.length, seconds: Math.round(solved.seconds) } });
    return presentRoster(ctx, roster);
  });
}

async function changeable(ctx: Ctx, rosterId: string, version: number) {
  const actor = actorOf(ctx);
  const roster = await repo.lockRoster(ctx.trx, actor.organisationId, rosterId);
  if (!roster) throw notFound('Schemat');
  if (roster.version !== version) throw new AppError('stale', 'Schemat har ändrats av någon annan. Ladda om och försök igen.', 'version');
  return roster;
}

async function touched(ctx: Ctx, roster: repo.RosterRow, change: Record<string, string>) {
  const updated = await ctx.trx.updateTable('roster').set({ version: roster.version + 1 }).where('id', '=', roster.id).returningAll().executeTakeFirstOrThrow();
  await ctx.audit({ action: 'roster.changed', entityType: 'roster', entityId: roster.id, details: change });
  if (roster.status === 'published') await announce(ctx.trx, { organisationId: roster.organisation_id, topic: 'board', id: roster.id });
  return presentRoster(ctx, updated);
}

function checkInside(roster: repo.RosterRow, date: string, kind: string) {
  const last = kind === 'standby' ? addDays(endDateOf(roster), 1) : endDateOf(roster);
  const first = kind === 'standby' ? addDays(roster.start_date, 1) : roster.start_date;
  if (date < first || date > last) throw new AppError('validation', `Datumet ${date} ligger utanför schemat (${roster.start_date}–${endDateOf(roster)}).`, 'date');
}

/** Move a shift to another date and/or person; the answer lists every rule the roster now breaks. */
export async function moveAssignment(ctx: Ctx, rosterId: string, assignmentId: string, input: { staffId?: string; date?: string; version: number }) {
  const roster = await changeable(ctx, rosterId, input.version);
  const row = await ctx.trx.selectFrom('roster_assignment').selectAll().where('id', '=', assignmentId).where('roster_id', '=', rosterId).executeTakeFirst();
  if (!row) throw notFound('Passet');
  const staffId = input.staffId ?? row.staff_id;
  const date = input.date ?? row.date;
  if (!(await repo.findStaff(ctx.trx, roster.organisation_id, staffId))) throw notFound('Medarbetaren');
  checkInside(roster, date, row.kind);
  const clash = await ctx.trx.selectFrom('roster_assignment').select('id').where('roster_id', '=', rosterId).where('staff_id', '=', staffId).where('date', '=', date).where('kind', '=', row.kind).where('id', '!=', assignmentId).executeTakeFirst();
  if (clash) throw new AppError('conflict', 'Medarbetaren har redan det passet.', 'date');
  await ctx.trx.updateTable('roster_assignment').set({ staff_id: staffId, date }).where('id', '=', assignmentId).execute();
  return touched(ctx, roster, { assignment: assignmentId, from: row.date, to: date });
}

/** Put someone on a shift (e.g. a proposed substitute on a gap). */
export async function addAssignment(ctx: Ctx, rosterId: string, input: { staffId: string; date: string; kind: 'open' | 'standby' | 'open_until_midnight'; version: number }) {
  const roster = await changeable(ctx, rosterId, input.version);
  const org = await organisationOf(ctx);
  if (!(await repo.findStaff(ctx.trx, roster.organisation_id, input.staffId))) throw notFound('Medarbetaren');
  checkInside(roster, input.date, input.kind);
  if (!shiftOf(input.date, input.kind, org.calendar)) throw new AppError('validation', 'Pass till 24:00 finns bara måndag–fredag som inte är helgdag.', 'kind');
  const inserted = await ctx.trx
    .insertInto('roster_assignment')
    .values({ roster_id: rosterId, organisation_id: roster.organisation_id, staff_id: input.staffId, date: input.date, kind: input.kind })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new AppError('conflict', 'Medarbetaren har redan det passet.', 'date');
  return touched(ctx, roster, { assignment: inserted.id, added: input.date });
}

export async function removeAssignment(ctx: Ctx, rosterId: string, assignmentId: string, version: number) {
  const roster = await changeable(ctx, rosterId, version);
  const removed = await ctx.trx.deleteFrom('roster_assignment').where('id', '=', assignmentId).where('roster_id', '=', rosterId).returning('id').executeTakeFirst();
  if (!removed) throw notFound('Passet');
  return touched(ctx, roster, { assignment: assignmentId, removed: 'true' });
}

/** Publish: at least `publishLeadDays` (14) before the start, and only without broken rest rules. */
export async function publishRoster(ctx: Ctx, rosterId: string, version: number) {
  const roster = await changeable(ctx, rosterId, version);
  const org = await organisationOf(ctx);
  if (roster.status === 'published') throw new AppError('conflict', 'Schemat är redan publicerat.');
  const publishBy = addDays(roster.start_date, -org.rules.publishLeadDays);
  const today = todayOf(ctx);
  if (today > publishBy) {
    throw new AppError('validation', `Ett schema ska publiceras minst ${org.rules.publishLeadDays} dagar innan det börjar: schemat som börjar ${roster.start_date} skulle ha publicerats senast ${publishBy}.`, 'startDate');
  }
  const view = await presentRoster(ctx, roster);
  const broken = view.violations.filter((v) => ['daily_rest', 'rest_before_shift', 'weekly_rest', 'double_booked', 'absent'].includes(v.rule) && !v.callOutId);
  if (broken.length > 0) {
    throw new AppError('conflict', `Schemat bryter mot ${broken.length} regler om vila eller frånvaro. Rätta dem innan du publicerar: ${broken[0]!.message}`, 'violations', { violations: broken.map((v) => v.message) });
  }
  const updated = await ctx.trx
    .updateTable('roster')
    .set({ status: 'published', published_at: ctx.now, published_by_name: ctx.principal.displayName, version: roster.version + 1 })
    .where('id', '=', rosterId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'roster.published', entityType: 'roster', entityId: rosterId, details: { startDate: roster.start_date } });
  await announce(ctx.trx, { organisationId: roster.organisation_id, topic: 'board', id: rosterId });
  return presentRoster(ctx, updated);
}

// ---------------------------------------------------------------- standby call-outs

function presentCallOut(c: repo.CallOutRow & { staff_name: string }) {
  return {
    id: c.id,
    staffId: c.staff_id,
    staffName: c.staff_name,
    calledAt: c.called_at.toISOString(),
    startedAt: c.started_at.toISOString(),
    backAt: c.back_at.toISOString(),
    note: c.note,
    recordedByName: c.recorded_by_name,
    recordedAt: c.recorded_at.toISOString(),
  };
}

/** The roster in force on `date`: the published one covering it, else the newest draft. */
async function rosterOn(ctx: Ctx, organisationId: string, date: string) {
  const rows = (await repo.rostersStartingBy(ctx.trx, organisationId, date)).filter((r) => endDateOf(r) >= date);
  return rows.find((r) => r.status === 'published') ?? rows[0] ?? null;
}

/**
 * For each call-out: the person's next shift within a day, when the call-out leaves less than
 * the daily rest before it, with rested substitutes who are available that day.
 */
async function restAlertsFor(ctx: Ctx, callOuts: (repo.CallOutRow & { staff_name: string })[]) {
  if (callOuts.length === 0) return [];
  const org = await organisationOf(ctx);
  const shift = shiftCache(org.calendar);
  const alerts = [];
  for (const c of callOuts) {
    const backDate = localDateOf(c.back_at.toISOString(), org.calendar.timeZone);
    for (const date of [addDays(backDate, -1), backDate, addDays(backDate, 1)]) {
      const roster = await rosterOn(ctx, org.id, date);
      if (!roster) continue;
      const rows = await repo.rosterAssignments(ctx.trx, roster.id);
      const own = rows.find((r) => r.staff_id === c.staff_id && r.date === date && r.kind !== 'standby');
      if (!own) continue;
      const s = shift(date, own.kind)!;
      const rest = (s.startMs - c.back_at.getTime()) / HOUR_MS;
      if (s.startMs <= c.back_at.getTime() || rest >= org.rules.minDailyRestHours) continue;
      const [staff, dates, recent] = await Promise.all([
        repo.listStaff(ctx.trx, org.id),
        repo.staffDates(ctx.trx, org.id, addDays(date, -7), addDays(date, 7)),
        repo.callOutsBetween(ctx.trx, org.id, new Date(s.startMs - 8 * 24 * HOUR_MS), new Date(s.startMs + 8 * 24 * HOUR_MS)),
      ]);
      const assignments: Assignment[] = rows.map((r) => ({ staffId: r.staff_id, date: r.date, kind: r.kind }));
      const earliest = new Date(c.back_at.getTime() + org.rules.minDailyRestHours * HOUR_MS);
      alerts.push({
        callOutId: c.id,
        staffName: c.staff_name,
        backAt: c.back_at.toISOString(),
        shiftDate: date,
        shiftStart: s.start,
        restHours: Math.round(rest * 10) / 10,
        earliestStart: earliest.toISOString(),
        message: `${c.staff_name} var ute på beredskap till ${localTime(c.back_at, org.calendar.timeZone)} och får bara ${formatHours(rest)} h vila före passet ${date} ${localTime(new Date(s.startMs), org.calendar.timeZone)}; tidigast ${localTime(earliest, org.calendar.timeZone)}. En vikarie behövs.`,
        proposals: proposeSubstitutes({ date, candidates: candidatesOf(staff, dates), assignments, callOuts: recent.map(toCallOut), calendar: org.calendar, rules: org.rules }),
      });
      break;
    }
  }
  return alerts;
}

const localTime = (at: Date, timeZone: string) => at.toLocaleTimeString('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit' });

export async function recordCallOut(ctx: Ctx, input: { staffId: string; calledAt: string; startedAt: string; backAt: string; note: string }) {
  const actor = actorOf(ctx);
  const staff = await repo.findStaff(ctx.trx, actor.organisationId, input.staffId);
  if (!staff) throw notFound('Medarbetaren');
  const called = new Date(input.calledAt);
  const started = new Date(input.startedAt);
  const back = new Date(input.backAt);
  if (started < called) throw new AppError('validation', 'Utryckningen kan inte börja innan larmet kom.', 'startedAt');
  if (back <= started) throw new AppError('validation', 'Tillbaka-tiden måste vara efter starttiden.', 'backAt');
  if (back.getTime() - started.getTime() > 24 * HOUR_MS) throw new AppError('validation', 'En utryckning kan inte vara längre än ett dygn.', 'backAt');
  if (back.getTime() > ctx.now.getTime() + 5 * 60_000) throw new AppError('validation', 'Tillbaka-tiden ligger i framtiden.', 'backAt');
  const row = await ctx.trx
    .insertInto('standby_callout')
    .values({ organisation_id: actor.organisationId, staff_id: staff.id, called_at: called, started_at: started, back_at: back, note: input.note, recorded_by: actor.userId, recorded_by_name: ctx.principal.displayName, recorded_at: ctx.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'callout.recorded', entityType: 'standby_callout', entityId: row.id, details: { staffId: staff.id, minutes: Math.round((back.getTime() - started.getTime()) / 60_000) } });
  await announce(ctx.trx, { organisationId: actor.organisationId, topic: 'board', id: row.id });
  const withName = { ...row, staff_name: staff.name };
  return { callOut: presentCallOut(withName), alerts: await restAlertsFor(ctx, [withName]) };
}

/** Call-outs of the last 14 days, the rest alerts of the last two days, and the staff to choose from. */
export async function listCallOuts(ctx: Ctx) {
  const actor = actorOf(ctx);
  const rows = await repo.callOutsBetween(ctx.trx, actor.organisationId, new Date(ctx.now.getTime() - 14 * 24 * HOUR_MS), new Date(ctx.now.getTime() + HOUR_MS));
  const staff = (await repo.listStaff(ctx.trx, actor.organisationId)).filter((s) => s.is_active);
  await ctx.audit({ action: 'callout.listed', entityType: 'standby_callout', entityId: null, details: { count: rows.length } });
  const alerts = await restAlertsFor(ctx, rows.filter((r) => r.back_at.getTime() >= ctx.now.getTime() - 48 * HOUR_MS));
  return { callOuts: rows.map(presentCallOut), alerts, staff: staff.map((s) => ({ id: s.id, name: s.name })) };
}

/** For the shift board: call-outs of the last day that break a coming shift's rest. */
export async function boardRestAlerts(ctx: Ctx) {
  const actor = actorOf(ctx);
  if (!(await ctx.trx.selectFrom('staff_member').select('id').where('organisation_id', '=', actor.organisationId).limit(1).executeTakeFirst())) return [];
  const rows = await repo.callOutsBetween(ctx.trx, actor.organisationId, new Date(ctx.now.getTime() - 36 * HOUR_MS), new Date(ctx.now.getTime() + HOUR_MS));
  const alerts = await restAlertsFor(ctx, rows);
  // Only shifts that have not ended yet.
  const upcoming = alerts.filter((a) => Date.parse(a.shiftStart) + 12 * HOUR_MS > ctx.now.getTime());
  if (upcoming.length > 0) await ctx.audit({ action: 'callout.listed', entityType: 'standby_callout', entityId: null, details: { view: 'board', alerts: upcoming.length } });
  return upcoming;
}

