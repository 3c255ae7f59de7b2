// On the organisation page: the small-number threshold of member appendices.
import { useState, type FormEvent } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { Section } from '../../../components/ui/page.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { sv } from '../../../lib/sv.ts';
import { useStatisticsSettings, useUpdateStatisticsSettings } from '../api.ts';
import { svStatistics } from '../sv.ts';

const t = svStatistics.settings;

function SuppressionForm({ current, canEdit }: { current: number; canEdit: boolean }) {
  const [value, setValue] = useState(String(current));
  const [error, setError] = useState<string | undefined>();
  const save = useUpdateStatisticsSettings();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n > 100) {
      setError(t.invalid);
      return;
    }
    setError(undefined);
    save.mutate({ suppressBelow: n });
  };
  return (
    <form className="stack" onSubmit={submit} aria-label={t.title}>
      <p className="section__lead">{t.lead}</p>
      <TextField
        label={t.suppressBelow}
        name="suppressBelow"
        inputMode="numeric"
        value={value}
        onChange={(v) => {
          setValue(v);
          save.reset();
        }}
        hint={t.hint}
        error={error}
        readOnly={!canEdit}
        className="field--narrow"
      />
      <p>{current > 0 ? t.on(current) : t.off}</p>
      {save.isError ? <ErrorBanner error={save.error} /> : null}
      {save.isSuccess ? <Banner kind="success">{t.saved}</Banner> : null}
      {canEdit ? (
        <div className="button-row">
          <Button type="submit" variant="primary" pending={save.isPending} pendingLabel={sv.common.saving}>
            {sv.common.save}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

export function SuppressionSection({ canEdit }: { canEdit: boolean }) {
  const settings = useStatisticsSettings();
  return (
    <Section title={t.title} id="statistics-settings">
      <QueryState query={settings}>{(data) => <SuppressionForm key={data.suppressBelow} current={data.suppressBelow} canEdit={canEdit} />}</QueryState>
    </Section>
  );
}
