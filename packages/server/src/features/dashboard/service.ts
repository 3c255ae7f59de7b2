import {
  addDays,
  can,
  daysBetween,
  localDateOf,
  monthsBack,
  OTHER_MUNICIPALITY,
  OTHER_MUNICIPALITY_NAME,
  sortMembers,
  startOfDay,
  tertialToDate,
  TURN_OUT_BENCHMARK_MINUTES,
  YOUTH_CATEGORY,
  type Actor,
} from '@jourbok/domain';
import type { DashboardView } from '@jourbok/contracts';
import type { Ctx } from '../../app/context.ts';
import { forbidden } from '../../errors.ts';
import * as repo from './repository.ts';

const TIME_ZONE = 'Europe/Stockholm';

function rangeOf(from: string, to: string): repo.Range {
  return { starts: startOfDay(from, TIME_ZONE).toInstant().toString(), ends: startOfDay(addDays(to, 1), TIME_ZONE).toInstant().toString() };
}

async function figures(ctx: Ctx, organisationId: string, from: string, to: string) {
  const range = rangeOf(from, to);
  const [t, turnOuts, decisions] = await Promise.all([
    repo.totals(ctx.trx, organisationId, range, YOUTH_CATEGORY),
    repo.turnOuts(ctx.trx, organisationId, range, TURN_OUT_BENCHMARK_MINUTES),
    repo.decisions(ctx.trx, organisationId, range),
  ]);
  return { from, to, cases: t.cases, youthCases: t.youthCases, closedAtJour: t.closedAtJour, turnOuts: turnOuts.count, decisions: decisions.reduce((s, d) => s + d.count, 0), nights: daysBetween(from, to) + 1 };
}

/**
 * The unit manager's dashboard over the last `months` months (this month
 * included): aggregates only, computed in SQL. The tertial so far is compared
 * with the same days of last year.
 */
export async function getDashboard(ctx: Ctx, months = 12): Promise<DashboardView> {
  if (ctx.principal.kind !== 'user') throw forbidden();
  const actor: Actor = ctx.principal;
  if (!can(actor, 'dashboard.read')) throw forbidden();
  const organisationId = actor.organisationId;
  const today = localDateOf(ctx.now.toISOString(), TIME_ZONE);
  const from = monthsBack(today, months - 1);
  const range = rangeOf(from, today);
  const lastNight = addDays(today, -1);
  const [totals, nights, weekdays, hours, categories, municipalityCounts, members, trend, turnOuts, decisions] = await Promise.all([
    repo.totals(ctx.trx, organisationId, range, YOUTH_CATEGORY),
    repo.perNight(ctx.trx, organisationId, addDays(lastNight, -30), lastNight),
    repo.perWeekday(ctx.trx, organisationId, from, lastNight),
    repo.perHour(ctx.trx, organisationId, range),
    repo.byCategory(ctx.trx, organisationId, range),
    repo.byMunicipality(ctx.trx, organisationId, range),
    repo.members(ctx.trx, organisationId),
    repo.trend(ctx.trx, organisationId, range, from, `${today.slice(0, 7)}-01`, YOUTH_CATEGORY),
    repo.turnOuts(ctx.trx, organisationId, range, TURN_OUT_BENCHMARK_MINUTES),
    repo.decisions(ctx.trx, organisationId, range),
  ]);
  const compared = tertialToDate(today);
  const [current, lastYear] = await Promise.all([figures(ctx, organisationId, compared.from, compared.to), figures(ctx, organisationId, compared.lastYearFrom, compared.lastYearTo)]);
  return {
    today,
    from,
    to: today,
    months,
    totals: { ...totals, nights: daysBetween(from, today) + 1 },
    perNight: nights,
    perWeekday: weekdays,
    perHour: hours,
    byCategory: categories,
    byMunicipality: [
      ...sortMembers(members).map((m) => ({ code: m.code, name: m.name, cases: municipalityCounts.get(m.code) ?? 0 })),
      { code: OTHER_MUNICIPALITY, name: OTHER_MUNICIPALITY_NAME, cases: municipalityCounts.get(OTHER_MUNICIPALITY) ?? 0 },
    ],
    trend,
    turnOuts,
    decisions,
    tertial: { tertial: compared.tertial, year: compared.year, current, lastYear },
  };
}
