// The triage checklist with the suggested priority computed live in the
// browser (the same pure rules as the server; the server decides), and a
// manual priority that needs a reason when it differs from the suggestion.
import { defaultTriageRules, isCriterion, triage, TRIAGE_CRITERIA } from '@jourbok/domain/cases/triage';
import { Checkbox, Fieldset, SelectField, TextAreaField } from '../../../components/ui/field.tsx';
import { sv } from '../../../lib/sv.ts';
import { PriorityBadge } from './markers.tsx';

export interface TriageDraft {
  criteria: string[];
  /** '' = the suggestion */
  override: '' | '1' | '2' | '3' | '4';
  reason: string;
}

export const emptyTriage: TriageDraft = { criteria: [], override: '', reason: '' };

export function suggestPriority(criteria: readonly string[], concernsChild: boolean) {
  return triage(criteria.filter(isCriterion), defaultTriageRules, { concernsChild });
}

/** The triage as the contracts take it, or the local error of a missing reason. */
export function triageInput(draft: TriageDraft, concernsChild: boolean) {
  const suggested = suggestPriority(draft.criteria, concernsChild).priority;
  const chosen = draft.override === '' ? null : Number(draft.override);
  const isOverride = chosen !== null && chosen !== suggested;
  const error = isOverride && !draft.reason.trim() ? sv.triage.overrideReasonMissing(chosen, suggested) : null;
  return {
    input: { criteria: draft.criteria, overridePriority: isOverride ? chosen : null, overrideReason: isOverride ? draft.reason.trim() : null },
    error,
  };
}

export function TriagePicker({
  value,
  onChange,
  concernsChild,
  errors = {},
  idPrefix,
}: {
  value: TriageDraft;
  onChange: (next: TriageDraft) => void;
  concernsChild: boolean;
  errors?: { criteria?: string | undefined; overridePriority?: string | undefined; overrideReason?: string | undefined };
  idPrefix: string;
}) {
  const suggestion = suggestPriority(value.criteria, concernsChild);
  const chosen = value.override === '' ? suggestion.priority : Number(value.override);
  const isOverride = chosen !== suggestion.priority;
  const toggle = (criterion: string, on: boolean) =>
    onChange({ ...value, criteria: on ? TRIAGE_CRITERIA.filter((c) => c === criterion || value.criteria.includes(c)) : value.criteria.filter((c) => c !== criterion) });

  return (
    <div className="triage">
      <Fieldset legend={sv.triage.criteria} hint={sv.triage.criteriaHint} error={errors.criteria} className="checkbox-group checkbox-group--columns triage__criteria">
        {TRIAGE_CRITERIA.map((criterion) => (
          <Checkbox
            key={criterion}
            name={`${idPrefix}-${criterion}`}
            label={sv.triage.labels[criterion]}
            checked={value.criteria.includes(criterion)}
            onChange={(on) => toggle(criterion, on)}
          />
        ))}
      </Fieldset>
      <div className="triage__result">
        <div className="triage__suggestion" role="status" aria-live="polite">
          <p className="triage__suggestion-label">{sv.triage.suggested}</p>
          <p className="triage__suggestion-value">
            <PriorityBadge priority={suggestion.priority} large />
          </p>
          <p className="triage__suggestion-why">
            {suggestion.matchedRuleLabel ? sv.triage.because(suggestion.matchedRuleLabel) : sv.triage.noRule}
            {suggestion.raisedForChild ? <> {sv.triage.raisedForChild}</> : null}
          </p>
        </div>
        <div className="triage__override">
          <SelectField
            label={sv.triage.override}
            name={`${idPrefix}-override`}
            value={value.override}
            onChange={(v) => onChange({ ...value, override: v === '1' || v === '2' || v === '3' || v === '4' ? v : '' })}
            options={[
              { value: '', label: sv.triage.useSuggestion(suggestion.priority, sv.priority.short[suggestion.priority] ?? '') },
              ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: sv.triage.overrideOption(n, sv.priority.short[n] ?? '') })),
            ]}
            error={errors.overridePriority}
          />
          {isOverride ? (
            <TextAreaField
              label={sv.triage.overrideReason}
              name={`${idPrefix}-reason`}
              value={value.reason}
              onChange={(reason) => onChange({ ...value, reason })}
              hint={sv.triage.overrideReasonHint}
              error={errors.overrideReason}
              rows={2}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
