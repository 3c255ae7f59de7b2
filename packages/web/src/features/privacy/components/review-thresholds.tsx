// The thresholds of unusual access, as the unit manager changes them.
import { useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useAccessReviewSettings, useUpdateAccessReviewSettings, type AccessReviewSettings } from '../api.ts';
import { svPrivacy } from '../sv.ts';

const t = svPrivacy.review;
const numeric = ['shiftStartHour', 'lookbackDays', 'volumeFactor', 'volumeMinimum', 'minHistoryDays', 'noHistoryThreshold'] as const;

function ThresholdsForm({ settings }: { settings: AccessReviewSettings }) {
  const update = useUpdateAccessReviewSettings();
  const [draft, setDraft] = useState<Record<(typeof numeric)[number], string>>(() => Object.fromEntries(numeric.map((k) => [k, String(settings[k])])) as Record<(typeof numeric)[number], string>);
  const field = isApiError(update.error) ? update.error.field : undefined;
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ ...settings, ...Object.fromEntries(numeric.map((k) => [k, Number(draft[k].replace(',', '.'))])) });
      }}
    >
      {update.isSuccess ? <Banner kind="success">{t.thresholdsSaved}</Banner> : null}
      {update.error && !field ? <ErrorBanner error={update.error} /> : null}
      <div className="filters__grid">
        {numeric.map((k) => (
          <TextField
            key={k}
            label={t[k]}
            name={k}
            inputMode="decimal"
            value={draft[k]}
            onChange={(value) => setDraft((d) => ({ ...d, [k]: value }))}
            error={field === k && update.error ? update.error.message : undefined}
          />
        ))}
      </div>
      <div>
        <Button type="submit" pending={update.isPending} pendingLabel={svPrivacy.retention.savingRules}>
          {t.saveThresholds}
        </Button>
      </div>
    </form>
  );
}

/** Collapsed by default: the thresholds are set once and seldom changed. */
export function ReviewThresholds() {
  const settings = useAccessReviewSettings();
  return (
    <details className="card">
      <summary className="card__title">{t.thresholds}</summary>
      <QueryState query={settings}>{(data) => <ThresholdsForm settings={data} />}</QueryState>
    </details>
  );
}
