// Swedish public holidays (lag 1989:253) and the eves that organisations may treat as holidays.
import { Temporal } from 'temporal-polyfill';
import { parseIsoDate } from './dates.ts';

export interface Holiday {
  /** `YYYY-MM-DD` */
  date: string;
  /** Swedish name, e.g. `Kristi himmelsfärdsdag`. */
  name: string;
}

/** Eves an organisation can treat as holidays, in their canonical (precedence) order. */
export const EVE_CODES = [
  'midsommarafton',
  'julafton',
  'nyarsafton',
  'paskafton',
  'pingstafton',
  'trettondagsafton',
  'valborgsmassoafton',
  'alla_helgons_afton',
] as const;
export type EveCode = (typeof EVE_CODES)[number];

/** Eves closed by default (not legally holidays, but social services are closed). */
export const DEFAULT_HOLIDAY_EVES: readonly EveCode[] = ['midsommarafton', 'julafton', 'nyarsafton'];

const MIN_YEAR = 1583; // first full year of the Gregorian calendar
const MAX_YEAR = 9999;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Invalid year ${year}: expected an integer from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
}

/** Easter Sunday by the Gregorian computus (anonymous / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): string {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day }).toString();
}

/** The first date on or after `start` that falls on ISO weekday `weekday`. */
function firstWeekdayFrom(start: Temporal.PlainDate, weekday: number): Temporal.PlainDate {
  return start.add({ days: (weekday - start.dayOfWeek + 7) % 7 });
}

const SATURDAY = 6;
const FRIDAY = 5;

/** Per-year table of all holiday and eve dates, computed once per year. */
interface YearTable {
  publicHolidays: readonly Holiday[];
  /** date → name of the first public holiday in list order on that date */
  publicByDate: ReadonlyMap<string, string>;
  eves: Readonly<Record<EveCode, Holiday>>;
}

const yearTables = new Map<number, YearTable>();

function yearTable(year: number): YearTable {
  const cached = yearTables.get(year);
  if (cached) return cached;
  assertYear(year);

  const date = (month: number, day: number) => Temporal.PlainDate.from({ year, month, day });
  const easter = Temporal.PlainDate.from(easterSunday(year));
  const fromEaster = (days: number) => easter.add({ days });
  const midsommardagen = firstWeekdayFrom(date(6, 20), SATURDAY);
  const allaHelgonsDag = firstWeekdayFrom(date(10, 31), SATURDAY);

  // Order matters: on a shared date the first name wins (e.g. 2008-05-01).
  const listed: [Temporal.PlainDate, string][] = [
    [date(1, 1), 'Nyårsdagen'],
    [date(1, 6), 'Trettondedag jul'],
    [fromEaster(-2), 'Långfredagen'],
    [easter, 'Påskdagen'],
    [fromEaster(1), 'Annandag påsk'],
    [date(5, 1), 'Första maj'],
    [fromEaster(39), 'Kristi himmelsfärdsdag'],
    [fromEaster(49), 'Pingstdagen'],
    [date(6, 6), 'Nationaldagen'],
    [midsommardagen, 'Midsommardagen'],
    [allaHelgonsDag, 'Alla helgons dag'],
    [date(12, 25), 'Juldagen'],
    [date(12, 26), 'Annandag jul'],
  ];
  const publicHolidays = listed
    .map(([day, name]) => ({ date: day.toString(), name }))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)); // stable: keeps list order on ties

  const publicByDate = new Map<string, string>();
  for (const { date: day, name } of publicHolidays) {
    if (!publicByDate.has(day)) publicByDate.set(day, name);
  }

  const eve = (day: Temporal.PlainDate, name: string): Holiday => ({ date: day.toString(), name });
  const eves: Record<EveCode, Holiday> = {
    midsommarafton: eve(midsommardagen.subtract({ days: 1 }), 'Midsommarafton'),
    julafton: eve(date(12, 24), 'Julafton'),
    nyarsafton: eve(date(12, 31), 'Nyårsafton'),
    paskafton: eve(fromEaster(-1), 'Påskafton'),
    pingstafton: eve(fromEaster(48), 'Pingstafton'),
    trettondagsafton: eve(date(1, 5), 'Trettondagsafton'),
    valborgsmassoafton: eve(date(4, 30), 'Valborgsmässoafton'),
    alla_helgons_afton: eve(firstWeekdayFrom(date(10, 30), FRIDAY), 'Alla helgons afton'),
  };

  const table: YearTable = { publicHolidays, publicByDate, eves };
  yearTables.set(year, table);
  return table;
}

/**
 * Swedish public holidays of `year` (lag 1989:253) other than ordinary Sundays,
 * sorted by date. Two holidays on the same date both appear, in list order.
 */
export function swedishPublicHolidays(year: number): Holiday[] {
  return yearTable(year).publicHolidays.map((holiday) => ({ ...holiday }));
}

/** The date and Swedish name of an eve in `year`. */
export function holidayEve(year: number, eve: EveCode): Holiday {
  return { ...yearTable(year).eves[eve] };
}

/** Name of the public holiday on `date` (first in list order), or null. */
export function publicHolidayName(date: string): string | null {
  return publicHolidayNameOn(parseIsoDate(date));
}

/** As publicHolidayName, for an already parsed date. */
export function publicHolidayNameOn(day: Temporal.PlainDate, date = day.toString()): string | null {
  return yearTable(day.year).publicByDate.get(date) ?? null;
}

/** Name of the eve `eve` if it falls on `date`, else null. */
export function eveName(date: string, eve: EveCode): string | null {
  return eveNameOn(parseIsoDate(date), eve);
}

/** As eveName, for an already parsed date. */
export function eveNameOn(day: Temporal.PlainDate, eve: EveCode, date = day.toString()): string | null {
  const found = yearTable(day.year).eves[eve];
  return found.date === date ? found.name : null;
}

/** True when `value` is one of the known eve codes. */
export function isEveCode(value: string): value is EveCode {
  return (EVE_CODES as readonly string[]).includes(value);
}
