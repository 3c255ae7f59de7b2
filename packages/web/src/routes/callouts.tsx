// /beredskap: record standby call-outs; when one breaks the next shift's rest the page (and
// the shift board) says so and lists the substitutes who are available and rested.
import { useState, type FormEvent } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { SelectField, TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useCallOuts, useRecordCallOut, type Alert } from '../features/roster/api.ts';
import { RestAlerts } from '../features/roster/components/rest-alerts.tsx';
import { svRoster } from '../features/roster/sv.ts';
import { formatDateTime, fromStockholmLocal, toStockholmLocal } from '../lib/format.ts';

const t = svRoster.callouts;

function CallOutForm({ staff, onRecorded }: { staff: { id: string; name: string }[]; onRecorded: (alerts: Alert[]) => void }) {
  const record = useRecordCallOut();
  const now = toStockholmLocal();
  const [draft, setDraft] = useState({ staffId: staff[0]?.id ?? '', calledAt: now, startedAt: now, backAt: now, note: '' });
  const set = <K extends keyof typeof draft>(key: K) => (value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { staffId: draft.staffId, calledAt: fromStockholmLocal(draft.calledAt) ?? '', startedAt: fromStockholmLocal(draft.startedAt) ?? '', backAt: fromStockholmLocal(draft.backAt) ?? '', note: draft.note },
      { onSuccess: (result) => onRecorded(result.alerts) },
    );
  };
  return (
    <form className="form-grid" onSubmit={submit}>
      <SelectField label={t.staff} name="staffId" value={draft.staffId} onChange={set('staffId')} options={staff.map((s) => ({ value: s.id, label: s.name }))} />
      <TextField label={t.calledAt} name="calledAt" type="datetime-local" value={draft.calledAt} onChange={set('calledAt')} />
      <TextField label={t.startedAt} name="startedAt" type="datetime-local" value={draft.startedAt} onChange={set('startedAt')} />
      <TextField label={t.backAt} name="backAt" type="datetime-local" value={draft.backAt} onChange={set('backAt')} />
      <TextField label={t.note} name="note" value={draft.note} onChange={set('note')} />
      <Button type="submit" variant="primary" pending={record.isPending}>
        {t.register}
      </Button>
      {record.error ? <ErrorBanner error={record.error} /> : null}
    </form>
  );
}

export function CallOutsPage() {
  const callOuts = useCallOuts();
  const [recorded, setRecorded] = useState<Alert[] | null>(null);
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <QueryState query={callOuts}>
        {(data) => (
          <>
            <Card title={t.register}>
              <CallOutForm staff={data.staff} onRecorded={setRecorded} />
              {recorded !== null ? (
                recorded.length === 0 ? (
                  <Banner kind="success">{t.recorded}</Banner>
                ) : (
                  <Banner kind="warning" title={t.alerts}>
                    <RestAlerts alerts={recorded} />
                  </Banner>
                )
              ) : null}
            </Card>
            {data.alerts.length > 0 ? (
              <Card title={t.alerts}>
                <RestAlerts alerts={data.alerts} />
              </Card>
            ) : null}
            <Card title={t.recent}>
              {data.callOuts.length === 0 ? (
                <p className="muted">{t.none}</p>
              ) : (
                <ul className="plain-list">
                  {data.callOuts.map((c) => (
                    <li key={c.id}>
                      <strong>{c.staffName}</strong> {formatDateTime(c.startedAt)} – {formatDateTime(c.backAt)} <span className="muted">({t.calledAt.toLowerCase()} {formatDateTime(c.calledAt)}) {c.note}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </>
        )}
      </QueryState>
    </>
  );
}
