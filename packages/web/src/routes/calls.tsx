// /samtal: the call log of a day: every contact attempt on the unit's lines,
// with callbacks; a call can be logged by hand.
import { useState } from 'react';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useCalls } from '../features/quality/api.ts';
import { CallForm } from '../features/quality/components/call-form.tsx';
import { svQuality } from '../features/quality/sv.ts';
import { useCan } from '../features/session/api.ts';
import { formatDuration, formatTime, stockholmDate } from '../lib/format.ts';

const t = svQuality.calls;
const tone = { answered: 'success', missed: 'danger', busy: 'warning', transferred_112: 'warning' } as const;

export function CallsPage() {
  const can = useCan();
  const [date, setDate] = useState(stockholmDate());
  const [logging, setLogging] = useState(false);
  const calls = useCalls(date);
  return (
    <>
      <PageHeader
        title={t.title}
        lead={t.lead}
        actions={
          can('calls.write') && !logging ? (
            <Button variant="primary" onClick={() => setLogging(true)}>
              {t.register}
            </Button>
          ) : null
        }
      />
      {logging ? (
        <Card title={t.formTitle}>
          <CallForm />
        </Card>
      ) : null}
      <div className="toolbar">
        <TextField label={t.date} name="date" type="date" value={date} onChange={(v) => v && setDate(v)} />
      </div>
      <QueryState query={calls}>
        {(data) => (
          <div className="stack">
            <p>{t.counts(data.counts)}</p>
            {data.calls.length === 0 ? (
              <p className="muted">{t.none}</p>
            ) : (
              <Table caption={t.title} captionHidden>
                <thead>
                  <tr>
                    <th scope="col">{t.time}</th>
                    <th scope="col">{t.line}</th>
                    <th scope="col">{t.outcome}</th>
                    <th scope="col">{t.number}</th>
                    <th scope="col">{t.duration}</th>
                    <th scope="col">{t.callback}</th>
                    <th scope="col">{t.source}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.calls.map((c) => (
                    <tr key={c.id}>
                      <td>{formatTime(c.occurredAt)}</td>
                      <td>{c.line}</td>
                      <td>
                        <Badge tone={tone[c.outcome]}>{t.outcomes[c.outcome]}</Badge>
                      </td>
                      <td>{c.callerNumber ?? <span className="muted">{t.hidden}</span>}</td>
                      <td>{c.durationSeconds !== null ? formatDuration(Math.round(c.durationSeconds / 60)) : ''}</td>
                      <td>{c.callbackResult ? t.callbackResults[c.callbackResult] : c.callbackNeeded ? <Badge tone="danger">{t.pending}</Badge> : ''}</td>
                      <td>{c.sourceName}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </div>
        )}
      </QueryState>
    </>
  );
}
