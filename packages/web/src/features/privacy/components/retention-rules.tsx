// The retention rules as the unit manager sees and changes them.
import { useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useRetentionRules, useUpdateRetentionRules, type RetentionRules } from '../api.ts';
import { svPrivacy } from '../sv.ts';

const t = svPrivacy.retention;

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function RulesForm({ rules, onDone }: { rules: RetentionRules; onDone: () => void }) {
  const update = useUpdateRetentionRules();
  const [draft, setDraft] = useState({
    years: String(rules.yearsAfterLastEntry),
    birthDays: rules.keepBirthDays.join(', '),
    placements: rules.keepPlacementDecisionTypes.join(', '),
    childAge: String(rules.childAgeBelow),
  });
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const field = isApiError(update.error) ? update.error.field : undefined;
  const errorOf = (name: string) => (field === name && update.error ? update.error.message : undefined);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          {
            yearsAfterLastEntry: Number(draft.years),
            keepBirthDays: list(draft.birthDays).map(Number),
            keepPlacementDecisionTypes: list(draft.placements).map((c) => c.toUpperCase()),
            childAgeBelow: Number(draft.childAge),
          },
          { onSuccess: onDone },
        );
      }}
    >
      {update.error && !field ? <ErrorBanner error={update.error} /> : null}
      <TextField label={t.yearsLabel} name="yearsAfterLastEntry" inputMode="numeric" value={draft.years} onChange={set('years')} error={errorOf('yearsAfterLastEntry')} />
      <TextField label={t.birthDaysLabel} name="keepBirthDays" hint={t.birthDaysHint} value={draft.birthDays} onChange={set('birthDays')} error={errorOf('keepBirthDays')} />
      <TextField label={t.placementLabel} name="keepPlacementDecisionTypes" hint={t.placementHint} value={draft.placements} onChange={set('placements')} error={errorOf('keepPlacementDecisionTypes')} />
      <TextField label={t.childAgeLabel} name="childAgeBelow" inputMode="numeric" value={draft.childAge} onChange={set('childAge')} error={errorOf('childAgeBelow')} />
      <div>
        <Button type="submit" variant="primary" pending={update.isPending} pendingLabel={t.savingRules}>
          {t.saveRules}
        </Button>
      </div>
    </form>
  );
}

export function RetentionRulesCard() {
  const rules = useRetentionRules();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <Card title={t.rulesTitle}>
      <QueryState query={rules}>
        {(data) =>
          editing ? (
            <RulesForm
              rules={data}
              onDone={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : (
            <>
              {saved ? <Banner kind="success">{t.rulesSaved}</Banner> : null}
              <ul>
                <li>{t.years(data.yearsAfterLastEntry)}</li>
                <li>{t.birthDays(data.keepBirthDays)}</li>
                <li>{t.placements(data.keepPlacementDecisionTypes, data.childAgeBelow)}</li>
              </ul>
              <p className="muted">{t.legalNote}</p>
              <Button
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t.editRules}
              </Button>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
