// Working days for legal deadlines, lag (1930:173) om beräkning av lagstadgad tid, 2 §.
// Independent of any organisation's calendar configuration.
import { addDays, isSaturdayOrSunday, parseIsoDate } from './dates.ts';
import { eveName, publicHolidayName } from './holidays.ts';

/**
 * Saturday, Sunday, a public holiday, Midsommarafton, Julafton or Nyårsafton:
 * a deadline ending on such a day moves to the next working day.
 */
export function isLegalNonWorkingDay(date: string): boolean {
  parseIsoDate(date);
  return (
    isSaturdayOrSunday(date) ||
    publicHolidayName(date) !== null ||
    eveName(date, 'midsommarafton') !== null ||
    eveName(date, 'julafton') !== null ||
    eveName(date, 'nyarsafton') !== null
  );
}

/** `date` itself if it is a working day, else the next working day. */
export function nextLegalWorkingDay(date: string): string {
  let day = date;
  while (isLegalNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}
