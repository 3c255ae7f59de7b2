// The journal: chronological, signed entries that are never edited. Facts
// and assessments look different; a correction is a new entry pointing at the
// one it corrects, which is marked "Rättad" with a link to the correction.
import { JournalInput as JournalInputSchema } from '@jourbok/contracts';
import { TURN_OUT_BENCHMARK_MINUTES } from '@jourbok/domain/cases/case-rules';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { formatDateTime, formatDuration, formatTime, fromStockholmLocal } from '../../../lib/format.ts';
import { splitError, useFormErrors, validate } from '../../../lib/form.ts';
import { sv } from '../../../lib/sv.ts';
import { useWriteJournal, type CaseView, type JournalEntry } from '../api.ts';

const ACTION_TYPES = ['stodsamtal', 'hanvisning', 'hembesok', 'transport', 'tillsyn', 'utryckning', 'ovrigt'] as const;
type ActionType = (typeof ACTION_TYPES)[number];
type WritableKind = 'note' | 'assessment' | 'action' | 'protection_assessment';
const KINDS: readonly WritableKind[] = ['note', 'assessment', 'action', 'protection_assessment'];

const anchor = (id: string) => `journal-${id}`;

/** Move to an entry and put focus on it (the link works by keyboard, too). */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(anchor(id));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

function kindLabel(entry: JournalEntry): string {
  if (entry.kind === 'action' && entry.actionType) return `${sv.journal.kinds.action}: ${sv.journal.actionTypes[entry.actionType] ?? entry.actionType}`;
  return sv.journal.kinds[entry.kind] ?? entry.kind;
}

function TurnOut({ entry }: { entry: JournalEntry }) {
  if (!entry.calledAt) return null;
  const within = entry.turnOutMinutes !== null && entry.turnOutMinutes <= TURN_OUT_BENCHMARK_MINUTES;
  return (
    <p className={`turn-out${entry.turnOutMinutes === null ? '' : within ? ' turn-out--ok' : ' turn-out--late'}`}>
      {sv.journal.called(formatDateTime(entry.calledAt))}
      {entry.arrivedAt ? `, ${sv.journal.arrived(formatTime(entry.arrivedAt))}` : ''}
      {entry.turnOutMinutes !== null ? (
        <>
          {': '}
          <strong>{sv.journal.turnOut(formatDuration(entry.turnOutMinutes))}</strong>, {within ? sv.journal.withinBenchmark : sv.journal.overBenchmark}
        </>
      ) : null}
    </p>
  );
}

function Entry({ entry, byId, canCorrect, onCorrect }: { entry: JournalEntry; byId: Map<string, JournalEntry>; canCorrect: boolean; onCorrect: (entry: JournalEntry) => void }) {
  const corrected = entry.correctedBy.length > 0;
  const target = entry.correctsEntryId ? byId.get(entry.correctsEntryId) : undefined;
  return (
    <li>
      <article id={anchor(entry.id)} tabIndex={-1} className={`journal-entry journal-entry--${entry.kind}${corrected ? ' journal-entry--corrected' : ''}`} aria-label={`${kindLabel(entry)} ${formatDateTime(entry.writtenAt)}`}>
        <header className="journal-entry__header">
          <span className={`journal-kind journal-kind--${entry.kind}`}>{kindLabel(entry)}</span>
          {corrected ? <span className="marker marker--corrected">{sv.journal.corrected}</span> : null}
          <span className="journal-entry__by">{sv.journal.by(entry.authorName, formatDateTime(entry.writtenAt))}</span>
        </header>
        {target ? (
          <p className="journal-entry__ref">
            {sv.journal.correctionOf}{' '}
            <a href={`#${anchor(target.id)}`} onClick={(event) => jumpTo(event, target.id)}>
              {sv.journal.theEntry(formatDateTime(target.writtenAt))}
            </a>
          </p>
        ) : null}
        <p className="journal-entry__body">{entry.body}</p>
        <TurnOut entry={entry} />
        {corrected || canCorrect ? (
          <footer className="journal-entry__footer">
            {entry.correctedBy.map((id) => {
              const correction = byId.get(id);
              return (
                <a key={id} href={`#${anchor(id)}`} onClick={(event) => jumpTo(event, id)}>
                  {sv.journal.seeCorrection}
                  {correction ? ` (${formatDateTime(correction.writtenAt)})` : ''}
                </a>
              );
            })}
            {canCorrect ? (
              <Button size="small" variant="quiet" onClick={() => onCorrect(entry)} aria-label={`${sv.journal.correct}: ${kindLabel(entry)} ${formatDateTime(entry.writtenAt)}`}>
                {sv.journal.correct}
              </Button>
            ) : null}
          </footer>
        ) : null}
      </article>
    </li>
  );
}

