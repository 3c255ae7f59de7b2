// The marks that must never be misread: priority as number + colour + word,
// a child in the case, a protected person, an overdue protection assessment.
import { sv } from '../../../lib/sv.ts';

const isLevel = (value: number | null | undefined): value is 1 | 2 | 3 | 4 => value === 1 || value === 2 || value === 3 || value === 4;

/** `1 Akut` in red, `2 I natt` in orange, `3 Kan vänta` in blue, `4 Information` in grey. */
export function PriorityBadge({ priority, large = false }: { priority: number | null | undefined; large?: boolean }) {
  const size = large ? ' priority--large' : '';
  if (!isLevel(priority)) {
    return (
      <span className={`priority priority--none${size}`} title={sv.priority.noneLong}>
        {sv.priority.none}
      </span>
    );
  }
  return (
    <span className={`priority priority--${priority}${size}`} title={sv.priority.long[priority]}>
      <span className="visually-hidden">{sv.cases.priority} </span>
      <span className="priority__number">{priority}</span> <span className="priority__word">{sv.priority.short[priority]}</span>
    </span>
  );
}

export function ChildMarker() {
  return (
    <span className="marker marker--child" title={sv.cases.childTitle}>
      {sv.cases.child}
    </span>
  );
}

export function AssessmentOverdueMarker() {
  return <span className="marker marker--overdue">{sv.cases.assessmentOverdue}</span>;
}

export function StatusMarker({ status }: { status: string }) {
  return <span className={`marker marker--status marker--${status === 'open' ? 'open' : 'closed'}`}>{sv.cases.status[status] ?? status}</span>;
}
