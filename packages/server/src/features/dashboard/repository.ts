import { sql } from 'kysely';
import type { Trx } from '../../app/context.ts';

/**
 * The dashboard's aggregates, each one SQL query over the cases (registered
 * and imported alike). Local dates and hours are Europe/Stockholm; a night of
 * the shift runs from 08:00 to 08:00, so a case at 01:30 belongs to the night
 * that began the evening before.
 */
export interface Range {
  /** instants, start inclusive, end exclusive */
  starts: string;
  ends: string;
}

const TZ = 'Europe/Stockholm';
const nightOf = sql`(((c.received_at at time zone ${TZ}) - interval '8 hours')::date)`;
const n = (v: unknown) => Number(v ?? 0);

export async function totals(trx: Trx, organisationId: string, range: Range, youthCategory: string) {
  const { rows } = await sql<{ cases: number; youth: number; closed: number; handed_over: number; open: number }>`
    select count(*)::integer as cases,
      (count(*) filter (where c.category_code = ${youthCategory}))::integer as youth,
      (count(*) filter (where c.status = 'closed'))::integer as closed,
      (count(*) filter (where c.status = 'handed_over'))::integer as handed_over,
      (count(*) filter (where c.status = 'open'))::integer as open
    from jour_case c
    where c.organisation_id = ${organisationId}::uuid and c.received_at >= ${range.starts}::timestamptz and c.received_at < ${range.ends}::timestamptz`.execute(trx);
  const r = rows[0]!;
  return { cases: n(r.cases), youthCases: n(r.youth), closedAtJour: n(r.closed), handedOver: n(r.handed_over), open: n(r.open) };
}

/** Cases per night for every night from `first` to `last` (local dates of the evening), zeros included. */
export async function perNight(trx: Trx, organisationId: string, first: string, last: string) {
  const { rows } = await sql<{ night: string; cases: number }>`
    with nights(night) as (select d::date from generate_series(${first}::date, ${last}::date, interval '1 day') d),
    counted as (
      select ${nightOf} as night, count(*)::integer as cases
      from jour_case c
      where c.organisation_id = ${organisationId}::uuid
        and c.received_at >= (${first}::date + time '08:00') at time zone ${TZ}
        and c.received_at < ((${last}::date + 1) + time '08:00') at time zone ${TZ}
      group by 1
    )
    select to_char(nights.night, 'YYYY-MM-DD') as night, coalesce(counted.cases, 0)::integer as cases
    from nights left join counted on counted.night = nights.night
    order by nights.night`.execute(trx);
  return rows.map((r) => ({ night: r.night, cases: n(r.cases) }));
}

/** Nights and cases per weekday of the night's evening (ISO: 1 Monday … 7 Sunday) for the nights of a date range. */
export async function perWeekday(trx: Trx, organisationId: string, first: string, last: string) {
  const { rows } = await sql<{ weekday: number; nights: number; cases: number }>`
    with nights(night) as (select d::date from generate_series(${first}::date, ${last}::date, interval '1 day') d),
    counted as (
      select ${nightOf} as night, count(*)::integer as cases
      from jour_case c
      where c.organisation_id = ${organisationId}::uuid
        and c.received_at >= (${first}::date + time '08:00') at time zone ${TZ}
        and c.received_at < ((${last}::date + 1) + time '08:00') at time zone ${TZ}
      group by 1
    )
    select extract(isodow from nights.night)::integer as weekday, count(*)::integer as nights, coalesce(sum(counted.cases), 0)::integer as cases
    from nights left join counted on counted.night = nights.night
    group by 1 order by 1`.execute(trx);
  return rows.map((r) => ({ weekday: n(r.weekday), nights: n(r.nights), cases: n(r.cases) }));
}

export async function perHour(trx: Trx, organisationId: string, range: Range) {
  const { rows } = await sql<{ hour: number; cases: number }>`
    select h.hour, coalesce(k.cases, 0)::integer as cases
    from generate_series(0, 23) as h(hour)
    left join (
      select extract(hour from c.received_at at time zone ${TZ})::integer as hour, count(*)::integer as cases
      from jour_case c
      where c.organisation_id = ${organisationId}::uuid and c.received_at >= ${range.starts}::timestamptz and c.received_at < ${range.ends}::timestamptz
      group by 1
    ) k on k.hour = h.hour
    order by h.hour`.execute(trx);
  return rows.map((r) => ({ hour: n(r.hour), cases: n(r.cases) }));
}

/** Every category of the organisation in its order, with its cases. */
export async function byCategory(trx: Trx, organisationId: string, range: Range) {
  const { rows } = await sql<{ code: string; name: string; cases: number }>`
    select k.code, k.name, count(c.id)::integer as cases
    from category k
    left join jour_case c on c.organisation_id = k.organisation_id and c.category_code = k.code
      and c.received_at >= ${range.starts}::timestamptz and c.received_at < ${range.ends}::timestamptz
    where k.organisation_id = ${organisationId}::uuid
    group by k.code, k.name, k.sort_order
    order by k.sort_order, k.code`.execute(trx);
  return rows.map((r) => ({ code: r.code, name: r.name, cases: n(r.cases) }));
}

