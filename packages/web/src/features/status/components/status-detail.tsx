import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { formatMoment } from '../../../lib/format.ts';
import { sv } from '../../../lib/sv.ts';
import { useUnitStatus } from '../api.ts';
import { describeChange } from './status-badge.tsx';

/** The unit's status in full: what it means, since when, until when, and what comes next. */
export function StatusDetail() {
  const query = useUnitStatus();
  return (
    <Card title={sv.status.heading} className="status-detail">
      <QueryState query={query}>
        {(status) => {
          const now = new Date(status.now);
          return (
            <>
              <p className="status-detail__headline">
                <Badge tone={status.status}>{sv.status.labels[status.status]}</Badge> <span>{describeChange(status)}</span>
              </p>
              <p>{sv.status.describe[status.status]}</p>
              <dl className="facts">
                <div>
                  <dt>{sv.status.sinceLabel}</dt>
                  <dd>{formatMoment(status.since, now)}</dd>
                </div>
                <div>
                  <dt>{sv.status.changesLabel}</dt>
                  <dd>{formatMoment(status.until, now)}</dd>
                </div>
                <div>
                  <dt>{sv.status.nextLabel}</dt>
                  <dd>{sv.status.labels[status.next]}</dd>
                </div>
              </dl>
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
