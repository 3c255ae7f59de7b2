// The case's facts and its account, and the form that changes them. A change
// carries the version it was based on; when someone else saved in between, the
// server refuses it: the page says so, shows what the other person changed,
// and keeps what this user typed so that it can be saved again.
import { CaseUpdate as CaseUpdateSchema } from '@jourbok/contracts';
import { useEffect, useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { splitError, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import type { Organisation } from '../../organisation/api.ts';
import { useUpdateCase, type CaseView } from '../api.ts';
import { CHANNELS } from './intake-form.tsx';

const OTHER = 'annan';

export function channelLabel(channel: string) {
  return sv.cases.channels[channel] ?? channel;
}

/** The facts that a change can touch, as people read them (for "what changed"). */
function readable(view: CaseView, categoryName: (code: string) => string): Record<string, string> {
  return {
    [sv.cases.summary]: view.summary,
    [sv.cases.contactChannel]: channelLabel(view.contactChannel),
    [sv.intake.reporterName]: view.reporterName ?? '',
    [sv.intake.reporterOrganisation]: view.reporterOrganisation ?? '',
    [sv.intake.reporterPhone]: view.reporterPhone ?? '',
    [sv.intake.reporterIsMandated]: view.reporterIsMandated ? sv.common.yes : sv.common.no,
    [sv.intake.reporterWantsSecrecy]: view.reporterWantsSecrecy ? sv.common.yes : sv.common.no,
    [sv.cases.municipality]: `${view.municipalityName} (${view.municipalityCode})`,
    [sv.cases.category]: categoryName(view.categoryCode),
    [sv.cases.youthCrime]: view.youthCrime ? sv.common.yes : sv.common.no,
    [sv.cases.shelterRequested]: view.shelterRequested ? sv.common.yes : sv.common.no,
  };
}

function changesBetween(before: CaseView, after: CaseView, categoryName: (code: string) => string): [string, string][] {
  const a = readable(before, categoryName);
  const b = readable(after, categoryName);
  return Object.keys(b)
    .filter((key) => a[key] !== b[key])
    .map((key) => [key, b[key] || sv.common.none]);
}

interface FactsDraft {
  contactChannel: string;
  reporterName: string;
  reporterOrganisation: string;
  reporterPhone: string;
  reporterIsMandated: boolean;
  reporterWantsSecrecy: boolean;
  municipality: string;
  otherCode: string;
  categoryCode: string;
  youthCrime: boolean;
  summary: string;
  shelterRequested: boolean;
}

const known = ['contactChannel', 'reporterName', 'reporterOrganisation', 'reporterPhone', 'municipalityCode', 'categoryCode', 'youthCrime', 'summary', 'shelterRequested'];

function EditFactsDialog({ view, organisation, categoryName, onClose, onSaved }: { view: CaseView; organisation: Organisation; categoryName: (code: string) => string; onClose: () => void; onSaved: () => void }) {
  const members = organisation.municipalities.filter((m) => m.isMember);
  const isMember = members.some((m) => m.code === view.municipalityCode);
  const [draft, setDraft] = useState<FactsDraft>(() => ({
    contactChannel: view.contactChannel,
    reporterName: view.reporterName ?? '',
    reporterOrganisation: view.reporterOrganisation ?? '',
    reporterPhone: view.reporterPhone ?? '',
    reporterIsMandated: view.reporterIsMandated,
    reporterWantsSecrecy: view.reporterWantsSecrecy,
    municipality: isMember ? view.municipalityCode : OTHER,
    otherCode: isMember ? '' : view.municipalityCode,
    categoryCode: view.categoryCode,
    youthCrime: view.youthCrime,
    summary: view.summary,
    shelterRequested: view.shelterRequested,
  }));
  // The version the user's edit is based on, and what it looked like then.
  const [base, setBase] = useState(view);
  const [stale, setStale] = useState<{ message: string; changes: [string, string][]; version: number } | null>(null);
  const [awaitingFresh, setAwaitingFresh] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(ref);
  const update = useUpdateCase(view.id);
  const server = splitError(update.error, known);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const set = <K extends keyof FactsDraft>(key: K, value: FactsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const categories = organisation.categories.filter((c) => c.isActive || c.code === view.categoryCode).sort((a, b) => a.sortOrder - b.sortOrder);

  // After a refused stale save: once the latest version is here, show what changed and base the next save on it.
  useEffect(() => {
    if (awaitingFresh === null || view.version === base.version) return;
    setStale({ message: awaitingFresh, changes: changesBetween(base, view, categoryName), version: view.version });
    setBase(view);
    setAwaitingFresh(null);
  }, [awaitingFresh, view, base, categoryName]);

  const submit = () => {
    const result = validate(CaseUpdateSchema, {
      contactChannel: draft.contactChannel,
      reporterName: draft.reporterName.trim() || null,
      reporterOrganisation: draft.reporterOrganisation.trim() || null,
      reporterPhone: draft.reporterPhone.trim() || null,
      reporterIsMandated: draft.reporterIsMandated,
      reporterWantsSecrecy: draft.reporterWantsSecrecy,
      municipalityCode: draft.municipality === OTHER ? draft.otherCode.trim() : draft.municipality,
      categoryCode: draft.categoryCode,
      youthCrime: draft.categoryCode === 'barn_unga' && draft.youthCrime,
      summary: draft.summary,
      shelterRequested: draft.shelterRequested,
      version: base.version,
    });
    if (!result.ok) {
      update.reset();
      fail(result.errors);
      return;
    }
    clear();
    update.mutate(result.data, {
      onSuccess: onSaved,
      onError: (error) => {
        if (isApiError(error) && error.code === 'stale') {
          setStale(null);
          setAwaitingFresh(error.message);
          update.reset();
        }
        focusInvalid();
      },
    });
  };

  return (
    <Dialog
      title={sv.cases.editFactsTitle}
      onClose={onClose}
      onSubmit={submit}
      busy={update.isPending}
      size="wide"
      footer={
        <>
          <Button type="submit" variant="primary" pending={update.isPending} pendingLabel={sv.common.saving}>
            {stale ? sv.cases.saveAgain : sv.common.save}
          </Button>
          <Button onClick={onClose} disabled={update.isPending}>
            {sv.common.cancel}
          </Button>
        </>
      }
    >
      <div className="stack" ref={ref}>
        {awaitingFresh ? <Banner kind="error" title={sv.cases.staleTitle}>{awaitingFresh}</Banner> : null}
        {stale ? (
          <Banner kind="error" title={sv.cases.staleTitle}>
            <p>{stale.message}</p>
            <p>{stale.changes.length > 0 ? sv.cases.staleChanged : sv.cases.staleNothing}</p>
            {stale.changes.length > 0 ? (
              <dl className="stale-changes">
                {stale.changes.map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <p>
              {sv.cases.currentVersion(stale.version)}. {sv.cases.staleKeep}
            </p>
          </Banner>
        ) : null}
        <ErrorBanner error={server.banner} />
        <TextAreaField label={sv.cases.summary} name="summary" value={draft.summary} onChange={(v) => set('summary', v)} error={fieldErrors.summary} rows={6} />
        <div className="form-grid">
          <SelectField
            label={sv.cases.contactChannel}
            name="contactChannel"
            value={draft.contactChannel}
            onChange={(v) => set('contactChannel', v)}
            options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))}
            error={fieldErrors.contactChannel}
          />
          <TextField label={sv.intake.reporterName} name="reporterName" value={draft.reporterName} onChange={(v) => set('reporterName', v)} error={fieldErrors.reporterName} autoComplete="off" />
          <TextField label={sv.intake.reporterOrganisation} name="reporterOrganisation" value={draft.reporterOrganisation} onChange={(v) => set('reporterOrganisation', v)} error={fieldErrors.reporterOrganisation} autoComplete="off" />
          <TextField label={sv.intake.reporterPhone} name="reporterPhone" value={draft.reporterPhone} onChange={(v) => set('reporterPhone', v)} error={fieldErrors.reporterPhone} autoComplete="off" />
          <SelectField
            label={sv.intake.municipality}
            name="municipality"
            value={draft.municipality}
            onChange={(v) => set('municipality', v)}
            options={[...members.map((m) => ({ value: m.code, label: m.name })), { value: OTHER, label: sv.intake.otherMunicipality }]}
            error={draft.municipality === OTHER ? undefined : fieldErrors.municipalityCode}
          />
          {draft.municipality === OTHER ? (
            <TextField
              label={sv.intake.otherMunicipalityCode}
              name="otherCode"
              value={draft.otherCode}
              onChange={(v) => set('otherCode', v)}
              hint={sv.intake.otherMunicipalityHint}
              error={fieldErrors.municipalityCode}
              inputMode="numeric"
              maxLength={4}
            />
          ) : null}
          <SelectField
            label={sv.intake.category}
            name="categoryCode"
            value={draft.categoryCode}
            onChange={(v) => set('categoryCode', v)}
            options={categories.map((c) => ({ value: c.code, label: c.name }))}
            error={fieldErrors.categoryCode}
          />
        </div>
        <div className="checkbox-row">
          <Checkbox label={sv.intake.reporterIsMandated} name="reporterIsMandated" checked={draft.reporterIsMandated} onChange={(v) => set('reporterIsMandated', v)} />
          <Checkbox label={sv.intake.reporterWantsSecrecy} name="reporterWantsSecrecy" checked={draft.reporterWantsSecrecy} onChange={(v) => set('reporterWantsSecrecy', v)} />
          {draft.categoryCode === 'barn_unga' ? <Checkbox label={sv.intake.youthCrime} name="youthCrime" checked={draft.youthCrime} onChange={(v) => set('youthCrime', v)} error={fieldErrors.youthCrime} /> : null}
          <Checkbox label={sv.intake.shelterRequested} name="shelterRequested" checked={draft.shelterRequested} onChange={(v) => set('shelterRequested', v)} />
        </div>
      </div>
    </Dialog>
  );
}

/** The facts of the case as a list, the account, and the edit button for those who may change it. */
export function CaseFacts({
  view,
  organisation,
  canEdit,
  onSaved,
}: {
  view: CaseView;
  organisation: Organisation | undefined;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const categoryName = (code: string) => organisation?.categories.find((c) => c.code === code)?.name ?? code;
  const reporter = [view.reporterName, view.reporterOrganisation, view.reporterPhone].filter(Boolean).join(', ');
  const reporterFlags = [view.reporterIsMandated ? sv.cases.reporterMandated : '', view.reporterWantsSecrecy ? sv.cases.reporterSecret : ''].filter(Boolean).join(', ');
  return (
    <section className="case-section" aria-labelledby="case-summary">
      <div className="section__header">
        <h2 className="section__title" id="case-summary">
          {sv.cases.sections.summary}
        </h2>
        {canEdit && organisation ? (
          <Button size="small" onClick={() => setEditing(true)}>
            {sv.cases.editFacts}
          </Button>
        ) : null}
      </div>
      <p className="case-summary">{view.summary}</p>
      <dl className="facts facts--wide case-facts">
        <div>
          <dt>{sv.cases.receivedAt}</dt>
          <dd>{formatDateTime(view.receivedAt)}</dd>
        </div>
        <div>
          <dt>{sv.cases.contactChannel}</dt>
          <dd>{channelLabel(view.contactChannel)}</dd>
        </div>
        <div>
          <dt>{sv.cases.municipality}</dt>
          <dd>{view.isMember ? view.municipalityName : sv.cases.otherMunicipalityCode(view.municipalityCode)}</dd>
        </div>
        <div>
          <dt>{sv.cases.category}</dt>
          <dd>
            {categoryName(view.categoryCode)}
            {view.youthCrime ? `, ${sv.cases.youthCrime.toLowerCase()}` : ''}
          </dd>
        </div>
        <div>
          <dt>{sv.cases.reporter}</dt>
          <dd>
            {reporter || sv.common.none}
            {reporterFlags ? <span className="block muted">{reporterFlags}</span> : null}
          </dd>
        </div>
        {view.shelterRequested ? (
          <div>
            <dt>{sv.cases.shelterRequested}</dt>
            <dd>{view.status === 'open' ? sv.common.yes : view.shelterGranted ? sv.cases.shelterGranted : sv.cases.shelterNotGranted}</dd>
          </div>
        ) : null}
      </dl>
      {editing && organisation ? (
        <EditFactsDialog
          view={view}
          organisation={organisation}
          categoryName={categoryName}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      ) : null}
    </section>
  );
}
