import {
  allocateCosts,
  allocationDocument,
  bookingFor,
  BUDGET_LINES,
  followUp,
  formatOre,
  invoicePeriod,
  isBudgetLine,
  localDateOf,
  monthsOf,
  oreOf,
  parseLedgerRows,
  periodOfDate,
  periodsFromSettings,
  sortMembers,
  yearPeriods,
  type AllocationDocument,
  type Booking,
  type InvoicePeriod,
  type JsonValue,
  type PeriodMonths,
} from '@jourbok/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Ctx, Trx } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import * as repo from './repository.ts';

const TIME_ZONE = 'Europe/Stockholm';

export type DirectCostMode = 'period' | 'monthly';

export interface MoneyOrganisation {
  id: string;
  name: string;
  settings: Record<string, unknown>;
  members: { code: string; name: string }[];
  periods: readonly PeriodMonths[];
  directCosts: DirectCostMode;
}

export interface DirectCostLine {
  caseNumber: string;
  municipalityCode: string;
  date: string;
  /** the original date when the cost was moved out of a closed period */
  costDate: string;
  kind: string;
  amount: string;
}

/** The invoice basis of one period: the contract's document, how the amount was found, the direct costs case by case. */
export interface InvoiceBasis {
  document: AllocationDocument;
  amountSource: 'outcome' | 'entered' | 'option';
  /** the outcome recorded for the period's months */
  outcome: string;
  directCostMode: DirectCostMode;
  /** direct costs on member cases counted in the period, case by case (case number only) */
  directCosts: DirectCostLine[];
  /** direct costs on cases of non-members: not invoiced to the members */
  otherDirectCosts: string;
  timeByPopulation: boolean;
  populationYear: number;
  closed: { at: string; byName: string } | null;
}

export function organisationIdOf(ctx: Ctx): string {
  const id = ctx.principal.organisationId;
  if (!id) throw new AppError('not_found', 'Ingen organisation är vald.');
  return id;
}

export async function loadMoneyOrganisation(trx: Trx, organisationId: string): Promise<MoneyOrganisation> {
  const org = await trx.selectFrom('organisation').select(['id', 'name', 'settings']).where('id', '=', organisationId).executeTakeFirst();
  if (!org) throw new AppError('not_found', 'Organisationen finns inte.');
  const members = await trx.selectFrom('municipality').select(['code', 'name']).where('organisation_id', '=', organisationId).where('is_member', '=', true).execute();
  const settings = (org.settings ?? {}) as Record<string, unknown>;
  const mode = (settings.money as { directCosts?: unknown } | undefined)?.directCosts;
  return {
    id: org.id,
    name: org.name,
    settings,
    members: sortMembers(members.map((m) => ({ code: m.code.trim(), name: m.name }))),
    periods: periodsFromSettings(settings),
    directCosts: mode === 'monthly' ? 'monthly' : 'period',
  };
}

function checkPeriod(org: MoneyOrganisation, year: number, period: number): InvoicePeriod {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new AppError('validation', 'Ange ett år, t.ex. 2026.', 'year');
  if (!Number.isInteger(period) || period < 1 || period > org.periods.length) throw new AppError('validation', `Perioden ska vara 1–${org.periods.length}.`, 'period');
  return invoicePeriod(year, period, org.periods);
}

async function closedSet(trx: Trx, organisationId: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('invoice_period').select(['year', 'period']).where('organisation_id', '=', organisationId).where('closed_at', 'is not', null).execute();
  return new Set(rows.map((r) => `${r.year}-${r.period}`));
}

/**
 * Where time or a direct cost dated `date` is counted: its own period, or
 * when that period is closed, the first day of the next open one. Used by
 * the case pages when time and costs are recorded.
 */
export async function bookingOf(trx: Trx, organisationId: string, date: string): Promise<Booking & { notice: string | null }> {
  const org = await loadMoneyOrganisation(trx, organisationId);
  const closed = await closedSet(trx, organisationId);
  const booking = bookingFor(date, (y, p) => closed.has(`${y}-${p}`), org.periods);
  const notice = booking.movedFrom
    ? `Period ${booking.movedFrom.period} ${booking.movedFrom.year} är stängd för fakturering. Posten räknas i stället i perioden från ${booking.bookedOn}.`
    : null;
  return { ...booking, notice };
}

