import { Card } from '../../../components/ui/card.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { addDays, formatDayMonth, formatWindow, stockholmDate } from '../../../lib/format.ts';
import { sv } from '../../../lib/sv.ts';
import { useCalendar, type CalendarDay } from '../api.ts';
import { DayTypeBadge } from './day-type-badge.tsx';

function DayRow({ label, day }: { label: string; day: CalendarDay }) {
  return (
    <div className="day-summary__row">
      <h3 className="day-summary__label">
        {label} <span className="muted">– {sv.calendar.englishWeekdays[day.weekday]} {formatDayMonth(day.date)}</span>
      </h3>
      <p className="day-summary__type">
        <DayTypeBadge dayType={day.dayType} />
        {day.holidayName ? <span className="day-summary__holiday">{day.holidayName}</span> : null}
      </p>
      <dl className="facts facts--inline">
        <div>
          <dt>{sv.calendar.standby}</dt>
          <dd>{formatWindow(day.standby)}</dd>
        </div>
        <div>
          <dt>{sv.calendar.open}</dt>
          <dd>{formatWindow(day.open)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** Today's and tomorrow's day type, standby and opening hours. */
export function DaySummary() {
  const today = stockholmDate();
  const query = useCalendar(today, addDays(today, 1));
  return (
    <Card title={sv.overview.daysHeading} className="day-summary">
      <QueryState query={query}>
        {(calendar) => (
          <>
            {calendar.days.map((day, index) => (
              <DayRow key={day.date} label={index === 0 ? sv.overview.today : sv.overview.tomorrow} day={day} />
            ))}
          </>
        )}
      </QueryState>
    </Card>
  );
}
