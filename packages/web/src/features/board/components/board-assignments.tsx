// Open assignments on the shift board (overdue in red) and the politicians'
// decisions recorded by phone, not yet signed.
import type { Board } from '../api.ts';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format.ts';
import { sv } from '../../../lib/sv.ts';

export function BoardAssignments({ assignments }: { assignments: Board['assignments'] }) {
  if (assignments.length === 0) return <p className="muted">{sv.assignments.boardNone}</p>;
  return (
    <ul className="plain-list">
      {assignments.map((a) => (
        <li key={a.id} className={a.isOverdue ? 'deadline deadline--soon' : 'deadline'}>
          <p className="deadline__when">
            {a.isOverdue ? <span className="marker marker--overdue">{sv.assignments.overdue}</span> : null} <Link to="/uppdrag">{a.title}</Link>
          </p>
          <p className="deadline__what">
            {a.municipalityName}
            {a.current ? ` · ${formatDateTime(a.current.from)} – ${formatDateTime(a.current.to)}` : ''}
            {a.persons.length > 0 ? ` · ${a.persons.map((p) => p.displayName).join(', ')}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function UnsignedDecisions({ decisions }: { decisions: Board['unsignedDecisions'] }) {
  if (decisions.length === 0) return <p className="muted">{sv.signatures.boardNone}</p>;
  return (
    <ul className="plain-list">
      {decisions.map((d) => (
        <li key={d.decisionId}>
          <Link to={`/arenden/${d.caseId}`}>{d.caseNumber}</Link> {sv.signatures.entry(d.typeName, d.makerName)} <span className="muted">{formatDateTime(d.decidedAt)}</span>
        </li>
      ))}
    </ul>
  );
}
