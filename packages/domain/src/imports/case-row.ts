// One row of the case import file (import-cases.md): checked, and turned into a case to store.
import { zonedDateTime } from '../calendar/time.ts';
import { isValidKommunkod } from '../organisation/presets.ts';
import type { ColumnSpec } from './header.ts';
import type { ImportProblem } from './problems.ts';

export const caseImportColumns: readonly ColumnSpec[] = [
  { name: 'external_id', required: true },
  { name: 'received_at', required: true },
  { name: 'municipality', required: true },
  { name: 'category', required: true },
  { name: 'youth_crime', required: false },
  { name: 'source', required: false },
  { name: 'minutes', required: false },
  { name: 'closed_at_jour', required: false },
  { name: 'shelter_requested', required: false },
  { name: 'shelter_granted', required: false },
  { name: 'decisions', required: false },
];

export const importSources = ['polis', 'sos_112', 'sjukvard', 'ambulans', 'kommun', 'enskild', 'annan_jour', 'ovrig'] as const;
export type ImportSource = (typeof importSources)[number];

export const EXTERNAL_ID_MAX_LENGTH = 100;
/** Staff time on one case: more than ten weeks of minutes is a typing error. */
export const MINUTES_MAX = 100_000;

/** What a row is checked against: the organisation's configuration and the time now. */
export interface CaseImportConfig {
  memberCodes: ReadonlySet<string>;
  categoryCodes: ReadonlySet<string>;
  decisionCodes: ReadonlySet<string>;
  timeZone: string;
  /** rows received after this instant (epoch milliseconds) are refused */
  now: number;
}

