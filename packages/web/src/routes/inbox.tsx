// /inkorg: the municipality's delivered handover reports (read, acknowledged)
// and the legal deadlines of the jour's decisions it must confirm handled.
import { useState } from 'react';
import { Link } from 'react-router';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { SelectField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { DeadlineText } from '../features/board/components/deadlines.tsx';
import { useAcknowledgeReport, useConfirmDeadline, useInbox, type InboxState } from '../features/inbox/api.ts';
import { useCan } from '../features/session/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { sv } from '../lib/sv.ts';

export function InboxPage() {
  const can = useCan();
  const canAcknowledge = can('inbox.acknowledge');
  const [state, setState] = useState<InboxState>('recent');
  const inbox = useInbox(state);
  const acknowledge = useAcknowledgeReport();
  const confirm = useConfirmDeadline();
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={sv.inbox.title} lead={inbox.data ? sv.inbox.lead(inbox.data.municipalityName, inbox.data.unacknowledgedCount) : undefined} />
      {message ? <Banner kind="success">{message}</Banner> : null}
      <ErrorBanner error={acknowledge.error ?? confirm.error} />
      <div className="toolbar">
        <SelectField
          label={sv.inbox.stateFilter}
          name="state"
          value={state}
          onChange={(v) => setState(v as InboxState)}
          options={Object.entries(sv.inbox.states).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <QueryState query={inbox}>
        {(data) => (
          <div className="stack">
            <h2 className="section__title">{sv.inbox.reports}</h2>
            {data.reports.length === 0 ? (
              <p className="muted">{sv.inbox.none}</p>
            ) : (
              <Table caption={sv.inbox.caption} captionHidden>
                <thead>
                  <tr>
                    <th scope="col">{sv.inbox.colCase}</th>
                    <th scope="col">{sv.inbox.colDelivered}</th>
                    <th scope="col">{sv.inbox.colRead}</th>
                    <th scope="col">{sv.inbox.colAcknowledged}</th>
                    <th scope="col">{sv.inbox.colLinks}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.reports.map((r) => (
                    <tr key={r.id}>
                      <td>{r.caseNumber}</td>
                      <td>{formatDateTime(r.deliveredAt)}</td>
                      <td>{r.firstReadAt ? sv.inbox.by(formatDateTime(r.firstReadAt), r.firstReadByName) : <span className="muted">{sv.inbox.notRead}</span>}</td>
                      <td>
                        {r.acknowledgedAt ? (
                          sv.inbox.by(formatDateTime(r.acknowledgedAt), r.acknowledgedByName)
                        ) : (
                          <>
                            <span className="muted">{sv.inbox.notAcknowledged}</span> <span className="muted">{sv.inbox.acknowledgeBy(formatDateTime(r.acknowledgeBy))}</span>{' '}
                            {r.isOverdue ? <Badge tone="danger">{sv.inbox.overdue}</Badge> : null}
                            {canAcknowledge ? (
                              <Button
                                size="small"
                                pending={acknowledge.isPending && acknowledge.variables === r.reportId}
                                onClick={() => acknowledge.mutate(r.reportId, { onSuccess: () => setMessage(sv.inbox.acknowledged(r.caseNumber)) })}
                              >
                                {sv.inbox.acknowledge}
                              </Button>
                            ) : null}
                          </>
                        )}
                      </td>
                      <td>
                        <a href={`/api/handover-reports/${encodeURIComponent(r.reportId)}/pdf`} target="_blank" rel="noreferrer">
                          {sv.inbox.pdf}
                        </a>{' '}
                        <a href={`/api/handover-reports/${encodeURIComponent(r.reportId)}`} target="_blank" rel="noreferrer">
                          {sv.inbox.json}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            <Card title={sv.inbox.deadlines}>
              <p className="card__hint">{sv.inbox.deadlinesIntro}</p>
              {data.deadlines.length === 0 ? (
                <p className="muted">{sv.inbox.noDeadlines}</p>
              ) : (
                <ul className="plain-list deadline-list">
                  {data.deadlines.map((d) => (
                    <li key={d.id} className="deadline">
                      <p className="deadline__when">
                        <DeadlineText nominalDate={d.nominalDate} movedDate={d.movedDate} />
                      </p>
                      <p className="deadline__what">
                        {d.label} – <Link to={`/arenden/${d.caseId}`}>{sv.cases.title(d.caseNumber ?? '')}</Link>
                      </p>
                      <p className="deadline__law">{d.legalReference}</p>
                      {canAcknowledge ? (
                        <Button size="small" pending={confirm.isPending && confirm.variables === d.id} onClick={() => confirm.mutate(d.id, { onSuccess: () => setMessage(sv.inbox.deadlineConfirmed) })}>
                          {sv.inbox.confirmDeadline}
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        )}
      </QueryState>
    </>
  );
}
