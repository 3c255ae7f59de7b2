// Log a call by hand (the board takes them too): time, line, outcome, number.
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { fromStockholmLocal, toStockholmLocal } from '../../../lib/format.ts';
import { emptyToNull, splitError, useFormErrors } from '../../../lib/form.ts';
import { useLogCall } from '../api.ts';
import { svQuality as t } from '../sv.ts';

const outcomes = ['answered', 'missed', 'busy', 'transferred_112'] as const;

export function CallForm({ onDone }: { onDone?: () => void }) {
  const ref = useRef<HTMLFormElement>(null);
  const log = useLogCall();
  const { errors, clear, focusInvalid } = useFormErrors(ref);
  const [draft, setDraft] = useState({ occurredAt: toStockholmLocal(), line: '1', outcome: 'missed' as (typeof outcomes)[number], callerNumber: '' });
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof draft>(key: K) => (value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const server = splitError(log.error, ['occurredAt', 'line', 'outcome', 'callerNumber']);
  const shown = { ...server.fieldErrors, ...errors };
  return (
    <form
      ref={ref}
      className="stack"
      noValidate
      aria-label={t.calls.formTitle}
      onSubmit={(event) => {
        event.preventDefault();
        clear();
        setSaved(false);
        log.mutate(
          { occurredAt: fromStockholmLocal(draft.occurredAt) ?? draft.occurredAt, line: draft.line, outcome: draft.outcome, callerNumber: emptyToNull(draft.callerNumber) },
          {
            onSuccess: () => {
              setSaved(true);
              setDraft((d) => ({ ...d, callerNumber: '', occurredAt: toStockholmLocal() }));
              onDone?.();
            },
            onError: focusInvalid,
          },
        );
      }}
    >
      <ErrorBanner error={server.banner} />
      {saved ? <Banner kind="success">{t.calls.logged}</Banner> : null}
      <TextField label={t.calls.occurredAt} name="occurredAt" type="datetime-local" value={draft.occurredAt} onChange={set('occurredAt')} error={shown.occurredAt} />
      <SelectField label={t.calls.line} name="line" value={draft.line} onChange={set('line')} options={['1', '2', '3'].map((l) => ({ value: l, label: l }))} error={shown.line} />
      <SelectField label={t.calls.outcome} name="outcome" value={draft.outcome} onChange={(v) => set('outcome')(v as (typeof outcomes)[number])} options={outcomes.map((o) => ({ value: o, label: t.calls.outcomes[o]! }))} error={shown.outcome} />
      <TextField label={t.calls.callerNumber} name="callerNumber" type="tel" value={draft.callerNumber} onChange={set('callerNumber')} error={shown.callerNumber} />
      <div>
        <Button type="submit" variant="primary" pending={log.isPending}>
          {t.calls.submit}
        </Button>
      </div>
    </form>
  );
}
