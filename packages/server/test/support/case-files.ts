/**
 * Case import files made in the test, and the report figures they must give,
 * worked out here on their own (Intl for the Swedish date, plain loops for the
 * counts) so that the test does not check the code with itself.
 */

export const caseColumns = ['external_id', 'received_at', 'municipality', 'category', 'youth_crime', 'source', 'minutes', 'closed_at_jour', 'shelter_requested', 'shelter_granted', 'decisions'] as const;
export type CaseFileRow = Record<(typeof caseColumns)[number], string>;

/** Nordost's members in report order (Swedish: Österåker last), and its categories and decision types in configured order. */
export const nordostMembers: [string, string][] = [
  ['0162', 'Danderyd'],
  ['0186', 'Lidingö'],
  ['0188', 'Norrtälje'],
  ['0160', 'Täby'],
  ['0115', 'Vallentuna'],
  ['0187', 'Vaxholm'],
  ['0117', 'Österåker'],
];
export const nordostCategories: [string, string][] = [
  ['barn_unga', 'Barn och ungdom'],
  ['boende', 'Boende'],
  ['vald_nara_relation', 'Våld i nära relation'],
  ['aldre', 'Äldre'],
  ['vuxna_missbruk_psyk', 'Vuxna missbruk/psyk'],
  ['funktionsnedsattning', 'Funktionsnedsättning'],
  ['ekonomiskt_bistand', 'Ekonomiskt bistånd'],
  ['upplysning', 'Upplysning och rådgivning'],
  ['ovrigt', 'Övrigt'],
];
export const nordostDecisionTypes: [string, string][] = [
  ['LVU43', 'Handräckning 43 § LVU'],
  ['LVU6', 'Omedelbart omhändertagande 6 § LVU'],
  ['LVM13', 'Omedelbart omhändertagande 13 § LVM'],
  ['SKYDDAT_BOENDE', 'Placering av barn i skyddat boende'],
  ['SOL_PLACERING', 'Placering med stöd av socialtjänstlagen'],
  ['EKONOMISKT_BISTAND', 'Akut ekonomiskt bistånd'],
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The Swedish calendar date of an instant, by Intl (not by the code under test). */
function stockholmDate(epochMs: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(epochMs));
}

function stockholmWallClock(epochMs: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function utcWallClock(epochMs: number, sep: string): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${sep}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The local date a row's received_at stands for. */
export function localDateOfRow(receivedAt: string): string {
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(receivedAt)) return receivedAt.slice(0, 10);
  return stockholmDate(Date.parse(receivedAt));
}

/** Rows on the edges of T1 2024 and of the year, in every time format. */
const edgeTimes = [
  '2024-01-01 00:00', // first minute of T1 2024
  '2024-04-30 23:59', // last minute of T1 2024
  '2024-05-01 00:00', // T2
  '2023-12-31 23:59', // 2023
  '2023-12-31T23:30:00Z', // 00:30 on 1 January 2024 in Stockholm: T1 2024
  '2024-04-30T22:30:00Z', // 00:30 on 1 May in Stockholm (summer time): T2
  '2024-04-30T21:30:00Z', // 23:30 on 30 April in Stockholm: T1
  '2024-03-31 02:30', // does not exist (spring forward): 03:30, still 31 March
  '2022-04-30T23:59:00+02:00',
  '2023-01-01T00:10:00+01:00',
];

/** Deterministic rows: `n` cases from late 2021 to 2024 plus the edge rows; ids start with `prefix`. */
export function generateCaseRows(n: number, seed: number, prefix: string): CaseFileRow[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const municipalities = ['0162', '0186', '0188', '0160', '0115', '0187', '0117', '0184', '0180', '2480', '0160', '0188'];
  const categories = nordostCategories.map(([c]) => c).concat(['barn_unga', 'barn_unga', 'boende']);
  const decisionLists = ['', '', '', '', 'LVU43', 'LVU43|LVU43', 'LVU6', 'LVM13|SOL_PLACERING', 'EKONOMISKT_BISTAND', 'SKYDDAT_BOENDE|LVU43'];
  const sources = ['', 'polis', 'sos_112', 'sjukvard', 'ambulans', 'kommun', 'enskild', 'annan_jour', 'ovrig'];
  const from = Date.parse('2021-12-20T00:00:00Z');
  const to = Date.parse('2024-12-31T12:00:00Z');
  const rows: CaseFileRow[] = [];
  const total = n + edgeTimes.length;
  for (let i = 0; i < total; i++) {
    const at = Math.floor((from + next() * (to - from)) / 60_000) * 60_000;
    const format = i % 3;
    const receivedAt = i >= n ? edgeTimes[i - n]! : format === 0 ? stockholmWallClock(at) : format === 1 ? `${utcWallClock(at, 'T')}:00Z` : `${utcWallClock(at + 3_600_000, 'T')}:00+01:00`;
    const category = pick(categories);
    const requested = category === 'boende' ? next() < 0.8 : next() < 0.05;
    rows.push({
      external_id: `${prefix}${i}`,
      received_at: receivedAt,
      municipality: pick(municipalities),
      category,
      youth_crime: category === 'barn_unga' ? pick(['1', '0', '', '0']) : pick(['0', '']),
      source: pick(sources),
      minutes: pick(['', '0', String(Math.floor(next() * 300))]),
      closed_at_jour: pick(['1', '0', '', '0']),
      shelter_requested: requested ? '1' : pick(['0', '']),
      shelter_granted: requested && next() < 0.45 ? '1' : pick(['0', '']),
      decisions: pick(decisionLists),
    });
  }
  return rows;
}

