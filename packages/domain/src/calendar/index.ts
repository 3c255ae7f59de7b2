// Public API of the domain calendar.
export {
  buildCalendar,
  dayWindows,
  describeDay,
  MAX_CALENDAR_DAYS,
  type Calendar,
  type CalendarDay,
  type DayWindows,
  type TimeWindow,
  type ZonedWindow,
} from './calendar.ts';
export { DAY_TYPES, validateCalendarConfig, type CalendarConfig, type DayType, type OpenRule } from './config.ts';
export {
  addDays,
  daysBetween,
  englishWeekday,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  type EnglishWeekday,
  type IsoWeekday,
} from './dates.ts';
export { classifyDay, dayTypeOf, holidayNameOf, openingTimeFor } from './day-type.ts';
export { DAY_TYPE_LABELS, formatCalendarText, SWEDISH_WEEKDAYS } from './format.ts';
export {
  DEFAULT_HOLIDAY_EVES,
  easterSunday,
  EVE_CODES,
  holidayEve,
  isEveCode,
  swedishPublicHolidays,
  type EveCode,
  type Holiday,
} from './holidays.ts';
export { isLegalNonWorkingDay, nextLegalWorkingDay } from './legal.ts';
export { nordostCalendar, nordvastCalendar } from './presets.ts';
export { unitStatusAt, type UnitStatus, type UnitStatusReport } from './status.ts';
export { formatRfc3339, isClockTime, localDateOf, parseClockTime, startOfDay, toInstant, zonedDateTime } from './time.ts';
