// /avvikelser: deviations (avvikelser) and complaints (klagomål). Staff
// register; the unit manager assigns, assesses possible lex Sarah matters
// and closes; the one responsible records the analysis and the action.
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { Checkbox, RadioGroup, SelectField, TextAreaField, TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useDeviation, useDeviationCommand, useDeviations, useRegisterDeviation, type Deviation } from '../features/quality/api.ts';
import { svQuality } from '../features/quality/sv.ts';
import { useCan } from '../features/session/api.ts';
import { formatDateTime, fromStockholmLocal, toStockholmLocal } from '../lib/format.ts';
import { emptyToNull, splitError, useFormErrors } from '../lib/form.ts';

const t = svQuality.deviations;
const categories = ['handling', 'technical', 'collaboration', 'placement', 'other'];
const statusTone = { registered: 'open', assigned: 'open', analysed: 'standby', closed: 'closed' } as const;

function RegisterForm({ onCreated }: { onCreated: (d: Deviation) => void }) {
  const ref = useRef<HTMLFormElement>(null);
  const register = useRegisterDeviation();
  const { errors, clear, focusInvalid } = useFormErrors(ref);
  const [draft, setDraft] = useState({ kind: 'deviation', category: 'handling', title: '', description: '', immediateAction: '', occurredAt: toStockholmLocal(), complaintSource: '', possibleLexSarah: false, lexSarahReason: '', caseNumbers: '' });
  const set = <K extends keyof typeof draft>(key: K) => (value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const server = splitError(register.error, ['kind', 'category', 'title', 'description', 'immediateAction', 'occurredAt', 'complaintSource', 'lexSarahReason', 'caseNumbers']);
  const shown = { ...server.fieldErrors, ...errors };
  return (
    <Card title={t.formTitle}>
      <form
        ref={ref}
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          clear();
          register.mutate(
            {
              kind: draft.kind,
              category: draft.category,
              title: draft.title,
              description: draft.description,
              immediateAction: draft.immediateAction,
              occurredAt: fromStockholmLocal(draft.occurredAt) ?? draft.occurredAt,
              complaintSource: draft.kind === 'complaint' ? emptyToNull(draft.complaintSource) : null,
              possibleLexSarah: draft.possibleLexSarah,
              lexSarahReason: draft.possibleLexSarah ? emptyToNull(draft.lexSarahReason) : null,
              caseNumbers: draft.caseNumbers.split(/[,\s]+/).filter(Boolean),
            },
            { onSuccess: onCreated, onError: focusInvalid },
          );
        }}
      >
        <ErrorBanner error={server.banner} />
        <RadioGroup legend={t.kind} name="kind" value={draft.kind} onChange={set('kind')} options={['deviation', 'complaint'].map((k) => ({ value: k, label: t.kinds[k]! }))} />
        <SelectField label={t.category} name="category" value={draft.category} onChange={set('category')} options={categories.map((c) => ({ value: c, label: t.categories[c]! }))} error={shown.category} />
        {draft.kind === 'complaint' ? (
          <SelectField
            label={t.complaintSource}
            name="complaintSource"
            value={draft.complaintSource}
            onChange={set('complaintSource')}
            options={[{ value: '', label: t.chooseSource }, ...Object.entries(t.sources).map(([value, label]) => ({ value, label }))]}
            error={shown.complaintSource}
          />
        ) : null}
        <TextField label={t.titleLabel} name="title" value={draft.title} onChange={set('title')} error={shown.title} />
        <TextAreaField label={t.description} name="description" value={draft.description} onChange={set('description')} error={shown.description} />
        <TextAreaField label={t.immediateAction} name="immediateAction" value={draft.immediateAction} onChange={set('immediateAction')} error={shown.immediateAction} rows={2} />
        <TextField label={t.occurredAt} name="occurredAt" type="datetime-local" value={draft.occurredAt} onChange={set('occurredAt')} error={shown.occurredAt} />
        <TextField label={t.caseNumbers} name="caseNumbers" value={draft.caseNumbers} onChange={set('caseNumbers')} hint={t.caseNumbersHint} error={shown.caseNumbers} />
        <Checkbox label={t.possibleLexSarah} name="possibleLexSarah" checked={draft.possibleLexSarah} onChange={set('possibleLexSarah')} />
        {draft.possibleLexSarah ? <TextAreaField label={t.lexSarahReason} name="lexSarahReason" value={draft.lexSarahReason} onChange={set('lexSarahReason')} rows={2} error={shown.lexSarahReason} /> : null}
        <div>
          <Button type="submit" variant="primary" pending={register.isPending} pendingLabel={t.submitting}>
            {t.submit}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Actions({ d }: { d: Deviation }) {
  const command = useDeviationCommand();
  const [assignee, setAssignee] = useState(d.assignedToId ?? '');
  const [analysis, setAnalysis] = useState({ analysis: d.analysis ?? '', action: d.action ?? '', actionKind: d.actionKind ?? 'new_routine' });
  const [lex, setLex] = useState({ possibleLexSarah: d.possibleLexSarah, assessment: d.lexSarahAssessment ?? '', note: d.lexSarahNote ?? '' });
  const [closingNote, setClosingNote] = useState('');
  const [reopenReason, setReopenReason] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const server = splitError(command.error, ['userId', 'analysis', 'action', 'actionKind', 'assessment', 'note', 'reason', 'caseNumber', 'lexSarah']);
  const send = (name: Parameters<typeof command.mutate>[0]['command'], input: Record<string, unknown>) => command.mutate({ id: d.id, command: name, input: { ...input, version: d.version } });
  return (
    <div className="stack">
      <ErrorBanner error={server.banner} />
      {Object.values(server.fieldErrors).length > 0 ? <Banner kind="error">{Object.values(server.fieldErrors)[0]}</Banner> : null}
      {d.can.assign ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), send('assign', { userId: assignee }))}>
          <SelectField label={t.assignee} name="assignee" value={assignee} onChange={setAssignee} options={[{ value: '', label: t.chooseAssignee }, ...d.assignees.map((a) => ({ value: a.id, label: a.displayName }))]} />
          <Button type="submit" disabled={!assignee} pending={command.isPending}>
            {t.assign}
          </Button>
        </form>
      ) : null}
      {d.can.analyse ? (
        <form className="stack" onSubmit={(e) => (e.preventDefault(), send('analysis', analysis))}>
          <h3>{t.analysisTitle}</h3>
          <TextAreaField label={t.analysis} name="analysis" value={analysis.analysis} onChange={(v) => setAnalysis((a) => ({ ...a, analysis: v }))} />
          <TextAreaField label={t.action} name="action" value={analysis.action} onChange={(v) => setAnalysis((a) => ({ ...a, action: v }))} />
          <SelectField label={t.actionKind} name="actionKind" value={analysis.actionKind} onChange={(v) => setAnalysis((a) => ({ ...a, actionKind: v as typeof a.actionKind }))} options={Object.entries(t.actionKinds).map(([value, label]) => ({ value, label }))} />
          <div>
            <Button type="submit" pending={command.isPending}>
              {t.saveAnalysis}
            </Button>
          </div>
        </form>
      ) : null}
      {d.can.assessLexSarah ? (
        <form className="stack" onSubmit={(e) => (e.preventDefault(), send('lex-sarah', { possibleLexSarah: lex.possibleLexSarah, assessment: lex.possibleLexSarah ? emptyToNull(lex.assessment) : null, note: emptyToNull(lex.note) }))}>
          <h3>{t.lexSarahTitle}</h3>
          <Checkbox label={t.possibleLexSarah} name="lexFlag" checked={lex.possibleLexSarah} onChange={(v) => setLex((l) => ({ ...l, possibleLexSarah: v }))} />
          {lex.possibleLexSarah ? (
            <>
              <SelectField label={t.assessment} name="assessment" value={lex.assessment} onChange={(v) => setLex((l) => ({ ...l, assessment: v }))} options={[{ value: '', label: t.chooseAssessment }, ...Object.entries(t.assessments).map(([value, label]) => ({ value, label }))]} />
              <TextAreaField label={t.assessmentNote} name="assessmentNote" value={lex.note} onChange={(v) => setLex((l) => ({ ...l, note: v }))} rows={2} />
            </>
          ) : null}
          <div>
            <Button type="submit" pending={command.isPending}>
              {t.saveAssessment}
            </Button>
          </div>
        </form>
      ) : null}
      {d.can.link ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), send('cases', { caseNumber }))}>
          <TextField label={t.caseNumber} name="linkCaseNumber" value={caseNumber} onChange={setCaseNumber} />
          <Button type="submit" disabled={!caseNumber} pending={command.isPending}>
            {t.linkCase}
          </Button>
        </form>
      ) : null}
      {d.can.close ? (
        <form className="stack" onSubmit={(e) => (e.preventDefault(), send('close', { note: emptyToNull(closingNote) }))}>
          <TextAreaField label={t.closingNote} name="closingNote" value={closingNote} onChange={setClosingNote} rows={2} />
          <div>
            <Button type="submit" variant="primary" pending={command.isPending}>
              {t.close}
            </Button>
          </div>
        </form>
      ) : null}
      {d.can.reopen ? (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), send('reopen', { reason: reopenReason }))}>
          <TextField label={t.reopenReason} name="reopenReason" value={reopenReason} onChange={setReopenReason} />
          <Button type="submit" pending={command.isPending}>
            {t.reopen}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function Detail({ id }: { id: string }) {
  const deviation = useDeviation(id);
  return (
    <QueryState query={deviation}>
      {(d) => (
        <Card title={`${d.number} ${d.title}`} className="deviation-detail">
          <div className="stack">
            <p>
              <Badge tone={statusTone[d.status]}>{t.statuses[d.status]}</Badge> {t.kinds[d.kind]} · {t.categories[d.category]}
              {d.complaintSource ? ` · ${t.sources[d.complaintSource]}` : ''}
            </p>
            {d.needsLexSarahAssessment ? (
              <Banner kind="error" title={t.lexSarahToAssess}>
                {t.lexSarahBanner}
                {d.lexSarahReason ? <p>{d.lexSarahReason}</p> : null}
              </Banner>
            ) : null}
            {d.possibleLexSarah && d.lexSarahAssessment ? (
              <Banner kind="info" title={`${t.lexSarahTitle}: ${t.assessments[d.lexSarahAssessment]}`}>
                {d.lexSarahNote}
                {d.lexSarahAssessedByName && d.lexSarahAssessedAt ? <p className="muted">{t.assessedBy(d.lexSarahAssessedByName, formatDateTime(d.lexSarahAssessedAt))}</p> : null}
              </Banner>
            ) : null}
            <p className="muted">
              {t.reportedBy(d.reportedByName, formatDateTime(d.reportedAt))} · {t.occurred(formatDateTime(d.occurredAt))}
            </p>
            <p className="prewrap">{d.description}</p>
            {d.immediateAction ? (
              <p className="prewrap">
                <strong>{t.immediateAction}</strong> {d.immediateAction}
              </p>
            ) : null}
            <p>
              <strong>{t.responsible}:</strong> {d.assignedToName ?? t.nobody}
            </p>
            <div>
              <strong>{t.cases}:</strong> {d.cases.length === 0 ? <span className="muted">{t.noCases}</span> : d.cases.map((c) => (
                    <Link key={c.id} to={`/arenden/${c.id}`} className="deviation-case">
                      {c.caseNumber}
                    </Link>
                  ))}
            </div>
            {d.analysis ? (
              <div className="stack">
                <h3>{t.analysisTitle}</h3>
                <p className="prewrap">{d.analysis}</p>
                <p className="prewrap">
                  <strong>{d.actionKind ? t.actionKinds[d.actionKind] : t.action}:</strong> {d.action}
                </p>
                {d.analysedByName && d.analysedAt ? <p className="muted">{t.analysedBy(d.analysedByName, formatDateTime(d.analysedAt))}</p> : null}
              </div>
            ) : null}
            {d.closedAt && d.closedByName ? (
              <Banner kind="success" title={t.closedBy(d.closedByName, formatDateTime(d.closedAt))}>
                {d.closingNote}
              </Banner>
            ) : null}
            <Actions key={d.version} d={d} />
          </div>
        </Card>
      )}
    </QueryState>
  );
}

