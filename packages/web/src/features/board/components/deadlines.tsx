// Open legal deadlines: the nominal date is the target; the date moved by
// lag (1930:173) is information only, since whether it applies is disputed.
import { Link } from 'react-router';
import { addDays, formatDateWithWeekday, stockholmDate } from '../../../lib/format.ts';
import { sv } from '../../../lib/sv.ts';
import type { BoardDeadline } from '../api.ts';

export function DeadlineText({ nominalDate, movedDate }: { nominalDate: string; movedDate: string }) {
  return (
    <>
      <strong className="deadline__target">{sv.board.deadlineTarget(formatDateWithWeekday(nominalDate))}</strong>
      {movedDate !== nominalDate ? <span className="deadline__moved"> ({sv.board.deadlineMoved(formatDateWithWeekday(movedDate))})</span> : null}
    </>
  );
}

export function Deadlines({ deadlines, municipalityName }: { deadlines: readonly BoardDeadline[]; municipalityName: (code: string) => string }) {
  if (deadlines.length === 0) return <p className="muted">{sv.board.noDeadlines}</p>;
  const soon = addDays(stockholmDate(), 1);
  const sorted = [...deadlines].sort((a, b) => a.nominalDate.localeCompare(b.nominalDate));
  return (
    <ul className="plain-list deadline-list">
      {sorted.map((d) => (
        <li key={d.id} className={`deadline${d.nominalDate <= soon ? ' deadline--soon' : ''}`}>
          <p className="deadline__when">
            {d.nominalDate <= soon ? <span className="marker marker--overdue">{sv.board.deadlineSoon}</span> : null} <DeadlineText nominalDate={d.nominalDate} movedDate={d.movedDate} />
          </p>
          <p className="deadline__what">
            {d.label} –{' '}
            <Link to={`/arenden/${d.caseId}`}>{sv.cases.title(d.caseNumber ?? '')}</Link>, {municipalityName(d.municipalityCode)}
          </p>
          <p className="deadline__law">{d.legalReference}</p>
        </li>
      ))}
    </ul>
  );
}