/** The outcome recorded for the months of a period, in öre. */
async function periodOutcomeOre(trx: Trx, org: MoneyOrganisation, p: InvoicePeriod): Promise<number> {
  const months = new Set(monthsOf(p));
  return (await repo.outcomeOf(trx, org.id, p.year)).filter((o) => months.has(o.month)).reduce((a, o) => a + o.amountOre, 0);
}

export class MissingPopulationError extends AppError {
  constructor(
    readonly year: number,
    readonly missing: { code: string; name: string }[],
  ) {
    super('validation', `Invånarantal för ${year} saknas för ${missing.map((m) => `${m.code} ${m.name}`).join(', ')}. Importera befolkningen först.`, 'population', { missing: missing.map((m) => `${m.code} ${m.name}`) });
  }
}

/**
 * Compute a period's invoice basis from what is recorded now. `amountOre`
 * (the CLI's --amount) overrides the period's entered amount and outcome.
 */
export async function computeBasis(trx: Trx, org: MoneyOrganisation, p: InvoicePeriod, amountOre?: number): Promise<InvoiceBasis> {
  const row = await trx.selectFrom('invoice_period').selectAll().where('organisation_id', '=', org.id).where('year', '=', p.year).where('period', '=', p.period).executeTakeFirst();
  const outcomeOre = await periodOutcomeOre(trx, org, p);
  let amountSource: InvoiceBasis['amountSource'] = 'outcome';
  let amount = outcomeOre;
  if (amountOre !== undefined) {
    amountSource = 'option';
    amount = amountOre;
  } else if (row?.amount_ore !== null && row?.amount_ore !== undefined) {
    amountSource = 'entered';
    amount = Number(row.amount_ore);
  }
  if (amount < 0) throw new AppError('validation', `Utfallet för period ${p.period} ${p.year} är negativt (${formatOre(amount)} kr); ange beloppet att fördela.`, 'amount');
  const population = await repo.populationOf(trx, org.id, p.year);
  const missing = org.members.filter((m) => !population.has(m.code));
  if (missing.length > 0) throw new MissingPopulationError(p.year, missing);
  const minutes = await repo.minutesByMunicipality(trx, org.id, p.from, p.to);
  const memberCodes = new Set(org.members.map((m) => m.code));
  const unallocatedMinutes = [...minutes.entries()].filter(([code]) => !memberCodes.has(code)).reduce((a, [, v]) => a + v, 0);
  const costs = await repo.directCostsIn(trx, org.id, p.from, p.to);
  const memberCosts = costs.filter((c) => memberCodes.has(c.municipalityCode));
  const otherCostsOre = costs.filter((c) => !memberCodes.has(c.municipalityCode)).reduce((a, c) => a + c.amountOre, 0);
  const withPeriod = org.directCosts === 'period';
  const allocation = allocateCosts({
    amountOre: amount,
    members: org.members.map((m) => ({
      code: m.code,
      name: m.name,
      population: population.get(m.code)!,
      minutes: minutes.get(m.code) ?? 0,
      directCostsOre: withPeriod ? memberCosts.filter((c) => c.municipalityCode === m.code).reduce((a, c) => a + c.amountOre, 0) : 0,
    })),
  });
  return {
    document: allocationDocument(org.name, p, allocation, unallocatedMinutes),
    amountSource,
    outcome: formatOre(outcomeOre),
    directCostMode: org.directCosts,
    directCosts: memberCosts.map((c) => ({ caseNumber: c.caseNumber, municipalityCode: c.municipalityCode, date: c.bookedOn ?? c.costDate, costDate: c.costDate, kind: c.kind, amount: formatOre(c.amountOre) })),
    otherDirectCosts: formatOre(otherCostsOre),
    timeByPopulation: allocation.timeByPopulation,
    populationYear: p.year,
    closed: null,
  };
}

/** A period's invoice basis: the frozen one when the period is closed (unless the CLI gives --amount), otherwise computed now. */
export async function getBasis(ctx: Ctx, year: number, period: number, options: { amountOre?: number } = {}): Promise<InvoiceBasis> {
  const org = await loadMoneyOrganisation(ctx.trx, organisationIdOf(ctx));
  const p = checkPeriod(org, year, period);
  if (options.amountOre === undefined) {
    const row = await ctx.trx.selectFrom('invoice_period').select(['basis']).where('organisation_id', '=', org.id).where('year', '=', year).where('period', '=', period).where('closed_at', 'is not', null).executeTakeFirst();
    if (row?.basis) return row.basis as unknown as InvoiceBasis;
  }
  return computeBasis(ctx.trx, org, p, options.amountOre);
}

