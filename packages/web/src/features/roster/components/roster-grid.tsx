// The roster as a grid: one week with everyone, or one person's whole rotation.
import { formatDayMonth, formatTime, formatWeekday } from '../../../lib/format.ts';
import type { Roster } from '../api.ts';
import { svRoster } from '../sv.ts';

type Assignment = Roster['assignments'][number];

function violationsAt(roster: Roster, staffId: string, date: string) {
  return roster.violations.filter((v) => v.staffId === staffId && (v.date === date || v.shiftKey?.startsWith(date)));
}

function Cell({ roster, staffId, date, onMove }: { roster: Roster; staffId: string; date: string; onMove: (a: Assignment) => void }) {
  const name = roster.staff.find((s) => s.id === staffId)?.name ?? '';
  const own = roster.assignments.filter((a) => a.staffId === staffId);
  const shift = own.find((a) => a.date === date && a.kind !== 'standby');
  const nextDay = roster.days.find((d) => d.date > date)?.date;
  const standby = own.find((a) => a.kind === 'standby' && a.date === nextDay);
  const broken = violationsAt(roster, staffId, date);
  return (
    <td className={broken.length > 0 ? 'roster-cell roster-cell--broken' : 'roster-cell'} title={broken.map((v) => v.message).join('\n') || undefined} data-date={date} data-staff={staffId}>
      {shift ? (
        <button type="button" className="roster-shift" aria-label={svRoster.schema.moveShift(name, date)} onClick={() => onMove(shift)}>
          {shift.kind === 'open_until_midnight' ? '24' : 'P'}
          {standby ? '+B' : ''} <span className="muted">{formatTime(shift.start)}</span>
        </button>
      ) : null}
      {broken.length > 0 ? <span className="marker marker--overdue">!</span> : null}
    </td>
  );
}

export function WeekGrid({ roster, week, onMove }: { roster: Roster; week: number; onMove: (a: Assignment) => void }) {
  const days = roster.days.slice(week * 7, week * 7 + 7);
  return (
    <div className="roster-grid">
      <table className="table">
        <caption className="visually-hidden">
          {svRoster.schema.week} {week + 1}
        </caption>
        <thead>
          <tr>
            <th scope="col">{svRoster.schema.person}</th>
            {days.map((d) => (
              <th scope="col" key={d.date} className={d.dayType === 'holiday' || d.dayType === 'weekend' ? 'roster-day roster-day--weekend' : 'roster-day'} title={d.holidayName ?? undefined}>
                {formatWeekday(`${d.date}T12:00:00Z`)} {formatDayMonth(d.date)}
                <br />
                <span className="muted">
                  {formatTime(d.open.start)}–{formatTime(d.open.end)}
                </span>
              </th>
            ))}
            <th scope="col">{svRoster.schema.hours}</th>
          </tr>
        </thead>
        <tbody>
          {roster.staff.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              {days.map((d) => (
                <Cell key={d.date} roster={roster} staffId={s.id} date={d.date} onMove={onMove} />
              ))}
              <td>
                {s.hours.toLocaleString('sv-SE')}
                {s.target !== null ? <span className="muted"> / {s.target.toLocaleString('sv-SE')}</span> : null}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{svRoster.schema.open}</th>
            {days.map((d) => {
              const count = roster.assignments.filter((a) => a.date === d.date && a.kind !== 'standby').length;
              return (
                <td key={d.date} className={count < roster.requiredPerShift ? 'roster-cell roster-cell--broken' : 'roster-cell'}>
                  {count} / {roster.requiredPerShift}
                </td>
              );
            })}
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function PersonGrid({ roster, staffId, onMove }: { roster: Roster; staffId: string; onMove: (a: Assignment) => void }) {
  const weeks = Array.from({ length: roster.weeks }, (_, w) => w);
  return (
    <div className="roster-grid">
      <table className="table">
        <caption className="visually-hidden">{roster.staff.find((s) => s.id === staffId)?.name}</caption>
        <thead>
          <tr>
            <th scope="col">{svRoster.schema.week}</th>
            {roster.days.slice(0, 7).map((d) => (
              <th scope="col" key={d.date}>
                {formatWeekday(`${d.date}T12:00:00Z`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w}>
              <th scope="row">
                {w + 1} <span className="muted">{formatDayMonth(roster.days[w * 7]!.date)}</span>
              </th>
              {roster.days.slice(w * 7, w * 7 + 7).map((d) => (
                <Cell key={d.date} roster={roster} staffId={staffId} date={d.date} onMove={onMove} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
