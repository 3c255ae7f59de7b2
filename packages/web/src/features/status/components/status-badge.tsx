import { Badge } from '../../../components/ui/badge.tsx';
import { formatMoment } from '../../../lib/format.ts';
import { sv } from '../../../lib/sv.ts';
import { useUnitStatus, type UnitStatus } from '../api.ts';

/** `till 02:00`, or `öppnar 16:30` while closed or on standby before opening. */
export function describeChange(status: UnitStatus): string {
  const moment = formatMoment(status.until, new Date(status.now));
  return status.next === 'open' ? sv.status.opens(moment) : sv.status.until(moment);
}

/** The header's badge: Öppet / Beredskap / Stängt, and when that changes. */
export function StatusBadge() {
  const { data, isError } = useUnitStatus();
  return (
    <div className="status-badge" role="status" aria-live="polite" aria-label={sv.status.regionLabel}>
      {data ? (
        <>
          <Badge tone={data.status}>{sv.status.labels[data.status]}</Badge>
          <span className="status-badge__change">{describeChange(data)}</span>
        </>
      ) : isError ? (
        <span className="status-badge__change">{sv.status.unknown}</span>
      ) : null}
    </div>
  );
}
