// The tertial and annual report (report.md): from counted cases to the contract JSON.
import { swedishCollator } from '../organisation/presets.ts';
import { comparisonYears, reportPeriod, type ReportKind, type Tertial } from './period.ts';

/** The code of *Annan kommun*: every case of a municipality that is not a member. */
export const OTHER_MUNICIPALITY = 'other';
export const OTHER_MUNICIPALITY_NAME = 'Annan kommun';
/** The row of youth-crime cases, right after its parent category. */
export const YOUTH_CATEGORY = 'barn_unga';
export const YOUTH_CRIME_ROW = 'barn_unga.kriminalitet';
export const YOUTH_CRIME_ROW_NAME = 'varav kriminalitet';

/** What of the organisation a report shows: members, categories and decision types in configured order. */
export interface ReportOrganisation {
  name: string;
  members: readonly { code: string; name: string }[];
  categories: readonly { code: string; name: string }[];
  decisionTypes: readonly { code: string; name: string }[];
}

/**
 * A group of cases counted together: one year (of the received date in
 * Europe/Stockholm), one kommunkod, one category, youth crime or not.
 */
export interface CaseCount {
  year: number;
  municipalityCode: string;
  categoryCode: string;
  youthCrime: boolean;
  cases: number;
  shelterRequested: number;
  shelterGranted: number;
  closedAtJour: number;
}

/** Decisions of one type on the cases of one year and kommunkod, counted one by one. */
export interface DecisionCount {
  year: number;
  municipalityCode: string;
  typeCode: string;
  count: number;
}

export interface ReportRequest {
  kind: ReportKind;
  year: number;
  /** 1–3 for a tertial report, null for a year */
  tertial: Tertial | null;
  /** a member's kommunkod, `other`, or null for the whole jour */
  municipality: string | null;
}

/** An object keyed by the three years, as strings ("2022", "2023", "2024"). */
export type ByYear = Record<string, number>;

/** The report JSON exactly as in report.md, keys in the contract's order. */
export interface StatisticsReport {
  organisation: string;
  kind: ReportKind;
  year: number;
  tertial: Tertial | null;
  from: string;
  to: string;
  municipality: string | null;
  years: [number, number, number];
  cases: ByYear;
  byMunicipality: { code: string; name: string; cases: ByYear; share: ByYear }[];
  byCategory: { code: string; name: string; cases: ByYear }[];
  decisions: { code: string; name: string; count: ByYear }[];
  shelter: { requested: ByYear; granted: ByYear; grantedShare: ByYear };
  closedAtJour: { cases: ByYear; share: ByYear };
  youthShare: ByYear;
}

/** The members in report order: by name as Swedish readers sort (å, ä, ö last). */
export function sortMembers<T extends { name: string }>(members: readonly T[]): T[] {
  return [...members].sort((a, b) => swedishCollator.compare(a.name, b.name));
}

/** Is `code` a valid `--municipality` for this organisation (a member's kommunkod or `other`)? */
export function isReportMunicipality(org: Pick<ReportOrganisation, 'members'>, code: string): boolean {
  return code === OTHER_MUNICIPALITY || org.members.some((m) => m.code === code);
}

/** The report's bucket of a kommunkod: the member's code, or `other`. */
export function municipalityBucket(memberCodes: ReadonlySet<string>, code: string): string {
  return memberCodes.has(code) ? code : OTHER_MUNICIPALITY;
}

function byYear(years: readonly number[], value: (year: number) => number): ByYear {
  const out: ByYear = {};
  for (const y of years) out[String(y)] = value(y);
  return out;
}

/** part / whole, and 0 when the whole is 0 (a share of an empty year). */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Adds `n` to `map[key][year]`. */
function add(map: Map<string, Map<number, number>>, key: string, year: number, n: number) {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  inner.set(year, (inner.get(year) ?? 0) + n);
}

const get = (map: Map<string, Map<number, number>>, key: string, year: number) => map.get(key)?.get(year) ?? 0;

/**
 * Shape the report from counted cases and decisions. Pure: the same counts
 * give the same JSON. Counts of years outside the comparison and, with a
 * municipality filter, of other municipalities are left out here too, so the
 * function is correct whatever the caller's query returned.
 */