export function DeviationsPage() {
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const selected = params.get('id');
  const [status, setStatus] = useState('open');
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const list = useDeviations(status);
  const select = (id: string) => setParams({ id });
  return (
    <>
      <PageHeader
        title={t.title}
        lead={t.lead}
        actions={
          can('deviations.write') && !creating ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t.create}
            </Button>
          ) : null
        }
      />
      {message ? <Banner kind="success">{message}</Banner> : null}
      {creating ? (
        <RegisterForm
          onCreated={(d) => {
            setCreating(false);
            setMessage(t.created(d.number));
            select(d.id);
          }}
        />
      ) : null}
      {selected ? <Detail id={selected} /> : null}
      <div className="toolbar">
        <SelectField label={t.statusFilter} name="status" value={status} onChange={setStatus} options={Object.entries(t.filters).map(([value, label]) => ({ value, label }))} />
      </div>
      <QueryState query={list}>
        {({ deviations }) =>
          deviations.length === 0 ? (
            <p className="muted">{t.none}</p>
          ) : (
            <Table caption={t.title} captionHidden className="deviations-table">
              <thead>
                <tr>
                  <th scope="col">{t.number}</th>
                  <th scope="col">{t.titleLabel}</th>
                  <th scope="col">{t.category}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.responsible}</th>
                  <th scope="col">{t.reported}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.open}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deviations.map((d) => (
                  <tr key={d.id} className={d.id === selected ? 'is-selected' : undefined}>
                    <td>{d.number}</td>
                    <td>
                      {d.title} {d.needsLexSarahAssessment ? <Badge tone="danger">{t.lexSarahToAssess}</Badge> : d.possibleLexSarah ? <Badge tone="warning">{t.lexSarahBadge}</Badge> : null}
                    </td>
                    <td>
                      {t.kinds[d.kind]} · {t.categories[d.category]}
                    </td>
                    <td>
                      <Badge tone={statusTone[d.status]}>{t.statuses[d.status]}</Badge>
                    </td>
                    <td>{d.assignedToName ?? <span className="muted">{t.nobody}</span>}</td>
                    <td>{formatDateTime(d.reportedAt)}</td>
                    <td>
                      <Button size="small" onClick={() => select(d.id)} aria-label={`${t.open} ${d.number}`}>
                        {t.open}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
    </>
  );
}
