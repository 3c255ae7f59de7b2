// Closing a case: closed at the jour or handed over to the home municipality,
// with what the municipality must do next. A child's case needs a documented
// protection assessment first; the refusal points to writing it. Closing
// produces the handover report, as PDF for people and JSON for systems.
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Checkbox, RadioGroup, TextAreaField } from '../../../components/ui/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { sv } from '../../../lib/sv.ts';
import { handoverJsonPath, handoverPdfPath, useCloseCase, type CaseView } from '../api.ts';

type Outcome = 'handed_over' | 'closed';

export function CloseDialog({ view, onClose, onClosed, onWriteAssessment }: { view: CaseView; onClose: () => void; onClosed: () => void; onWriteAssessment: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>('handed_over');
  const [nextSteps, setNextSteps] = useState('');
  const [shelterGranted, setShelterGranted] = useState(false);
  const close = useCloseCase(view.id);
  const ref = useRef<HTMLDivElement>(null);
  const error = close.error;
  const missingAssessment = isApiError(error) && error.field === 'protectionAssessment';
  const fieldError = (name: string) => (isApiError(error) && error.field === name ? error.message : undefined);

  const submit = () => {
    close.mutate(
      { outcome, nextSteps: nextSteps.trim() || null, shelterGranted: view.shelterRequested && shelterGranted, version: view.version },
      {
        onSuccess: onClosed,
        onError: () => window.setTimeout(() => ref.current?.querySelector<HTMLElement>('[role="alert"] button, [aria-invalid="true"]')?.focus(), 0),
      },
    );
  };

  return (
    <Dialog
      title={sv.closing.title}
      onClose={onClose}
      onSubmit={submit}
      busy={close.isPending}
      size="wide"
      footer={
        <>
          <Button type="submit" variant="primary" pending={close.isPending} pendingLabel={sv.closing.submitting}>
            {sv.closing.submit}
          </Button>
          <Button onClick={onClose} disabled={close.isPending}>
            {sv.common.cancel}
          </Button>
        </>
      }
    >
      <div className="stack" ref={ref}>
        <p>{sv.closing.intro}</p>
        {missingAssessment ? (
          <Banner
            kind="error"
            title={sv.closing.missingAssessment}
            actions={
              <Button variant="primary" onClick={onWriteAssessment}>
                {sv.cases.writeAssessment}
              </Button>
            }
          >
            {error.message}
          </Banner>
        ) : isApiError(error) && (error.field === 'shelterGranted' || error.field === 'nextSteps') ? null : (
          <ErrorBanner error={error} />
        )}
        <RadioGroup<Outcome>
          legend={sv.closing.outcome}
          name="outcome"
          value={outcome}
          onChange={setOutcome}
          options={(['handed_over', 'closed'] as const).map((o) => ({ value: o, label: sv.closing.outcomes[o], hint: sv.closing.outcomeHints[o] }))}
          className="radio-group--inline radio-group--cards"
        />
        <TextAreaField label={sv.closing.nextSteps} name="nextSteps" value={nextSteps} onChange={setNextSteps} hint={sv.closing.nextStepsHint} error={fieldError('nextSteps')} rows={4} />
        {view.shelterRequested ? <Checkbox label={sv.closing.shelterGranted} name="shelterGranted" checked={shelterGranted} onChange={setShelterGranted} error={fieldError('shelterGranted')} /> : null}
      </div>
    </Dialog>
  );
}

/** The handover reports of a closed case: the PDF opens in a new tab, the JSON is the structured record. */
export function HandoverReports({ view }: { view: CaseView }) {
  if (view.handoverReports.length === 0) return null;
  return (
    <section className="case-section handover" aria-labelledby="case-handover">
      <h2 className="section__title" id="case-handover">
        {sv.closing.reports}
      </h2>
      <ul className="plain-list handover__list">
        {view.handoverReports.map((r) => (
          <li key={r.id} className="handover__item">
            <a className="button button--primary" href={handoverPdfPath(r.id)} target="_blank" rel="noopener">
              {sv.closing.pdf} <span className="visually-hidden">{sv.closing.newTab}</span>
            </a>
            <a className="button button--secondary" href={handoverJsonPath(r.id)} target="_blank" rel="noopener">
              {sv.closing.json} <span className="visually-hidden">{sv.closing.newTab}</span>
            </a>
            <span className="muted">{sv.closing.createdAt(formatDateTime(r.createdAt))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
