// Plain-text rendering of a calendar as a fixed-width table (Swedish labels).
import type { Calendar, CalendarDay, TimeWindow } from './calendar.ts';
import type { DayType } from './config.ts';
import type { EnglishWeekday } from './dates.ts';

export const DAY_TYPE_LABELS: Readonly<Record<DayType, string>> = {
  holiday: 'Helgdag',
  weekend: 'Helg',
  bridge_day: 'Klämdag',
  day_before_holiday: 'Dag före helgdag',
  workday: 'Vardag',
};

export const SWEDISH_WEEKDAYS: Readonly<Record<EnglishWeekday, string>> = {
  monday: 'måndag',
  tuesday: 'tisdag',
  wednesday: 'onsdag',
  thursday: 'torsdag',
  friday: 'fredag',
  saturday: 'lördag',
  sunday: 'söndag',
};

/** `HH:MM–HH:MM` from the local wall-clock part of RFC 3339 timestamps. */
const clockRange = (window: TimeWindow) => `${window.from.slice(11, 16)}–${window.to.slice(11, 16)}`;

const columns: [heading: string, cell: (day: CalendarDay) => string][] = [
  ['Datum', (day) => day.date],
  ['Veckodag', (day) => SWEDISH_WEEKDAYS[day.weekday]],
  ['Dagtyp', (day) => DAY_TYPE_LABELS[day.dayType]],
  ['Helgdag', (day) => day.holidayName ?? ''],
  ['Beredskap', (day) => clockRange(day.standby)],
  ['Öppet', (day) => clockRange(day.open)],
];

/** One header line naming the organisation and range, column headings, then one line per date. */
export function formatCalendarText(calendar: Calendar): string {
  const rows = [columns.map(([heading]) => heading), ...calendar.days.map((day) => columns.map(([, cell]) => cell(day)))];
  const widths = columns.map((_, index) => Math.max(...rows.map((row) => row[index]?.length ?? 0)));
  const lines = rows.map((row) =>
    row
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  return [`${calendar.organisation}: ${calendar.from} – ${calendar.to}`, ...lines].join('\n') + '\n';
}