export async function getOrganisationName(ctx: Ctx): Promise<string> {
  return (await loadMoneyOrganisation(ctx.trx, organisationIdOf(ctx))).name;
}

// ---------------------------------------------------------------- overview

function parseSignedSek(text: string, field: string): number {
  const compact = text.replace(/[\s\u00a0]/g, '').replace('−', '-');
  const m = /^(-)?(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!m) throw new AppError('validation', `Ange beloppet i kronor, t.ex. 412 345 eller 412 345,50 (${field}).`, field);
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -ore : ore;
}

/** Changes are guarded by the routes' `costs.manage`; here only the organisation is needed. */
function requireManage(ctx: Ctx): string {
  return organisationIdOf(ctx);
}

/** The year's money: budget and outcome by line with forecast, the periods with their amounts and status, and the reconciliation. */
export async function getOverview(ctx: Ctx, year: number) {
  const org = await loadMoneyOrganisation(ctx.trx, organisationIdOf(ctx));
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new AppError('validation', 'Ange ett år, t.ex. 2026.', 'year');
  const [budget, outcome, rows] = await Promise.all([repo.budgetOf(ctx.trx, org.id, year), repo.outcomeOf(ctx.trx, org.id, year), repo.periodRows(ctx.trx, org.id, [year])]);
  const f = followUp(year, budget, outcome);
  const today = localDateOf(ctx.now.toISOString(), TIME_ZONE);
  const periods = await Promise.all(
    yearPeriods(year, org.periods).map(async (p) => {
      const row = rows.find((r) => r.period === p.period);
      const months = new Set(monthsOf(p));
      const outcomeOre = outcome.filter((o) => months.has(o.month)).reduce((a, o) => a + o.amountOre, 0);
      const frozen = row?.basis ? (row.basis as unknown as InvoiceBasis) : null;
      const amountOre = frozen ? oreOf(frozen.document.amount) : row?.amount_ore !== null && row?.amount_ore !== undefined ? Number(row.amount_ore) : outcomeOre;
      return {
        period: p.period,
        from: p.from,
        to: p.to,
        invoicedIn: p.invoicedIn,
        outcome: formatOre(outcomeOre),
        enteredAmount: row?.amount_ore !== null && row?.amount_ore !== undefined ? formatOre(Number(row.amount_ore)) : null,
        amount: formatOre(amountOre),
        amountSource: frozen ? frozen.amountSource : row?.amount_ore !== null && row?.amount_ore !== undefined ? ('entered' as const) : ('outcome' as const),
        ended: today > p.to,
        closed: row?.closed_at ? { at: new Date(row.closed_at).toISOString(), byName: row.closed_by_name ?? '' } : null,
        invoiceTotal: frozen ? frozen.document.totals.invoiceTotal : null,
      };
    }),
  );
  const yearOutcomeOre = f.total.outcomeToDateOre;
  const periodsOre = periods.reduce((a, p) => a + oreOf(p.amount), 0);
  const fmtLine = (l: (typeof f.lines)[number]) => ({
    code: l.code,
    name: l.name,
    group: l.group,
    budget: formatOre(l.budgetOre),
    budgetToDate: formatOre(l.budgetToDateOre),
    outcomeToDate: formatOre(l.outcomeToDateOre),
    outcomeByMonth: l.outcomeByMonth.map((v) => (v === null ? null : formatOre(v))),
    forecast: formatOre(l.forecastOre),
    deviation: formatOre(l.deviationOre),
  });
  return {
    organisation: org.name,
    year,
    monthsWithOutcome: f.monthsWithOutcome,
    directCosts: org.directCosts,
    lines: f.lines.map(fmtLine),
    groups: f.groups.map((g) => ({ group: g.group, name: g.name, budget: formatOre(g.budgetOre), outcomeToDate: formatOre(g.outcomeToDateOre), forecast: formatOre(g.forecastOre), deviation: formatOre(g.deviationOre) })),
    total: {
      budget: formatOre(f.total.budgetOre),
      budgetToDate: formatOre(f.total.budgetToDateOre),
      outcomeToDate: formatOre(f.total.outcomeToDateOre),
      forecast: formatOre(f.total.forecastOre),
      deviation: formatOre(f.total.deviationOre),
    },
    periods,
    reconciliation: { yearOutcome: formatOre(yearOutcomeOre), periodsTotal: formatOre(periodsOre), difference: formatOre(yearOutcomeOre - periodsOre) },
  };
}