export function shapeReport(org: ReportOrganisation, request: ReportRequest, caseCounts: readonly CaseCount[], decisionCounts: readonly DecisionCount[]): StatisticsReport {
  if (request.municipality !== null && !isReportMunicipality(org, request.municipality)) {
    throw new RangeError(`"${request.municipality}" is neither a member's kommunkod nor "${OTHER_MUNICIPALITY}"`);
  }
  const period = reportPeriod(request.kind, request.year, request.tertial);
  const years = comparisonYears(request.year);
  const yearSet = new Set(years);
  const memberCodes = new Set(org.members.map((m) => m.code));
  const inScope = (year: number, code: string) => yearSet.has(year) && (request.municipality === null || municipalityBucket(memberCodes, code) === request.municipality);

  const total = new Map<number, number>();
  const byMunicipality = new Map<string, Map<number, number>>();
  const byCategory = new Map<string, Map<number, number>>();
  const decisions = new Map<string, Map<number, number>>();
  const requested = new Map<number, number>();
  const granted = new Map<number, number>();
  const closed = new Map<number, number>();
  const inc = (m: Map<number, number>, y: number, n: number) => m.set(y, (m.get(y) ?? 0) + n);

  for (const c of caseCounts) {
    if (!inScope(c.year, c.municipalityCode)) continue;
    inc(total, c.year, c.cases);
    add(byMunicipality, municipalityBucket(memberCodes, c.municipalityCode), c.year, c.cases);
    add(byCategory, c.categoryCode, c.year, c.cases);
    if (c.youthCrime && c.categoryCode === YOUTH_CATEGORY) add(byCategory, YOUTH_CRIME_ROW, c.year, c.cases);
    inc(requested, c.year, c.shelterRequested);
    inc(granted, c.year, c.shelterGranted);
    inc(closed, c.year, c.closedAtJour);
  }
  for (const d of decisionCounts) {
    if (!inScope(d.year, d.municipalityCode)) continue;
    add(decisions, d.typeCode, d.year, d.count);
  }

  const totalOf = (y: number) => total.get(y) ?? 0;
  const rows = [...sortMembers(org.members), { code: OTHER_MUNICIPALITY, name: OTHER_MUNICIPALITY_NAME }].filter(
    (m) => request.municipality === null || m.code === request.municipality,
  );
  const categoryRows: { code: string; name: string }[] = [];
  for (const c of org.categories) {
    categoryRows.push({ code: c.code, name: c.name });
    if (c.code === YOUTH_CATEGORY) categoryRows.push({ code: YOUTH_CRIME_ROW, name: YOUTH_CRIME_ROW_NAME });
  }

  return {
    organisation: org.name,
    kind: request.kind,
    year: request.year,
    tertial: request.kind === 'tertial' ? request.tertial : null,
    from: period.from,
    to: period.to,
    municipality: request.municipality,
    years,
    cases: byYear(years, totalOf),
    byMunicipality: rows.map((m) => ({
      code: m.code,
      name: m.name,
      cases: byYear(years, (y) => get(byMunicipality, m.code, y)),
      share: byYear(years, (y) => shareOf(get(byMunicipality, m.code, y), totalOf(y))),
    })),
    byCategory: categoryRows.map((c) => ({ code: c.code, name: c.name, cases: byYear(years, (y) => get(byCategory, c.code, y)) })),
    decisions: org.decisionTypes.map((t) => ({ code: t.code, name: t.name, count: byYear(years, (y) => get(decisions, t.code, y)) })),
    shelter: {
      requested: byYear(years, (y) => requested.get(y) ?? 0),
      granted: byYear(years, (y) => granted.get(y) ?? 0),
      grantedShare: byYear(years, (y) => shareOf(granted.get(y) ?? 0, requested.get(y) ?? 0)),
    },
    closedAtJour: {
      cases: byYear(years, (y) => closed.get(y) ?? 0),
      share: byYear(years, (y) => shareOf(closed.get(y) ?? 0, totalOf(y))),
    },
    youthShare: byYear(years, (y) => shareOf(get(byCategory, YOUTH_CATEGORY, y), totalOf(y))),
  };
}