function field(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface CsvOptions {
  delimiter?: ',' | ';';
  bom?: boolean;
  /** column order (default: the contract's), extra header names allowed for bad files */
  columns?: readonly string[];
  crlf?: boolean;
  /** quote every field, as some exports do */
  quoteAll?: boolean;
}

export function caseCsv(rows: readonly Record<string, string>[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const columns = options.columns ?? caseColumns;
  const eol = options.crlf ? '\r\n' : '\n';
  const quote = (v: string) => (options.quoteAll ? `"${v.replaceAll('"', '""')}"` : field(v, delimiter));
  const lines = [columns.map(quote).join(delimiter), ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(delimiter))];
  return (options.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}

type ByYear = Record<string, number>;

/** The report.md JSON the rows must give, worked out independently. */
export function expectedReport(rows: readonly CaseFileRow[], request: { kind: 'tertial' | 'year'; year: number; tertial: 1 | 2 | 3 | null; municipality: string | null }) {
  const years = [request.year - 2, request.year - 1, request.year];
  const months = request.kind === 'year' ? [1, 12] : request.tertial === 1 ? [1, 4] : request.tertial === 2 ? [5, 8] : [9, 12];
  const memberCodes = new Set(nordostMembers.map(([c]) => c));
  const bucket = (code: string) => (memberCodes.has(code) ? code : 'other');
  const zero = (): ByYear => Object.fromEntries(years.map((y) => [String(y), 0]));
  const inc = (o: ByYear, y: number, n = 1) => (o[String(y)] = (o[String(y)] ?? 0) + n);
  const total = zero();
  const byMunicipality = new Map<string, ByYear>([...nordostMembers.map(([c]) => [c, zero()] as [string, ByYear]), ['other', zero()]]);
  const byCategory = new Map<string, ByYear>([...nordostCategories.map(([c]) => [c, zero()] as [string, ByYear]), ['barn_unga.kriminalitet', zero()]]);
  const decisions = new Map<string, ByYear>(nordostDecisionTypes.map(([c]) => [c, zero()]));
  const requested = zero();
  const granted = zero();
  const closed = zero();
  for (const row of rows) {
    const date = localDateOfRow(row.received_at);
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    if (!years.includes(year) || month < months[0]! || month > months[1]!) continue;
    if (request.municipality !== null && bucket(row.municipality) !== request.municipality) continue;
    inc(total, year);
    inc(byMunicipality.get(bucket(row.municipality))!, year);
    inc(byCategory.get(row.category)!, year);
    if (row.youth_crime === '1') inc(byCategory.get('barn_unga.kriminalitet')!, year);
    for (const code of row.decisions === '' ? [] : row.decisions.split('|')) inc(decisions.get(code)!, year);
    if (row.shelter_requested === '1') inc(requested, year);
    if (row.shelter_granted === '1') inc(granted, year);
    if (row.closed_at_jour === '1') inc(closed, year);
  }
  const share = (part: ByYear, whole: ByYear): ByYear => Object.fromEntries(years.map((y) => [String(y), whole[String(y)] === 0 ? 0 : part[String(y)]! / whole[String(y)]!]));
  const categoryRows: { code: string; name: string; cases: ByYear }[] = [];
  for (const [code, name] of nordostCategories) {
    categoryRows.push({ code, name, cases: byCategory.get(code)! });
    if (code === 'barn_unga') categoryRows.push({ code: 'barn_unga.kriminalitet', name: 'varav kriminalitet', cases: byCategory.get('barn_unga.kriminalitet')! });
  }
  const period = request.kind === 'year' ? ['01-01', '12-31'] : request.tertial === 1 ? ['01-01', '04-30'] : request.tertial === 2 ? ['05-01', '08-31'] : ['09-01', '12-31'];
  return {
    organisation: 'Socialjouren Nordost',
    kind: request.kind,
    year: request.year,
    tertial: request.tertial,
    from: `${request.year}-${period[0]}`,
    to: `${request.year}-${period[1]}`,
    municipality: request.municipality,
    years,
    cases: total,
    byMunicipality: [...nordostMembers, ['other', 'Annan kommun'] as [string, string]]
      .filter(([code]) => request.municipality === null || code === request.municipality)
      .map(([code, name]) => ({ code, name, cases: byMunicipality.get(code)!, share: share(byMunicipality.get(code)!, total) })),
    byCategory: categoryRows,
    decisions: nordostDecisionTypes.map(([code, name]) => ({ code, name, count: decisions.get(code)! })),
    shelter: { requested, granted, grantedShare: share(granted, requested) },
    closedAtJour: { cases: closed, share: share(closed, total) },
    youthShare: share(byCategory.get('barn_unga')!, total),
  };
}