export async function setBudget(ctx: Ctx, year: number, lines: readonly { line: string; amountSek: string }[]) {
  const organisationId = requireManage(ctx);
  for (const l of lines) {
    if (!isBudgetLine(l.line)) throw new AppError('validation', `Okänd budgetrad: ${l.line}.`, `lines.${l.line}`);
    const amountOre = parseSignedSek(l.amountSek, `lines.${l.line}`);
    if (amountOre < 0) throw new AppError('validation', `Budgeten för ${BUDGET_LINES.find((b) => b.code === l.line)!.name} kan inte vara negativ.`, `lines.${l.line}`);
    await ctx.trx
      .insertInto('budget_line')
      .values({ organisation_id: organisationId, year, line: l.line, amount_ore: amountOre, updated_by_name: ctx.principal.displayName, updated_at: ctx.now })
      .onConflict((oc) => oc.columns(['organisation_id', 'year', 'line']).doUpdateSet({ amount_ore: amountOre, updated_by_name: ctx.principal.displayName, updated_at: ctx.now }))
      .execute();
  }
  await ctx.audit({ action: 'money.budget_updated', entityType: 'budget', entityId: null, details: { year, lines: lines.length } });
}

async function refuseClosedMonths(ctx: Ctx, org: MoneyOrganisation, entries: readonly { year: number; month: number }[]) {
  const closed = await closedSet(ctx.trx, org.id);
  for (const e of entries) {
    const p = periodOfDate(`${e.year}-${String(e.month).padStart(2, '0')}-01`, org.periods);
    if (closed.has(`${p.year}-${p.period}`)) {
      throw new AppError('conflict', `Period ${p.period} ${p.year} är stängd; utfallet för månad ${e.month} kan inte ändras. Bokför rättelsen i en öppen månad.`, 'month');
    }
  }
}

async function upsertOutcome(ctx: Ctx, organisationId: string, rows: readonly { year: number; month: number; line: string; amountOre: number }[], source: 'entered' | 'imported') {
  for (const r of rows) {
    await ctx.trx
      .insertInto('outcome_entry')
      .values({ organisation_id: organisationId, year: r.year, month: r.month, line: r.line, amount_ore: r.amountOre, source, updated_by_name: ctx.principal.displayName, updated_at: ctx.now })
      .onConflict((oc) => oc.columns(['organisation_id', 'year', 'month', 'line']).doUpdateSet({ amount_ore: r.amountOre, source, updated_by_name: ctx.principal.displayName, updated_at: ctx.now }))
      .execute();
  }
}

/** The outcome of one month by line; an empty amount removes the line's figure. */
export async function setOutcome(ctx: Ctx, year: number, month: number, lines: readonly { line: string; amountSek: string }[]) {
  const organisationId = requireManage(ctx);
  const org = await loadMoneyOrganisation(ctx.trx, organisationId);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new AppError('validation', 'Månaden ska vara 1–12.', 'month');
  await refuseClosedMonths(ctx, org, [{ year, month }]);
  const rows: { year: number; month: number; line: string; amountOre: number }[] = [];
  for (const l of lines) {
    if (!isBudgetLine(l.line)) throw new AppError('validation', `Okänd budgetrad: ${l.line}.`, `lines.${l.line}`);
    if (l.amountSek.trim() === '') {
      await ctx.trx.deleteFrom('outcome_entry').where('organisation_id', '=', organisationId).where('year', '=', year).where('month', '=', month).where('line', '=', l.line).execute();
      continue;
    }
    rows.push({ year, month, line: l.line, amountOre: parseSignedSek(l.amountSek, `lines.${l.line}`) });
  }
  await upsertOutcome(ctx, organisationId, rows, 'entered');
  await ctx.audit({ action: 'money.outcome_recorded', entityType: 'budget', entityId: null, details: { year, month, lines: lines.length } });
}