/** A case ready to store. */
export interface ImportedCase {
  externalId: string;
  /** the instant, as RFC 3339 in UTC (`2024-02-03T20:15:00.000Z`) */
  receivedAt: string;
  municipalityCode: string;
  isMember: boolean;
  categoryCode: string;
  youthCrime: boolean;
  source: ImportSource;
  minutes: number;
  closedAtJour: boolean;
  shelterRequested: boolean;
  shelterGranted: boolean;
  /** decision code → how many, in the order first seen */
  decisions: Record<string, number>;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** UTC offset (minutes) of a local date when it is the same all day; null on a day the clocks change. Memoised. */
const dayOffsets = new Map<string, number | null>();
function dayOffset(date: string, timeZone: string): number | null {
  const key = `${timeZone} ${date}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = zonedDateTime(date, '00:00', timeZone).offsetNanoseconds;
    const last = zonedDateTime(date, '23:59', timeZone).offsetNanoseconds;
    offset = first === last ? first / 60e9 : null;
    dayOffsets.set(key, offset);
  }
  return offset;
}

/**
 * `YYYY-MM-DD HH:MM` in `timeZone` (wall-clock time; a time in the spring
 * gap moves forward, a repeated autumn time takes its first occurrence, as
 * Temporal's `compatible`), or RFC 3339 with an offset. Seconds are allowed
 * (Excel may add them). Returns the instant in epoch milliseconds, or null
 * when the text is not a valid time. Fast (a file may have a million rows):
 * Temporal is asked once per date, and for each time only on the two days a
 * year the clocks change.
 */
export function parseReceivedAt(value: string, timeZone: string): number | null {
  const local = LOCAL_TIME.exec(value);
  if (local) {
    const [y, mo, d, h, mi, se] = local.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as number[];
    if (!isCalendarDate(y!, mo!, d!) || h! > 23 || mi! > 59 || se! > 59) return null;
    const date = value.slice(0, 10);
    const offset = dayOffset(date, timeZone);
    if (offset === null) return zonedDateTime(date, value.slice(11, 16), timeZone).epochMilliseconds + se! * 1000;
    return Date.UTC(y!, mo! - 1, d!, h!, mi!, se!) - offset * 60_000;
  }
  const rfc = RFC3339.exec(value);
  if (!rfc) return null;
  const [y, mo, d, h, mi, se] = rfc.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v))) as number[];
  if (!isCalendarDate(y!, mo!, d!) || h! > 23 || mi! > 59 || se! > 59) return null;
  const fraction = Number(`0.${rfc[7] ?? '0'}`);
  const offset = rfc[8] ? 0 : (rfc[9] === '-' ? -1 : 1) * (Number(rfc[10]) * 60 + Number(rfc[11]));
  if (!rfc[8] && (Number(rfc[10]) > 23 || Number(rfc[11]) > 59)) return null;
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, se!) + Math.floor(fraction * 1000) - offset * 60_000;
}

function flag(value: string): boolean | null {
  if (value === '' || value === '0') return false;
  if (value === '1') return true;
  return null;
}

/**
 * Check one row. `get(column)` returns the trimmed cell ('' when the column
 * is absent or empty). Returns the case, or every problem of the row.
 */
export function checkCaseRow(get: (column: string) => string, line: number, config: CaseImportConfig): { row: ImportedCase | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (column: string, value: string, code: ImportProblem['code'], detail?: string) => {
    problems.push({ line, column, value, code, ...(detail !== undefined ? { detail } : {}) });
  };

  const externalId = get('external_id');
  if (externalId === '') problem('external_id', externalId, 'required');
  else if (externalId.length > EXTERNAL_ID_MAX_LENGTH) problem('external_id', externalId, 'too_long', String(EXTERNAL_ID_MAX_LENGTH));

  const receivedText = get('received_at');
  let receivedAt: number | null = null;
  if (receivedText === '') problem('received_at', receivedText, 'required');
  else {
    receivedAt = parseReceivedAt(receivedText, config.timeZone);
    if (receivedAt === null) problem('received_at', receivedText, 'invalid_time');
    else if (receivedAt > config.now) problem('received_at', receivedText, 'future_time');
  }

  const municipality = get('municipality');
  if (municipality === '') problem('municipality', municipality, 'required');
  else if (!isValidKommunkod(municipality)) problem('municipality', municipality, 'invalid_kommunkod');

  const category = get('category');
  if (category === '') problem('category', category, 'required');
  else if (!config.categoryCodes.has(category)) problem('category', category, 'unknown_category', [...config.categoryCodes].join(', '));

  const flags = {} as Record<'youth_crime' | 'closed_at_jour' | 'shelter_requested' | 'shelter_granted', boolean>;
  for (const column of ['youth_crime', 'closed_at_jour', 'shelter_requested', 'shelter_granted'] as const) {
    const value = get(column);
    const parsed = flag(value);
    if (parsed === null) problem(column, value, 'invalid_flag');
    flags[column] = parsed ?? false;
  }
  if (flags.youth_crime && category !== 'barn_unga') problem('youth_crime', get('youth_crime'), 'youth_crime_category');
  if (flags.shelter_granted && !flags.shelter_requested && flag(get('shelter_requested')) !== null) problem('shelter_granted', get('shelter_granted'), 'granted_without_request');

  const sourceText = get('source');
  const source = (sourceText === '' ? 'ovrig' : sourceText) as ImportSource;
  if (!(importSources as readonly string[]).includes(source)) problem('source', sourceText, 'unknown_source', importSources.join(', '));

  const minutesText = get('minutes');
  const minutes = minutesText === '' ? 0 : /^\d{1,9}$/.test(minutesText) ? Number(minutesText) : NaN;
  if (!(minutes >= 0 && minutes <= MINUTES_MAX)) problem('minutes', minutesText, 'invalid_minutes', String(MINUTES_MAX));

  const decisionsText = get('decisions');
  const decisions: Record<string, number> = {};
  if (decisionsText !== '') {
    const codes = decisionsText.split('|').map((c) => c.trim());
    if (codes.some((c) => c === '')) problem('decisions', decisionsText, 'empty_decision');
    const unknown = [...new Set(codes.filter((c) => c !== '' && !config.decisionCodes.has(c)))];
    for (const code of unknown) problem('decisions', code, 'unknown_decision', [...config.decisionCodes].join(', '));
    for (const code of codes) if (config.decisionCodes.has(code)) decisions[code] = (decisions[code] ?? 0) + 1;
  }

  if (problems.length > 0 || receivedAt === null) return { row: null, problems };
  return {
    row: {
      externalId,
      receivedAt: new Date(receivedAt).toISOString(),
      municipalityCode: municipality,
      isMember: config.memberCodes.has(municipality),
      categoryCode: category,
      youthCrime: flags.youth_crime,
      source,
      minutes,
      closedAtJour: flags.closed_at_jour,
      shelterRequested: flags.shelter_requested,
      shelterGranted: flags.shelter_granted,
      decisions,
    },
    problems,
  };
}
