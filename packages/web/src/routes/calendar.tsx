// /kalender?manad=YYYY-MM: a month of day types, standby and open windows.
import { useSearchParams } from 'react-router';
import { Button } from '../components/ui/button.tsx';
import { TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useCalendar } from '../features/calendar/api.ts';
import { MonthCalendar } from '../features/calendar/components/month-calendar.tsx';
import { addMonths, formatMonth, isValidMonth, monthOf, monthRange, stockholmDate } from '../lib/format.ts';
import { sv } from '../lib/sv.ts';

export function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const today = stockholmDate();
  const requested = params.get('manad');
  const month = isValidMonth(requested) ? requested : monthOf(today);
  const range = monthRange(month);
  const query = useCalendar(range.from, range.to);
  const go = (next: string) => setParams(next === monthOf(today) ? {} : { manad: next }, { replace: true });

  return (
    <>
      <PageHeader title={sv.calendar.title} lead={query.data?.organisation} />
      <div className="month-picker" role="group" aria-label={sv.calendar.month}>
        <Button onClick={() => go(addMonths(month, -1))} aria-label={sv.calendar.previous}>
          ← <span className="hide-narrow">{sv.calendar.previous}</span>
        </Button>
        <h2 className="month-picker__title" aria-live="polite">
          {formatMonth(month)}
        </h2>
        <Button onClick={() => go(addMonths(month, 1))} aria-label={sv.calendar.next}>
          <span className="hide-narrow">{sv.calendar.next}</span> →
        </Button>
        <TextField
          label={sv.calendar.month}
          name="manad"
          type="month"
          value={month}
          onChange={(v) => {
            if (isValidMonth(v)) go(v);
          }}
          className="month-picker__input"
        />
        {month !== monthOf(today) ? (
          <Button variant="quiet" onClick={() => go(monthOf(today))}>
            {sv.calendar.thisMonth}
          </Button>
        ) : null}
      </div>
      <QueryState query={query}>{(calendar) => <MonthCalendar month={month} days={calendar.days} today={today} />}</QueryState>
    </>
  );
}