interface JournalDraft {
  kind: WritableKind;
  actionType: ActionType | '';
  body: string;
  calledAt: string;
  arrivedAt: string;
}

const blank: JournalDraft = { kind: 'note', actionType: '', body: '', calledAt: '', arrivedAt: '' };
const known = ['kind', 'actionType', 'body', 'calledAt', 'arrivedAt', 'correctsEntryId'];

export interface JournalRequest {
  kind: WritableKind;
  /** changes on every request, so the same kind can be asked for twice */
  nonce: number;
}

function JournalForm({ view, correcting, onCancelCorrection, request }: { view: CaseView; correcting: JournalEntry | null; onCancelCorrection: () => void; request: JournalRequest | null }) {
  const [draft, setDraft] = useState<JournalDraft>(blank);
  const [saved, setSaved] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const { errors, fail, clear, focusInvalid } = useFormErrors(ref);
  const write = useWriteJournal(view.id);
  const server = splitError(write.error, known);
  const fieldErrors = { ...server.fieldErrors, ...errors };
  const set = <K extends keyof JournalDraft>(key: K, value: JournalDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const isTurnOut = !correcting && draft.kind === 'action' && draft.actionType === 'utryckning';

  // Asked for a kind from elsewhere on the page (e.g. "Skriv skyddsbedömning"): switch to it and start writing.
  useEffect(() => {
    if (!request) return;
    setDraft((d) => ({ ...d, kind: request.kind }));
    ref.current?.scrollIntoView({ block: 'center' });
    bodyRef.current?.focus();
  }, [request]);

  useEffect(() => {
    if (correcting) bodyRef.current?.focus();
  }, [correcting]);

  const submit = () => {
    setSaved(false);
    const local: Record<string, string> = {};
    if (!correcting && draft.kind === 'action' && !draft.actionType) local.actionType = sv.journal.chooseAction;
    const calledAt = isTurnOut && draft.calledAt ? fromStockholmLocal(draft.calledAt) : null;
    const arrivedAt = isTurnOut && draft.arrivedAt ? fromStockholmLocal(draft.arrivedAt) : null;
    if (isTurnOut && !draft.calledAt) local.calledAt = sv.journal.calledAtMissing;
    if (isTurnOut && draft.calledAt && !calledAt) local.calledAt = sv.intake.receivedAtInvalid;
    if (isTurnOut && draft.arrivedAt && !arrivedAt) local.arrivedAt = sv.intake.receivedAtInvalid;
    const result = validate(JournalInputSchema, {
      kind: correcting ? 'correction' : draft.kind,
      actionType: !correcting && draft.kind === 'action' ? draft.actionType || null : null,
      body: draft.body,
      correctsEntryId: correcting?.id ?? null,
      calledAt,
      arrivedAt,
    });
    if (!result.ok || Object.keys(local).length > 0) {
      write.reset();
      fail({ ...(result.ok ? {} : result.errors), ...local });
      return;
    }
    clear();
    write.mutate(result.data, {
      onSuccess: () => {
        setDraft((d) => ({ ...blank, kind: d.kind === 'protection_assessment' ? 'note' : d.kind }));
        setSaved(true);
        if (correcting) onCancelCorrection();
      },
      onError: focusInvalid,
    });
  };

  return (
    <form
      ref={ref}
      className={`journal-form stack${correcting ? ' journal-form--correction' : ''}`}
      noValidate
      aria-labelledby="journal-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id="journal-form-title">{correcting ? sv.journal.correctTitle(formatDateTime(correcting.writtenAt)) : sv.journal.write}</h3>
      {correcting ? (
        <Banner
          kind="warning"
          actions={
            <Button size="small" onClick={onCancelCorrection}>
              {sv.journal.cancelCorrection}
            </Button>
          }
        >
          {sv.journal.correcting(formatDateTime(correcting.writtenAt))}
          <span className="block quote">{correcting.body}</span>
        </Banner>
      ) : (
        <RadioGroup<WritableKind>
          legend={sv.journal.kind}
          name="journalKind"
          value={draft.kind}
          onChange={(v) => set('kind', v)}
          options={KINDS.map((k) => ({ value: k, label: sv.journal.kinds[k], hint: sv.journal.kindHints[k] }))}
          className="radio-group--inline radio-group--cards"
        />
      )}
      <ErrorBanner error={server.banner} />
      {!correcting && draft.kind === 'action' ? (
        <div className="form-grid">
          <SelectField
            label={sv.journal.actionType}
            name="actionType"
            value={draft.actionType}
            onChange={(v) => set('actionType', ACTION_TYPES.find((a) => a === v) ?? '')}
            options={[{ value: '', label: sv.journal.chooseAction }, ...ACTION_TYPES.map((a) => ({ value: a, label: sv.journal.actionTypes[a] ?? a }))]}
            error={fieldErrors.actionType}
          />
          {isTurnOut ? (
            <>
              <TextField label={sv.journal.calledAt} name="calledAt" type="datetime-local" value={draft.calledAt} onChange={(v) => set('calledAt', v)} error={fieldErrors.calledAt} hint={sv.journal.turnOutHint} />
              <TextField label={sv.journal.arrivedAt} name="arrivedAt" type="datetime-local" value={draft.arrivedAt} onChange={(v) => set('arrivedAt', v)} error={fieldErrors.arrivedAt} />
            </>
          ) : null}
        </div>
      ) : null}
      <TextAreaField
        ref={bodyRef}
        label={correcting ? sv.journal.correctionBody : sv.journal.bodyFor[draft.kind] ?? sv.journal.body}
        name="journalBody"
        value={draft.body}
        onChange={(v) => set('body', v)}
        hint={sv.journal.bodyHint}
        error={fieldErrors.body}
        rows={5}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={write.isPending} pendingLabel={sv.common.saving}>
          {correcting ? sv.journal.submitCorrection : sv.journal.submit}
        </Button>
      </div>
      {saved ? <Banner kind="success">{sv.journal.saved}</Banner> : null}
    </form>
  );
}

export function JournalSection({ view, canWrite, request }: { view: CaseView; canWrite: boolean; request: JournalRequest | null }) {
  const [correcting, setCorrecting] = useState<JournalEntry | null>(null);
  const entries = [...view.journal].sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
  const byId = new Map(entries.map((e) => [e.id, e]));
  return (
    <section className="case-section" aria-labelledby="case-journal">
      <div className="section__header">
        <h2 className="section__title" id="case-journal">
          {sv.cases.sections.journal}
        </h2>
      </div>
      {entries.length === 0 ? (
        <p className="muted">{sv.journal.empty}</p>
      ) : (
        <ol className="plain-list journal" aria-label={sv.journal.entries}>
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} byId={byId} canCorrect={canWrite} onCorrect={setCorrecting} />
          ))}
        </ol>
      )}
      {canWrite ? <JournalForm view={view} correcting={correcting} onCancelCorrection={() => setCorrecting(null)} request={request} /> : null}
    </section>
  );
}
