// Time spent on the case (half of the cost split) and its direct costs
// (invoiced to the home municipality), each with its sum and a small form.
import { DirectCostInput as DirectCostInputSchema, TimeEntryInput as TimeEntryInputSchema } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { Banner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { formatDuration, formatKronor } from '../../../lib/format.ts';
import { splitError, useFormErrors, validate } from '../../../lib/form.ts';
import { ErrorBanner } from '../../../components/ui/banner.tsx';
import { sv } from '../../../lib/sv.ts';
import { useRecordCost, useRecordTime, type CaseView } from '../api.ts';

const COST_KINDS = ['travel', 'accommodation', 'food_card', 'interpreter', 'other'] as const;
type CostKind = (typeof COST_KINDS)[number];

function TimeForm({ caseId }: { caseId: string }) {
  const [draft, setDraft] = useState({ minutes: '', workDate: '', note: '' });
  const [saved, setSaved] = useState(false);
  // When the date lies in a closed invoicing period the server books the entry into the next one, and says so.
  const [moved, setMoved] = useState<string | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(ref);
  const record = useRecordTime(caseId);
  const server = splitError(record.error, ['minutes', 'workDate', 'note']);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const submit = () => {
    setSaved(false);
    const minutes = /^\d+$/.test(draft.minutes.trim()) ? Number(draft.minutes.trim()) : Number.NaN;
    const result = validate(TimeEntryInputSchema, { minutes, workDate: draft.workDate || null, note: draft.note.trim() || null });
    if (!result.ok || Number.isNaN(minutes)) {
      record.reset();
      fail(Number.isNaN(minutes) ? { ...(result.ok ? {} : result.errors), minutes: sv.time.notInteger } : result.ok ? {} : result.errors);
      return;
    }
    clear();
    record.mutate(result.data, {
      onSuccess: (data) => {
        setDraft({ minutes: '', workDate: '', note: '' });
        setSaved(true);
        setMoved(data.notice);
      },
      onError: focusInvalid,
    });
  };
  return (
    <form
      ref={ref}
      className="inline-form"
      noValidate
      aria-label={sv.time.submit}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <ErrorBanner error={server.banner} />
      <div className="inline-form__fields">
        <TextField label={sv.time.minutes} name="minutes" value={draft.minutes} onChange={(v) => setDraft((d) => ({ ...d, minutes: v }))} error={fieldErrors.minutes} inputMode="numeric" autoComplete="off" className="field--narrow" />
        <TextField label={sv.time.workDate} name="workDate" type="date" value={draft.workDate} onChange={(v) => setDraft((d) => ({ ...d, workDate: v }))} hint={sv.time.workDateHint} error={fieldErrors.workDate} className="field--narrow" />
        <TextField label={sv.time.note} name="timeNote" value={draft.note} onChange={(v) => setDraft((d) => ({ ...d, note: v }))} error={fieldErrors.note} autoComplete="off" className="field--grow" />
        <Button type="submit" pending={record.isPending} pendingLabel={sv.common.saving}>
          {sv.time.submit}
        </Button>
      </div>
      {saved ? <Banner kind="success">{sv.time.saved}</Banner> : null}
      {saved && moved ? <Banner kind="info">{moved}</Banner> : null}
    </form>
  );
}

function CostForm({ caseId }: { caseId: string }) {
  const [draft, setDraft] = useState<{ kind: CostKind; amountSek: string; costDate: string; note: string }>({ kind: 'travel', amountSek: '', costDate: '', note: '' });
  const [saved, setSaved] = useState(false);
  // When the date lies in a closed invoicing period the server books the entry into the next one, and says so.
  const [moved, setMoved] = useState<string | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(ref);
  const record = useRecordCost(caseId);
  const server = splitError(record.error, ['kind', 'amountSek', 'costDate', 'note']);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const submit = () => {
    setSaved(false);
    const result = validate(DirectCostInputSchema, { kind: draft.kind, amountSek: draft.amountSek.replace(/\s/g, ''), costDate: draft.costDate || null, note: draft.note.trim() || null });
    if (!result.ok) {
      record.reset();
      fail(result.errors);
      return;
    }
    clear();
    record.mutate(result.data, {
      onSuccess: (data) => {
        setDraft((d) => ({ ...d, amountSek: '', costDate: '', note: '' }));
        setSaved(true);
        setMoved(data.notice);
      },
      onError: focusInvalid,
    });
  };
  return (
    <form
      ref={ref}
      className="inline-form"
      noValidate
      aria-label={sv.costs.submit}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <ErrorBanner error={server.banner} />
      <div className="inline-form__fields">
        <SelectField
          label={sv.costs.kind}
          name="costKind"
          value={draft.kind}
          onChange={(v) => setDraft((d) => ({ ...d, kind: COST_KINDS.find((k) => k === v) ?? 'other' }))}
          options={COST_KINDS.map((k) => ({ value: k, label: sv.costs.kinds[k] ?? k }))}
          error={fieldErrors.kind}
        />
        <TextField label={sv.costs.amount} name="amountSek" value={draft.amountSek} onChange={(v) => setDraft((d) => ({ ...d, amountSek: v }))} hint={sv.costs.amountHint} error={fieldErrors.amountSek} inputMode="decimal" autoComplete="off" className="field--narrow" />
        <TextField label={sv.costs.costDate} name="costDate" type="date" value={draft.costDate} onChange={(v) => setDraft((d) => ({ ...d, costDate: v }))} hint={sv.time.workDateHint} error={fieldErrors.costDate} className="field--narrow" />
        <TextField label={sv.costs.note} name="costNote" value={draft.note} onChange={(v) => setDraft((d) => ({ ...d, note: v }))} error={fieldErrors.note} autoComplete="off" className="field--grow" />
        <Button type="submit" pending={record.isPending} pendingLabel={sv.common.saving}>
          {sv.costs.submit}
        </Button>
      </div>
      {saved ? <Banner kind="success">{sv.costs.saved}</Banner> : null}
      {saved && moved ? <Banner kind="info">{moved}</Banner> : null}
    </form>
  );
}

export function TimeSection({ view, canEdit }: { view: CaseView; canEdit: boolean }) {
  return (
    <section className="case-section" aria-labelledby="case-time">
      <div className="section__header">
        <h2 className="section__title" id="case-time">
          {sv.cases.sections.time}
        </h2>
        <p className="section__sum" id="case-time-total">
          {sv.time.total(formatDuration(view.totalMinutes), view.totalMinutes)}
        </p>
      </div>
      {view.timeEntries.length === 0 ? (
        <p className="muted">{sv.time.empty}</p>
      ) : (
        <Table caption={sv.time.caption} captionHidden>
          <thead>
            <tr>
              <th scope="col">{sv.time.columns.date}</th>
              <th scope="col">{sv.time.columns.who}</th>
              <th scope="col">{sv.time.columns.minutes}</th>
              <th scope="col">{sv.time.columns.note}</th>
            </tr>
          </thead>
          <tbody>
            {view.timeEntries.map((t) => (
              <tr key={t.id}>
                <td className="nowrap">{t.workDate}</td>
                <td>{t.userName}</td>
                <td className="nowrap numeric">{formatDuration(t.minutes)}</td>
                <td>{t.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canEdit ? <TimeForm caseId={view.id} /> : null}
    </section>
  );
}

export function CostsSection({ view, canEdit }: { view: CaseView; canEdit: boolean }) {
  return (
    <section className="case-section" aria-labelledby="case-costs">
      <div className="section__header">
        <h2 className="section__title" id="case-costs">
          {sv.cases.sections.costs}
        </h2>
        <p className="section__sum" id="case-costs-total">
          {sv.costs.total(formatKronor(view.totalCostSek))}
        </p>
      </div>
      {view.costs.length === 0 ? (
        <p className="muted">{sv.costs.empty}</p>
      ) : (
        <Table caption={sv.costs.caption} captionHidden>
          <thead>
            <tr>
              <th scope="col">{sv.costs.columns.date}</th>
              <th scope="col">{sv.costs.columns.kind}</th>
              <th scope="col">{sv.costs.columns.amount}</th>
              <th scope="col">{sv.costs.columns.note}</th>
            </tr>
          </thead>
          <tbody>
            {view.costs.map((c) => (
              <tr key={c.id}>
                <td className="nowrap">{c.costDate}</td>
                <td>{sv.costs.kinds[c.kind] ?? c.kind}</td>
                <td className="nowrap numeric">{formatKronor(c.amountSek)}</td>
                <td>
                  {c.note ?? ''}
                  <span className="block muted">{c.recordedByName}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canEdit ? <CostForm caseId={view.id} /> : null}
    </section>
  );
}