/** Cases per member (by kommunkod), and every other municipality's together as `other`. */
export async function byMunicipality(trx: Trx, organisationId: string, range: Range) {
  const { rows } = await sql<{ code: string; cases: number }>`
    select coalesce(m.code, 'other') as code, count(*)::integer as cases
    from jour_case c
    left join municipality m on m.organisation_id = c.organisation_id and m.code = c.municipality_code and m.is_member
    where c.organisation_id = ${organisationId}::uuid and c.received_at >= ${range.starts}::timestamptz and c.received_at < ${range.ends}::timestamptz
    group by 1`.execute(trx);
  return new Map(rows.map((r) => [r.code, n(r.cases)]));
}

/** Every month from `firstMonth` (YYYY-MM-01) to `lastMonth`: cases, children's cases, closed at the jour. */
export async function trend(trx: Trx, organisationId: string, range: Range, firstMonth: string, lastMonth: string, youthCategory: string) {
  const { rows } = await sql<{ month: string; cases: number; youth: number; closed: number }>`
    with months(month) as (select d::date from generate_series(${firstMonth}::date, ${lastMonth}::date, interval '1 month') d),
    counted as (
      select date_trunc('month', c.received_at at time zone ${TZ})::date as month,
        count(*)::integer as cases,
        (count(*) filter (where c.category_code = ${youthCategory}))::integer as youth,
        (count(*) filter (where c.status = 'closed'))::integer as closed
      from jour_case c
      where c.organisation_id = ${organisationId}::uuid and c.received_at >= ${range.starts}::timestamptz and c.received_at < ${range.ends}::timestamptz
      group by 1
    )
    select to_char(months.month, 'YYYY-MM') as month, coalesce(counted.cases, 0)::integer as cases, coalesce(counted.youth, 0)::integer as youth, coalesce(counted.closed, 0)::integer as closed
    from months left join counted on counted.month = months.month
    order by months.month`.execute(trx);
  return rows.map((r) => ({ month: r.month, cases: n(r.cases), youthCases: n(r.youth), closedAtJour: n(r.closed) }));
}

/**
 * Turn-outs (journal actions `utryckning` that no correction points at) on
 * the cases of the range: how many, how many with an arrival time, the median
 * and mean minutes from call to arrival, and how many within the benchmark.
 */
export async function turnOuts(trx: Trx, organisationId: string, range: Range, benchmarkMinutes: number) {
  const { rows } = await sql<{ count: number; with_arrival: number; median: number | null; average: number | null; within: number }>`
    with t as (
      select extract(epoch from (j.arrived_at - j.called_at)) / 60.0 as minutes
      from journal_entry j
      join jour_case c on c.id = j.case_id
      where c.organisation_id = ${organisationId}::uuid and c.received_at >= ${range.starts}::timestamptz and c.received_at < ${range.ends}::timestamptz
        and j.action_type = 'utryckning' and j.kind <> 'correction'
        and not exists (select 1 from journal_entry x where x.corrects_entry_id = j.id)
    )
    select count(*)::integer as count,
      count(minutes)::integer as with_arrival,
      percentile_cont(0.5) within group (order by minutes) as median,
      avg(minutes)::float8 as average,
      (count(*) filter (where minutes <= ${benchmarkMinutes}))::integer as within
    from t`.execute(trx);
  const r = rows[0]!;
  return {
    count: n(r.count),
    withArrival: n(r.with_arrival),
    medianMinutes: r.median === null ? null : Math.round(Number(r.median)),
    averageMinutes: r.average === null ? null : Math.round(Number(r.average)),
    withinBenchmark: n(r.within),
    benchmarkMinutes,
  };
}

/** Decisions per type of the organisation (in its order) on the cases of the range: registered ones not withdrawn, and imported counts. */
export async function decisions(trx: Trx, organisationId: string, range: Range) {
  const { rows } = await sql<{ code: string; name: string; count: number }>`
    with counted(case_id, type_code, n) as (
      select d.case_id, d.type_code, 1 from decision d where d.organisation_id = ${organisationId}::uuid and d.status = 'active'
      union all
      select i.case_id, i.type_code, i.count from imported_decision i where i.organisation_id = ${organisationId}::uuid
    ),
    per_type as (
      select k.type_code, sum(k.n)::integer as count
      from counted k join jour_case c on c.id = k.case_id
      where c.received_at >= ${range.starts}::timestamptz and c.received_at < ${range.ends}::timestamptz
      group by k.type_code
    )
    select t.code, t.name, coalesce(p.count, 0)::integer as count
    from decision_type t left join per_type p on p.type_code = t.code
    where t.organisation_id = ${organisationId}::uuid
    order by t.sort_order, t.code`.execute(trx);
  return rows.map((r) => ({ code: r.code, name: r.name, count: n(r.count) }));
}

export async function members(trx: Trx, organisationId: string) {
  return trx.selectFrom('municipality').select(['code', 'name']).where('organisation_id', '=', organisationId).where('is_member', '=', true).execute();
}
