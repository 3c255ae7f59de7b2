// /uppfoljning: the unit manager's follow-up over GET /api/oversight:
// assignments with an occasion passed undocumented, handover reports the
// municipalities have not acknowledged by noon, politicians' decisions still
// to be signed, and legal deadlines passed without the municipality confirming.
import { Link } from 'react-router';
import { Badge } from '../components/ui/badge.tsx';
import { Card } from '../components/ui/card.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { svCollab } from '../features/collaboration/sv.ts';
import { useOversight } from '../features/oversight/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { sv } from '../lib/sv.ts';
import { windowText } from './assignments.tsx';

const t = svCollab.followUp;

export function FollowUpPage() {
  const oversight = useOversight();
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <QueryState query={oversight}>
        {(o) => (
          <>
            <p className="muted">{t.asOf(formatDateTime(o.now))}</p>
            <div className="follow-up-grid">
              <Card title={`${t.assignments} (${o.overdueAssignments.length})`}>
                {o.overdueAssignments.length === 0 ? (
                  <p className="muted">{t.assignmentsNone}</p>
                ) : (
                  <ul className="plain-list" aria-label={t.assignments}>
                    {o.overdueAssignments.map((a) => (
                      <li key={a.id} className="deadline deadline--soon">
                        <p className="deadline__when">
                          <Link to="/uppdrag">{a.title}</Link> <Badge tone="danger">{t.overdueCount(a.overdueCount)}</Badge>
                        </p>
                        <p className="deadline__what">
                          {a.municipalityName} · {windowText(a)}
                          {a.persons.length > 0 ? ` · ${a.persons.map((p) => p.displayName).join(', ')}` : ''}
                        </p>
                        <p className="deadline__law">{sv.assignments.contact(a.contactName, a.contactPhone)}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
              <Card title={`${t.reports} (${o.overdueReports.length})`}>
                {o.overdueReports.length === 0 ? (
                  <p className="muted">{t.reportsNone}</p>
                ) : (
                  <ul className="plain-list" aria-label={t.reports}>
                    {o.overdueReports.map((r) => (
                      <li key={r.id} className="deadline deadline--soon">
                        <p className="deadline__when">
                          <Link to={`/arenden/${r.caseId}`}>{r.caseNumber}</Link>
                        </p>
                        <p className="deadline__what">{t.reportEntry(r.municipalityName, formatDateTime(r.deliveredAt), formatDateTime(r.acknowledgeBy))}</p>
                        {r.escalatedAt ? <p className="deadline__law">{t.escalated(formatDateTime(r.escalatedAt))}</p> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
              <Card title={`${t.signatures} (${o.outstandingSignatures.length})`}>
                {o.outstandingSignatures.length === 0 ? (
                  <p className="muted">{t.signaturesNone}</p>
                ) : (
                  <ul className="plain-list" aria-label={t.signatures}>
                    {o.outstandingSignatures.map((s) => (
                      <li key={s.decisionId} className="deadline">
                        <p className="deadline__when">
                          <Link to={`/arenden/${s.caseId}`}>{s.caseNumber}</Link> {sv.signatures.entry(s.typeName, s.makerName)}
                        </p>
                        <p className="deadline__what">{formatDateTime(s.decidedAt)}</p>
                        {s.request ? (
                          <p className="deadline__law">
                            {svCollab.request.latest(svCollab.request.states[s.request.status] ?? s.request.status, s.request.recipientName, formatDateTime(s.request.createdAt))}
                          </p>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
              <Card title={`${t.deadlines} (${o.overdueDeadlines.length})`}>
                {o.overdueDeadlines.length === 0 ? (
                  <p className="muted">{t.deadlinesNone}</p>
                ) : (
                  <ul className="plain-list" aria-label={t.deadlines}>
                    {o.overdueDeadlines.map((d) => (
                      <li key={d.id} className="deadline deadline--soon">
                        <p className="deadline__when">
                          <Link to={`/arenden/${d.caseId}`}>{d.caseNumber ?? d.caseId}</Link>
                        </p>
                        <p className="deadline__what">{t.deadlineEntry(d.label, d.movedDate)}</p>
                        <p className="deadline__law">{d.legalReference}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
