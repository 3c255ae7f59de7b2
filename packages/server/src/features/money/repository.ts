import { startOfDay, addDays } from '@jourbok/domain';
import { sql } from 'kysely';
import type { Trx } from '../../app/context.ts';

const TIME_ZONE = 'Europe/Stockholm';

/**
 * Minutes per kommunkod inside a period (YYYY-MM-DD, both days included):
 * time entries on the day they were recorded for (or the day they were booked
 * on, when their own period was closed), and the minutes an imported case
 * brought on the day it was received (Swedish time).
 */
export async function minutesByMunicipality(trx: Trx, organisationId: string, from: string, to: string): Promise<Map<string, number>> {
  const starts = startOfDay(from, TIME_ZONE).toInstant().toString();
  const ends = startOfDay(addDays(to, 1), TIME_ZONE).toInstant().toString();
  const result = await sql<{ municipality_code: string; minutes: number }>`
    select municipality_code, sum(minutes)::integer as minutes from (
      select c.municipality_code, t.minutes
      from time_entry t join jour_case c on c.id = t.case_id
      where c.organisation_id = ${organisationId}::uuid
        and coalesce(t.booked_on, t.work_date) between ${from}::date and ${to}::date
      union all
      select c.municipality_code, c.minutes_imported as minutes
      from jour_case c
      where c.organisation_id = ${organisationId}::uuid and c.is_imported and c.minutes_imported > 0
        and c.received_at >= ${starts}::timestamptz and c.received_at < ${ends}::timestamptz
    ) m group by municipality_code`.execute(trx);
  return new Map(result.rows.map((r) => [r.municipality_code.trim(), Number(r.minutes)]));
}

export interface DirectCostRow {
  id: string;
  caseNumber: string;
  municipalityCode: string;
  costDate: string;
  bookedOn: string | null;
  kind: string;
  amountOre: number;
}

/** Direct costs counted in a period: by cost date, or the booked day when moved out of a closed period. No personal data: the case number only. */
export async function directCostsIn(trx: Trx, organisationId: string, from: string, to: string): Promise<DirectCostRow[]> {
  const rows = await trx
    .selectFrom('direct_cost as d')
    .innerJoin('jour_case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'c.case_number', 'c.municipality_code', 'd.cost_date', 'd.booked_on', 'd.kind', 'd.amount_ore'])
    .where('c.organisation_id', '=', organisationId)
    .where(sql<boolean>`coalesce(d.booked_on, d.cost_date) between ${from}::date and ${to}::date`)
    .orderBy(sql`coalesce(d.booked_on, d.cost_date)`)
    .orderBy('c.case_number')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ id: r.id, caseNumber: r.case_number, municipalityCode: r.municipality_code.trim(), costDate: r.cost_date, bookedOn: r.booked_on, kind: r.kind, amountOre: Number(r.amount_ore) }));
}

export async function populationOf(trx: Trx, organisationId: string, year: number): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('population').select(['municipality_code', 'population']).where('organisation_id', '=', organisationId).where('year', '=', year).execute();
  return new Map(rows.map((r) => [r.municipality_code.trim(), r.population]));
}

export async function outcomeOf(trx: Trx, organisationId: string, year: number) {
  const rows = await trx.selectFrom('outcome_entry').select(['month', 'line', 'amount_ore', 'source']).where('organisation_id', '=', organisationId).where('year', '=', year).execute();
  return rows.map((r) => ({ month: r.month, line: r.line, amountOre: Number(r.amount_ore), source: r.source }));
}

export async function budgetOf(trx: Trx, organisationId: string, year: number): Promise<Record<string, number>> {
  const rows = await trx.selectFrom('budget_line').select(['line', 'amount_ore']).where('organisation_id', '=', organisationId).where('year', '=', year).execute();
  return Object.fromEntries(rows.map((r) => [r.line, Number(r.amount_ore)]));
}

export async function periodRows(trx: Trx, organisationId: string, years: readonly number[]) {
  if (years.length === 0) return [];
  return trx.selectFrom('invoice_period').selectAll().where('organisation_id', '=', organisationId).where('year', 'in', years).execute();
}