/**
 * The host municipality's ledger export (docs/money.md): every row checked
 * first, then all rows of the file replace the figures of their month and
 * line; rows of one month and line are added together. Nothing is written
 * when any row is wrong or falls in a closed period.
 */
export async function importOutcome(ctx: Ctx, csv: string): Promise<{ rows: number; months: number; total: string }> {
  const organisationId = requireManage(ctx);
  const org = await loadMoneyOrganisation(ctx.trx, organisationId);
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), delimiter, skip_empty_lines: true, trim: true, relax_column_count: false }) as Record<string, string>[];
  } catch (error) {
    // csv-parse explains in English; the user gets the line in Swedish.
    const line = (error as { lines?: number }).lines;
    throw new AppError('validation', `Filen kunde inte läsas som CSV${typeof line === 'number' ? ` (rad ${line})` : ''}: kontrollera citattecken, avgränsare och antalet kolumner.`, 'csv');
  }
  if (records.length === 0) throw new AppError('validation', 'Filen har inga rader efter rubrikraden.', 'csv');
  // A `period` column (YYYYMM or YYYY-MM) may replace year and month.
  const normalised = records.map((r) => {
    if (r.period && !r.year && !r.month) {
      const m = /^(\d{4})-?(\d{2})$/.exec(r.period.trim());
      return m ? { ...r, year: m[1]!, month: m[2]! } : { ...r, year: r.period, month: '' };
    }
    return r;
  });
  const { rows, errors } = parseLedgerRows(normalised);
  if (errors.length > 0) throw new AppError('validation', `Filen har ${errors.length} fel; inget importerades.`, 'csv', { errors: errors.slice(0, 200) });
  const summed = new Map<string, { year: number; month: number; line: string; amountOre: number }>();
  for (const r of rows) {
    const key = `${r.year}-${r.month}-${r.line}`;
    const prev = summed.get(key);
    summed.set(key, { ...r, amountOre: (prev?.amountOre ?? 0) + r.amountOre });
  }
  const values = [...summed.values()];
  await refuseClosedMonths(ctx, org, values);
  await upsertOutcome(ctx, organisationId, values, 'imported');
  const months = new Set(values.map((v) => `${v.year}-${v.month}`)).size;
  const total = values.reduce((a, v) => a + v.amountOre, 0);
  await ctx.audit({ action: 'money.outcome_imported', entityType: 'budget', entityId: null, details: { rows: rows.length, months, totalOre: total } });
  return { rows: rows.length, months, total: formatOre(total) };
}

export async function setPeriodAmount(ctx: Ctx, year: number, period: number, amountSek: string | null) {
  const organisationId = requireManage(ctx);
  const org = await loadMoneyOrganisation(ctx.trx, organisationId);
  checkPeriod(org, year, period);
  const row = await ctx.trx.selectFrom('invoice_period').select(['closed_at']).where('organisation_id', '=', organisationId).where('year', '=', year).where('period', '=', period).executeTakeFirst();
  if (row?.closed_at) throw new AppError('conflict', `Period ${period} ${year} är stängd; beloppet kan inte ändras.`, 'amountSek');
  let amountOre: number | null = null;
  if (amountSek !== null && amountSek.trim() !== '') {
    amountOre = parseSignedSek(amountSek, 'amountSek');
    if (amountOre < 0) throw new AppError('validation', 'Beloppet att fördela kan inte vara negativt.', 'amountSek');
  }
  await ctx.trx
    .insertInto('invoice_period')
    .values({ organisation_id: organisationId, year, period, amount_ore: amountOre, amount_set_by_name: ctx.principal.displayName })
    .onConflict((oc) => oc.columns(['organisation_id', 'year', 'period']).doUpdateSet({ amount_ore: amountOre, amount_set_by_name: ctx.principal.displayName }))
    .execute();
  await ctx.audit({ action: 'money.period_amount_set', entityType: 'invoice_period', entityId: `${year}-${period}`, details: { year, period, amountOre } });
}

/**
 * Close a period: only after its last day, and only after the year's earlier
 * periods. Its invoice basis is computed now and frozen; from then on time and
 * costs dated in it are booked into the next open period, and its months'
 * outcome and its amount cannot change.
 */
