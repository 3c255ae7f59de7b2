import { Table } from '../../../components/ui/table.tsx';
import { formatMonth, formatWindow, isoWeekday } from '../../../lib/format.ts';
import { sv } from '../../../lib/sv.ts';
import type { CalendarDay } from '../api.ts';
import { DayTypeBadge } from './day-type-badge.tsx';

/** Dates of a month in weeks, Monday first; null pads the first and last week. */
function weeksOf(days: CalendarDay[]): (CalendarDay | null)[][] {
  const first = days[0];
  if (!first) return [];
  const cells: (CalendarDay | null)[] = [...Array<null>(isoWeekday(first.date) - 1).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

function DayCell({ day, today }: { day: CalendarDay; today: string }) {
  const isToday = day.date === today;
  const classes = ['month__day', `month__day--${day.dayType}`, isToday ? 'month__day--today' : ''].filter(Boolean).join(' ');
  return (
    <td className={classes} aria-current={isToday ? 'date' : undefined}>
      <div className="month__date">
        <span className="month__number">{Number(day.date.slice(8, 10))}</span>
        {isToday ? <span className="month__today">{sv.calendar.today}</span> : null}
        <span className="visually-hidden">
          {sv.calendar.englishWeekdays[day.weekday]} {day.date}
        </span>
      </div>
      <DayTypeBadge dayType={day.dayType} />
      {day.holidayName ? <p className="month__holiday">{day.holidayName}</p> : null}
      <dl className="month__windows">
        <div>
          <dt>{sv.calendar.standby}</dt>
          <dd>{formatWindow(day.standby)}</dd>
        </div>
        <div>
          <dt>{sv.calendar.open}</dt>
          <dd>{formatWindow(day.open)}</dd>
        </div>
      </dl>
    </td>
  );
}

/** A month as a calendar grid: day type, holiday, standby and open windows; today marked. */
export function MonthCalendar({ month, days, today }: { month: string; days: CalendarDay[]; today: string }) {
  return (
    <Table caption={sv.calendar.caption(formatMonth(month))} captionHidden className="month">
      <thead>
        <tr>
          {sv.calendar.weekdays.map((name, index) => (
            <th key={name} scope="col" abbr={name}>
              <span aria-hidden="true">{sv.calendar.weekdaysShort[index]}</span>
              <span className="visually-hidden">{name}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeksOf(days).map((week, index) => (
          <tr key={week.find(Boolean)?.date ?? index}>
            {week.map((day, cell) => (day ? <DayCell key={day.date} day={day} today={today} /> : <td key={`pad-${cell}`} className="month__pad" />))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
