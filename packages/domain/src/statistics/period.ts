// Report periods: tertials (T1 Jan 1–Apr 30, T2 May 1–Aug 31, T3 Sep 1–Dec 31) and years.

export type ReportKind = 'tertial' | 'year';
export type Tertial = 1 | 2 | 3;

/** The first and last day of a period, as local dates (YYYY-MM-DD), both inclusive. */
export interface Period {
  from: string;
  to: string;
}

const tertialBounds: Record<Tertial, { from: string; to: string }> = {
  1: { from: '01-01', to: '04-30' },
  2: { from: '05-01', to: '08-31' },
  3: { from: '09-01', to: '12-31' },
};

export function isTertial(value: unknown): value is Tertial {
  return value === 1 || value === 2 || value === 3;
}

/** Years a report can be asked for (four digits, and a plausible range). */
export function isReportYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200;
}

/** The period of a report of `kind` for `year` (and `tertial` when kind is tertial). */
export function reportPeriod(kind: ReportKind, year: number, tertial: Tertial | null): Period {
  const y = String(year).padStart(4, '0');
  if (kind === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` };
  if (!isTertial(tertial)) throw new RangeError(`A tertial report needs tertial 1, 2 or 3, got ${String(tertial)}`);
  const b = tertialBounds[tertial];
  return { from: `${y}-${b.from}`, to: `${y}-${b.to}` };
}

/** The report's year and the two before it, oldest first: the comparison the reports make. */
export function comparisonYears(year: number): [number, number, number] {
  return [year - 2, year - 1, year];
}

/** The tertial a local date (YYYY-MM-DD) falls in. */
export function tertialOf(date: string): Tertial {
  const month = Number(date.slice(5, 7));
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid date "${date}"`);
  return month <= 4 ? 1 : month <= 8 ? 2 : 3;
}

/** The Swedish title of a report: "Tertialrapport 1 2024" or "Årsrapport 2024". */
export function periodTitle(kind: ReportKind, year: number, tertial: Tertial | null): string {
  return kind === 'year' ? `Årsrapport ${year}` : `Tertialrapport ${tertial} ${year}`;
}

const tertialMonths: Record<Tertial, string> = { 1: 'januari–april', 2: 'maj–augusti', 3: 'september–december' };

/** "januari–april 2024" or "helåret 2024". */
export function periodDescription(kind: ReportKind, year: number, tertial: Tertial | null): string {
  return kind === 'year' ? `helåret ${year}` : `${tertialMonths[tertial as Tertial]} ${year}`;
}
