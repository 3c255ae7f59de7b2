// The unit manager's quality card on the board: possible lex Sarah matters to
// assess (raised in red) and self-inspections coming up, due or overdue.
import { Link } from 'react-router';
import { Banner } from '../../../components/ui/banner.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useAttention } from '../api.ts';
import { svQuality as t } from '../sv.ts';

const tone = { planned: 'neutral', soon: 'warning', due: 'warning', overdue: 'danger' } as const;

export function BoardAttention() {
  const attention = useAttention(true);
  return (
    <QueryState query={attention}>
      {(a) => (
        <Card title={t.attention.title} className="board__quality">
          {a.lexSarah.length > 0 ? (
            <Banner kind="error" title={t.attention.lexSarah}>
              <ul className="plain-list" aria-label={t.attention.lexSarah}>
                {a.lexSarah.map((d) => (
                  <li key={d.id}>
                    <Link to={`/avvikelser?id=${d.id}`}>
                      {d.number} {d.title}
                    </Link>{' '}
                    <span className="muted">{formatDateTime(d.reportedAt)}</span>
                  </li>
                ))}
              </ul>
            </Banner>
          ) : null}
          {a.inspections.length > 0 ? (
            <>
              <h3 className="card__subtitle">{t.attention.inspections}</h3>
              <ul className="plain-list" aria-label={t.attention.inspections}>
                {a.inspections.map((i) => (
                  <li key={i.planId}>
                    <Link to="/egenkontroller">{i.title}</Link> <Badge tone={tone[i.state]}>{t.attention.due(i.dueDate, t.inspections.states[i.state]!)}</Badge>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {a.lexSarah.length === 0 && a.inspections.length === 0 ? <p className="muted">{t.attention.nothing}</p> : null}
          <p>
            <Link to="/avvikelser">{t.attention.openDeviations(a.openDeviations)}</Link>
          </p>
        </Card>
      )}
    </QueryState>
  );
}