export async function closePeriod(ctx: Ctx, year: number, period: number): Promise<InvoiceBasis> {
  const organisationId = requireManage(ctx);
  const org = await loadMoneyOrganisation(ctx.trx, organisationId);
  const p = checkPeriod(org, year, period);
  // One closing at a time per organisation.
  await ctx.trx.selectFrom('organisation').select('id').where('id', '=', organisationId).forUpdate().execute();
  const rows = await repo.periodRows(ctx.trx, organisationId, [year]);
  if (rows.find((r) => r.period === period)?.closed_at) throw new AppError('conflict', `Period ${period} ${year} är redan stängd.`, 'period');
  const today = localDateOf(ctx.now.toISOString(), TIME_ZONE);
  if (today <= p.to) throw new AppError('conflict', `Period ${period} ${year} pågår till och med ${p.to} och kan stängas tidigast dagen efter.`, 'period');
  for (let earlier = 1; earlier < period; earlier++) {
    if (!rows.find((r) => r.period === earlier)?.closed_at) throw new AppError('conflict', `Stäng period ${earlier} ${year} först; perioderna stängs i tur och ordning.`, 'period');
  }
  const basis = await computeBasis(ctx.trx, org, p);
  const closedAt = ctx.now;
  const frozen: InvoiceBasis = { ...basis, closed: { at: closedAt.toISOString(), byName: ctx.principal.displayName } };
  const userId = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
  const json = JSON.stringify(frozen);
  await ctx.trx
    .insertInto('invoice_period')
    .values({ organisation_id: organisationId, year, period, amount_ore: null, closed_at: closedAt, closed_by: userId, closed_by_name: ctx.principal.displayName, basis: json })
    .onConflict((oc) => oc.columns(['organisation_id', 'year', 'period']).doUpdateSet({ closed_at: closedAt, closed_by: userId, closed_by_name: ctx.principal.displayName, basis: json }))
    .execute();
  await ctx.audit({
    action: 'money.period_closed',
    entityType: 'invoice_period',
    entityId: `${year}-${period}`,
    details: { year, period, amount: frozen.document.amount, invoiceTotal: frozen.document.totals.invoiceTotal } as { [key: string]: JsonValue },
  });
  return frozen;
}

export async function setDirectCostMode(ctx: Ctx, mode: DirectCostMode) {
  const organisationId = requireManage(ctx);
  const org = await loadMoneyOrganisation(ctx.trx, organisationId);
  const money = { ...((org.settings.money as Record<string, unknown> | undefined) ?? {}), directCosts: mode };
  await ctx.trx.updateTable('organisation').set({ settings: JSON.stringify({ ...org.settings, money }) }).where('id', '=', organisationId).execute();
  await ctx.audit({ action: 'money.settings_updated', entityType: 'organisation', entityId: organisationId, details: { directCosts: mode } });
}

/** The monthly invoice basis of direct costs (when the organisation invoices them monthly), per member, case by case. */
export async function monthlyDirectCosts(ctx: Ctx, year: number, month: number) {
  const org = await loadMoneyOrganisation(ctx.trx, organisationIdOf(ctx));
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new AppError('validation', 'Månaden ska vara 1–12.', 'month');
  const mm = String(month).padStart(2, '0');
  const from = `${year}-${mm}-01`;
  const to = `${year}-${mm}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  const costs = await repo.directCostsIn(ctx.trx, org.id, from, to);
  const memberCodes = new Set(org.members.map((m) => m.code));
  return {
    organisation: org.name,
    year,
    month,
    from,
    to,
    mode: org.directCosts,
    municipalities: org.members.map((m) => {
      const own = costs.filter((c) => c.municipalityCode === m.code);
      return {
        code: m.code,
        name: m.name,
        total: formatOre(own.reduce((a, c) => a + c.amountOre, 0)),
        costs: own.map((c) => ({ caseNumber: c.caseNumber, date: c.bookedOn ?? c.costDate, costDate: c.costDate, kind: c.kind, amount: formatOre(c.amountOre) })),
      };
    }),
    otherDirectCosts: formatOre(costs.filter((c) => !memberCodes.has(c.municipalityCode)).reduce((a, c) => a + c.amountOre, 0)),
  };
}
