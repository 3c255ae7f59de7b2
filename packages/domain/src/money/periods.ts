/**
 * Invoicing periods (contracts/cost-allocation.md): by default period 1 =
 * Jan–May (invoiced May 31), period 2 = Jun–Nov (invoiced Nov 30), period 3 =
 * December (invoiced in January). An organisation may configure other
 * periods in `settings.money.periods` as whole months that cover the year.
 */

export interface PeriodMonths {
  fromMonth: number;
  toMonth: number;
}

export const DEFAULT_PERIODS: readonly PeriodMonths[] = [
  { fromMonth: 1, toMonth: 5 },
  { fromMonth: 6, toMonth: 11 },
  { fromMonth: 12, toMonth: 12 },
];

export interface InvoicePeriod {
  year: number;
  period: number;
  from: string;
  to: string;
  fromMonth: number;
  toMonth: number;
  /** the day the period is invoiced: its last day, or for a period ending Dec 31, January of the next year */
  invoicedIn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Check configured periods: whole months, in order, covering January to December without gaps. */
export function validatePeriods(periods: unknown): string | null {
  if (!Array.isArray(periods) || periods.length === 0) return 'periods must be a non-empty list';
  let next = 1;
  for (const [i, p] of periods.entries()) {
    const from = (p as PeriodMonths | null)?.fromMonth;
    const to = (p as PeriodMonths | null)?.toMonth;
    if (!Number.isInteger(from) || !Number.isInteger(to)) return `period ${i + 1}: fromMonth and toMonth must be whole months`;
    if (from !== next) return `period ${i + 1} must start in month ${next}`;
    if ((to as number) < (from as number) || (to as number) > 12) return `period ${i + 1}: toMonth must be from ${from} to 12`;
    next = (to as number) + 1;
  }
  return next === 13 ? null : 'the periods must end in December';
}

/** The organisation's periods from its settings, or the default three. */
export function periodsFromSettings(settings: Record<string, unknown> | null | undefined): readonly PeriodMonths[] {
  const configured = (settings?.money as { periods?: unknown } | undefined)?.periods;
  if (configured !== undefined && validatePeriods(configured) === null) return configured as PeriodMonths[];
  return DEFAULT_PERIODS;
}

export function invoicePeriod(year: number, period: number, config: readonly PeriodMonths[] = DEFAULT_PERIODS): InvoicePeriod {
  const months = config[period - 1];
  if (!months || !Number.isInteger(period)) throw new RangeError(`period must be 1–${config.length}, got ${period}`);
  const to = `${year}-${pad(months.toMonth)}-${pad(lastDayOfMonth(year, months.toMonth))}`;
  return {
    year,
    period,
    from: `${year}-${pad(months.fromMonth)}-01`,
    to,
    fromMonth: months.fromMonth,
    toMonth: months.toMonth,
    invoicedIn: months.toMonth === 12 ? `${year + 1}-01` : to,
  };
}

export function yearPeriods(year: number, config: readonly PeriodMonths[] = DEFAULT_PERIODS): InvoicePeriod[] {
  return config.map((_, i) => invoicePeriod(year, i + 1, config));
}

/** The period a calendar day (YYYY-MM-DD) belongs to. */
export function periodOfDate(date: string, config: readonly PeriodMonths[] = DEFAULT_PERIODS): { year: number; period: number } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const index = config.findIndex((p) => month >= p.fromMonth && month <= p.toMonth);
  return { year, period: index + 1 };
}

/** The period after (year, period): the next one in the year, or the first of the next year. */
export function nextPeriod(year: number, period: number, config: readonly PeriodMonths[] = DEFAULT_PERIODS): { year: number; period: number } {
  return period < config.length ? { year, period: period + 1 } : { year: year + 1, period: 1 };
}

export interface Booking {
  /** the day the time or cost counts on for the allocation */
  bookedOn: string;
  /** the closed period the item belonged to, when it was moved forward */
  movedFrom: { year: number; period: number } | null;
}

/**
 * Closing rule: time or a direct cost dated in a closed period is booked on
 * the first day of the first open period after it, so a closed invoice basis
 * never changes and the item is still invoiced once.
 */
export function bookingFor(date: string, isClosed: (year: number, period: number) => boolean, config: readonly PeriodMonths[] = DEFAULT_PERIODS): Booking {
  const own = periodOfDate(date, config);
  if (!isClosed(own.year, own.period)) return { bookedOn: date, movedFrom: null };
  let p = nextPeriod(own.year, own.period, config);
  for (let guard = 0; guard < 1000 && isClosed(p.year, p.period); guard++) p = nextPeriod(p.year, p.period, config);
  return { bookedOn: invoicePeriod(p.year, p.period, config).from, movedFrom: own };
}

/** The months (1–12) of a period. */
export function monthsOf(period: Pick<InvoicePeriod, 'fromMonth' | 'toMonth'>): number[] {
  const out: number[] = [];
  for (let m = period.fromMonth; m <= period.toMonth; m++) out.push(m);
  return out;
}
