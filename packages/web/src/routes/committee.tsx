// /anmalan-till-namnd: decisions taken by on-call politicians, to be reported
// to the municipality's committee at its next meeting; marked when reported.
// A kommun user sees its own municipality's only (the server scopes the list).
import { useState } from 'react';
import { Link } from 'react-router';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { ConfirmDialog } from '../components/ui/dialog.tsx';
import { SelectField, TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { svCollab } from '../features/collaboration/sv.ts';
import { useCommitteeReports, useMarkReported, type CommitteeFilter, type CommitteeReportItem } from '../features/politicians/api.ts';
import { formatDateTime, stockholmDate } from '../lib/format.ts';
import { emptyToNull } from '../lib/form.ts';
import { isApiError } from '../lib/api.ts';

const t = svCollab.committee;

export function CommitteePage() {
  const [filter, setFilter] = useState<CommitteeFilter>('false');
  const reports = useCommitteeReports(filter);
  const mark = useMarkReported();
  const [marking, setMarking] = useState<CommitteeReportItem | null>(null);
  const [meetingDate, setMeetingDate] = useState(stockholmDate());
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      {message ? <Banner kind="success">{message}</Banner> : null}
      <div className="toolbar">
        <SelectField label={t.filter} name="reported" value={filter} onChange={(v) => setFilter(v as CommitteeFilter)} options={Object.entries(t.filters).map(([value, label]) => ({ value, label }))} />
      </div>
      <QueryState query={reports}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t.none}</p>
          ) : (
            <Table caption={t.caption} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t.colDecision}</th>
                  <th scope="col">{t.colMaker}</th>
                  <th scope="col">{t.colDecided}</th>
                  <th scope="col">{t.colSigned}</th>
                  <th scope="col">{t.colReported}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.decisionId}>
                    <td>
                      <Link to={`/arenden/${d.caseId}`}>{d.caseNumber}</Link> {d.typeName}
                      <div className="muted">{d.legalReference}</div>
                      {d.status === 'withdrawn' ? <Badge tone="warning">{t.withdrawn}</Badge> : null}
                    </td>
                    <td>
                      {d.makerName}
                      {d.makerCapacity ? <div className="muted">{d.makerCapacity}</div> : null}
                    </td>
                    <td>{formatDateTime(d.decidedAt)}</td>
                    <td>{d.signedAt ? formatDateTime(d.signedAt) : <Badge tone="warning">{t.unsigned}</Badge>}</td>
                    <td>
                      {d.isReported ? (
                        <>
                          {t.reported(d.meetingDate, d.reportedByName)}
                          {d.note ? <div className="muted">{d.note}</div> : null}
                        </>
                      ) : (
                        <Button size="small" onClick={() => setMarking(d)} aria-label={`${t.mark}: ${d.caseNumber}`}>
                          {t.mark}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
      {marking ? (
        <ConfirmDialog
          title={t.markTitle(marking.caseNumber, marking.typeName)}
          confirmLabel={t.mark}
          onConfirm={() =>
            mark.mutate(
              { id: marking.decisionId, meetingDate: emptyToNull(meetingDate), note: emptyToNull(note) },
              {
                onSuccess: () => {
                  setMessage(t.markDone(marking.caseNumber));
                  setMarking(null);
                  setNote('');
                },
              },
            )
          }
          onClose={() => setMarking(null)}
          pending={mark.isPending}
          error={isApiError(mark.error) && mark.error.field === 'meetingDate' ? null : <ErrorBanner error={mark.error} />}
        >
          <TextField label={t.meetingDate} name="meetingDate" type="date" value={meetingDate} onChange={setMeetingDate} error={isApiError(mark.error) && mark.error.field === 'meetingDate' ? mark.error.message : undefined} />
          <TextField label={t.note} name="note" value={note} onChange={setNote} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
