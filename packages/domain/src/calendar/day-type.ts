// Classifying a date: holiday, weekend, bridge_day, day_before_holiday or workday.
import type { Temporal } from 'temporal-polyfill';
import type { CalendarConfig, DayType } from './config.ts';
import { isoWeekday, parseIsoDate } from './dates.ts';
import { EVE_CODES, eveNameOn, publicHolidayNameOn } from './holidays.ts';

type HolidaySettings = Pick<CalendarConfig, 'holidayEves' | 'extraHolidays'>;

/**
 * Name of the holiday on `date` for this organisation, or null. Precedence on a
 * shared date: public holidays (list order), configured eves (canonical order),
 * extra holidays (configuration order).
 */
export function holidayNameOf(date: string, config: HolidaySettings): string | null {
  return holidayNameOn(parseIsoDate(date), config);
}

function holidayNameOn(day: Temporal.PlainDate, config: HolidaySettings): string | null {
  const date = day.toString();
  const publicName = publicHolidayNameOn(day, date);
  if (publicName !== null) return publicName;
  for (const eve of EVE_CODES) {
    if (!config.holidayEves.includes(eve)) continue;
    const name = eveNameOn(day, eve, date);
    if (name !== null) return name;
  }
  return config.extraHolidays.find((extra) => extra.date === date)?.name ?? null;
}

const isSaturdayOrSunday = (day: Temporal.PlainDate) => day.dayOfWeek >= 6;

/** Holiday or Saturday/Sunday: the days that make a neighbour a bridge day. */
const isDayOff = (day: Temporal.PlainDate, config: HolidaySettings) =>
  isSaturdayOrSunday(day) || holidayNameOn(day, config) !== null;

/**
 * Day type of `date`; the first that fits wins:
 * holiday → weekend → bridge_day (Mon–Fri between two days off) →
 * day_before_holiday (Mon–Fri before a holiday) → workday.
 */
export function classifyDay(
  date: string,
  config: HolidaySettings,
): { dayType: DayType; holidayName: string | null } {
  const day = parseIsoDate(date);
  const holidayName = holidayNameOn(day, config);
  if (holidayName !== null) return { dayType: 'holiday', holidayName };
  if (isSaturdayOrSunday(day)) return { dayType: 'weekend', holidayName: null };
  const previous = day.subtract({ days: 1 });
  const next = day.add({ days: 1 });
  if (isDayOff(previous, config) && isDayOff(next, config)) return { dayType: 'bridge_day', holidayName: null };
  if (holidayNameOn(next, config) !== null) return { dayType: 'day_before_holiday', holidayName: null };
  return { dayType: 'workday', holidayName: null };
}

/** Day type of `date` (see classifyDay). */
export function dayTypeOf(date: string, config: HolidaySettings): DayType {
  return classifyDay(date, config).dayType;
}

/** The start of the open window (`HH:MM`) from the first matching open rule. */
export function openingTimeFor(date: string, dayType: DayType, config: Pick<CalendarConfig, 'openRules'>): string {
  const weekday = isoWeekday(date);
  const rule = config.openRules.find(
    (candidate) =>
      (!candidate.dayTypes?.length || candidate.dayTypes.includes(dayType)) &&
      (!candidate.weekdays?.length || candidate.weekdays.includes(weekday)),
  );
  if (!rule) throw new RangeError(`No open rule matches ${date} (${dayType}); add a default rule without criteria`);
  return rule.from;
}
