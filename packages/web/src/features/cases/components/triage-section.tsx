// The triage history (who, when, on which criteria, why) and a re-triage.
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { splitError, useFormErrors } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useTriageCase, type CaseView } from '../api.ts';
import { PriorityBadge } from './markers.tsx';
import { TriagePicker, triageInput, type TriageDraft } from './triage-picker.tsx';

const known = ['criteria', 'overridePriority', 'overrideReason', 'triage.criteria', 'triage.overridePriority', 'triage.overrideReason'];

function RetriageForm({ view, onDone, onCancel }: { view: CaseView; onDone: (priority: number) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<TriageDraft>({ criteria: view.triageCriteria, override: '', reason: '' });
  const ref = useRef<HTMLFormElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(ref);
  const retriage = useTriageCase(view.id);
  const server = splitError(retriage.error, known);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const at = (name: string) => fieldErrors[name] ?? fieldErrors[`triage.${name}`];

  const submit = () => {
    const { input, error } = triageInput(draft, view.concernsChild);
    if (error) {
      retriage.reset();
      fail({ overrideReason: error });
      return;
    }
    clear();
    retriage.mutate(
      { ...input, version: view.version },
      {
        onSuccess: (result) => onDone(result.priority),
        onError: (e) => {
          if (isApiError(e) && e.code === 'stale') return;
          focusInvalid();
        },
      },
    );
  };

  return (
    <form
      ref={ref}
      className="stack retriage"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{sv.triage.retriageTitle}</h3>
      <ErrorBanner error={server.banner} />
      <TriagePicker
        idPrefix="retriage"
        value={draft}
        onChange={setDraft}
        concernsChild={view.concernsChild}
        errors={{ criteria: at('criteria'), overridePriority: at('overridePriority'), overrideReason: at('overrideReason') }}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={retriage.isPending} pendingLabel={sv.common.saving}>
          {sv.triage.retriageSubmit}
        </Button>
        <Button onClick={onCancel} disabled={retriage.isPending}>
          {sv.common.cancel}
        </Button>
      </div>
    </form>
  );
}

export function TriageSection({ view, canEdit }: { view: CaseView; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="case-section" aria-labelledby="case-triage">
      <div className="section__header">
        <h2 className="section__title" id="case-triage">
          {sv.cases.sections.triage}
        </h2>
        {canEdit && !open ? (
          <Button
            size="small"
            onClick={() => {
              setOpen(true);
              setNotice(null);
            }}
          >
            {sv.triage.retriage}
          </Button>
        ) : null}
      </div>
      {notice ? <Banner kind="success">{notice}</Banner> : null}
      {view.triage.length === 0 ? (
        <p className="muted">{sv.priority.noneLong}</p>
      ) : (
        <Table caption={sv.triage.historyCaption} captionHidden className="triage-history">
          <thead>
            <tr>
              <th scope="col">{sv.triage.columns.when}</th>
              <th scope="col">{sv.triage.columns.priority}</th>
              <th scope="col">{sv.triage.columns.criteria}</th>
            </tr>
          </thead>
          <tbody>
            {view.triage.map((t, index) => (
              <tr key={`${t.triagedAt}-${index}`}>
                <td className="nowrap">
                  {formatDateTime(t.triagedAt)}
                  <span className="block muted">{t.triagedBy}</span>
                </td>
                <td>
                  <PriorityBadge priority={t.priority} />
                  {t.suggestedPriority !== t.priority ? <span className="block muted">{sv.triage.suggestedWas(t.suggestedPriority, sv.priority.short[t.suggestedPriority] ?? '')}</span> : null}
                </td>
                <td>
                  {t.criteria.length === 0 ? <span className="muted">{sv.triage.noCriteria}</span> : t.criteria.map((c) => sv.triage.labels[c] ?? c).join(', ')}
                  {t.overrideReason ? (
                    <span className="block">
                      <span className="muted">{sv.triage.columns.reason}: </span>
                      {t.overrideReason}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {open ? (
        <RetriageForm
          view={view}
          onCancel={() => setOpen(false)}
          onDone={(priority) => {
            setOpen(false);
            setNotice(sv.triage.saved(priority, sv.priority.short[priority] ?? ''));
          }}
        />
      ) : null}
    </section>
  );
}
