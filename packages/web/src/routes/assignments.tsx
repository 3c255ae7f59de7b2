// /uppdrag: work the municipalities leave for the jour, with the reports per
// occasion; the municipality registers, the jour documents ("Rapportera").
import { AssignmentInput as AssignmentInputSchema, AssignmentReportInput as AssignmentReportInputSchema } from '@jourbok/contracts';
import { useRef, useState } from 'react';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { Checkbox, RadioGroup, SelectField, TextAreaField, TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import {
  useAssignment,
  useAssignments,
  useCreateAssignment,
  useReportAssignment,
  type AssignmentStatusFilter,
  type AssignmentSummary,
  type AssignmentView,
} from '../features/assignments/api.ts';
import { ContactFields, MunicipalityField, personsError, RegisterFormCard, useFormMunicipality, useIsJour } from '../features/notices/components/form-parts.tsx';
import { PersonChooser, toPersonLines, type ChosenPerson } from '../features/notices/components/person-chooser.tsx';
import { useCan } from '../features/session/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { emptyToNull, splitError, useFormErrors, validate } from '../lib/form.ts';
import { sv } from '../lib/sv.ts';

type Outcome = 'done' | 'not_possible' | 'attempt';
const outcomes: Outcome[] = ['done', 'not_possible', 'attempt'];
const createKnown = ['municipalityCode', 'title', 'description', 'persons', 'windowFrom', 'windowTo', 'dailyFrom', 'dailyTo', 'contactName', 'contactPhone'];
const reportKnown = ['occasionDate', 'outcome', 'body'];

/** A datetime-local value (local time) as an instant with the browser's offset. */
function toInstant(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

export function windowText(a: Pick<AssignmentSummary, 'windowFrom' | 'windowTo' | 'recurrence' | 'dailyFrom' | 'dailyTo'>): string {
  const base = `${formatDateTime(a.windowFrom)} – ${formatDateTime(a.windowTo)}`;
  return a.recurrence === 'daily' && a.dailyFrom && a.dailyTo ? `${base}, ${sv.assignments.daily(a.dailyFrom, a.dailyTo)}` : base;
}

function AssignmentForm({ onCreated }: { onCreated: (title: string) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const isJour = useIsJour();
  const create = useCreateAssignment();
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const [persons, setPersons] = useState<ChosenPerson[]>([]);
  const [draft, setDraft] = useState({
    municipalityCode: '',
    title: '',
    description: '',
    windowFrom: '',
    windowTo: '',
    daily: false,
    dailyFrom: '19:00',
    dailyTo: '21:00',
    contactName: '',
    contactPhone: '',
  });
  const homeMunicipality = useFormMunicipality(draft.municipalityCode);
  const set = <K extends keyof typeof draft>(key: K) => (value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const server = splitError(create.error, createKnown);
  const shown = { ...server.fieldErrors, ...errors };

  const submit = () => {
    clear();
    const checked = validate(AssignmentInputSchema, {
      municipalityCode: isJour ? emptyToNull(draft.municipalityCode) : null,
      title: draft.title,
      description: draft.description,
      persons: toPersonLines(persons, homeMunicipality),
      windowFrom: toInstant(draft.windowFrom),
      windowTo: toInstant(draft.windowTo),
      recurrence: draft.daily ? 'daily' : 'none',
      dailyFrom: draft.daily ? draft.dailyFrom : null,
      dailyTo: draft.daily ? draft.dailyTo : null,
      contactName: draft.contactName,
      contactPhone: draft.contactPhone,
    });
    if (!checked.ok) return fail(checked.errors);
    create.mutate(checked.data, { onSuccess: (a) => onCreated(a.title), onError: focusInvalid });
  };

  return (
    <RegisterFormCard title={sv.assignments.formTitle} formRef={formRef} onSubmit={submit} banner={server.banner} submitLabel={sv.assignments.submit} pendingLabel={sv.assignments.submitting} pending={create.isPending}>
      <MunicipalityField value={draft.municipalityCode} onChange={set('municipalityCode')} error={shown.municipalityCode} />
      <TextField label={sv.assignments.what} name="title" value={draft.title} onChange={set('title')} error={shown.title} />
      <TextAreaField label={sv.assignments.description} name="description" value={draft.description} onChange={set('description')} error={shown.description} />
      <PersonChooser value={persons} onChange={setPersons} error={personsError(shown)} />
      <TextField label={sv.assignments.windowFrom} name="windowFrom" type="datetime-local" value={draft.windowFrom} onChange={set('windowFrom')} error={shown.windowFrom} />
      <TextField label={sv.assignments.windowTo} name="windowTo" type="datetime-local" value={draft.windowTo} onChange={set('windowTo')} error={shown.windowTo} />
      <Checkbox label={sv.assignments.recurring} name="daily" checked={draft.daily} onChange={set('daily')} />
      {draft.daily ? (
        <>
          <TextField label={sv.assignments.dailyFrom} name="dailyFrom" value={draft.dailyFrom} onChange={set('dailyFrom')} error={shown.dailyFrom} inputMode="numeric" />
          <TextField label={sv.assignments.dailyTo} name="dailyTo" value={draft.dailyTo} onChange={set('dailyTo')} error={shown.dailyTo} inputMode="numeric" />
        </>
      ) : null}
      <ContactFields name={draft.contactName} phone={draft.contactPhone} onName={set('contactName')} onPhone={set('contactPhone')} errors={shown} />
    </RegisterFormCard>
  );
}

function ReportForm({ view, onDone }: { view: AssignmentView; onDone: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const report = useReportAssignment();
  const { errors, fail, clear, focusInvalid } = useFormErrors(formRef);
  const open = view.occasions.filter((o) => o.state !== 'handled');
  const [occasionDate, setOccasionDate] = useState(view.current?.date ?? open[0]?.date ?? '');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [body, setBody] = useState('');
  const server = splitError(report.error, reportKnown);
  const shown = { ...server.fieldErrors, ...errors };

  const submit = () => {
    clear();
    const checked = validate(AssignmentReportInputSchema, { occasionDate: occasionDate || null, outcome, body });
    if (!checked.ok) return fail(checked.errors);
    report.mutate({ id: view.id, input: checked.data }, { onSuccess: onDone, onError: focusInvalid });
  };

  return (
    <form
      ref={formRef}
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{sv.assignments.reportTitle(view.title)}</h3>
      <ErrorBanner error={server.banner} />
      {open.length > 1 ? (
        <SelectField
          label={sv.assignments.occasion}
          name="occasionDate"
          value={occasionDate}
          onChange={setOccasionDate}
          options={open.map((o) => ({ value: o.date, label: `${o.date} (${sv.assignments.occasionState[o.state] ?? o.state})` }))}
          error={shown.occasionDate}
        />
      ) : null}
      <RadioGroup legend={sv.assignments.outcome} name="outcome" value={outcome} onChange={setOutcome} options={outcomes.map((o) => ({ value: o, label: sv.assignments.outcomes[o] }))} error={shown.outcome} />
      <TextAreaField label={sv.assignments.note} name="body" value={body} onChange={setBody} error={shown.body} />
      <div>
        <Button type="submit" variant="primary" pending={report.isPending}>
          {sv.assignments.report}
        </Button>
      </div>
    </form>
  );
}

function AssignmentDetail({ id, canPerform }: { id: string; canPerform: boolean }) {
  const assignment = useAssignment(id);
  const [reporting, setReporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <QueryState query={assignment}>
      {(a) => (
        <div className="stack">
          <h2 className="section__title">{a.title}</h2>
          <p>
            {a.municipalityName} · {windowText(a)}
          </p>
          {a.description ? <p>{a.description}</p> : null}
          <p>{sv.assignments.contact(a.contactName, a.contactPhone)}</p>
          {a.cancelledAt && a.cancelledByName ? <Banner kind="info">{sv.assignments.cancelled(a.cancelledByName, a.cancelledReason ?? '')}</Banner> : null}
          {message ? <Banner kind="success">{message}</Banner> : null}
          <h3>{sv.assignments.occasions}</h3>
          <ul className="plain-list">
            {a.occasions.map((o) => {
              const reports = a.reports.filter((r) => r.occasionDate === o.date);
              return (
                <li key={o.date}>
                  <strong>{`${formatDateTime(o.from)} – ${formatDateTime(o.to)}`}</strong>{' '}
                  {o.state === 'overdue' ? <span className="marker marker--overdue">{sv.assignments.occasionState[o.state]}</span> : <span className="muted">{sv.assignments.occasionState[o.state] ?? o.state}</span>}
                  {reports.length === 0 ? null : (
                    <ul className="plain-list">
                      {reports.map((r) => (
                        <li key={r.id}>
                          {sv.assignments.reportEntry(sv.assignments.outcomes[r.outcome] ?? r.outcome, r.performedBy, formatDateTime(r.performedAt))}
                          <p>{r.body}</p>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          {canPerform && a.status === 'open' ? (
            reporting ? (
              <ReportForm
                view={a}
                onDone={() => {
                  setReporting(false);
                  setMessage(sv.assignments.reported);
                }}
              />
            ) : (
              <div>
                <Button variant="primary" onClick={() => setReporting(true)}>
                  {sv.assignments.report}
                </Button>
              </div>
            )
          ) : null}
        </div>
      )}
    </QueryState>
  );
}

export function AssignmentsPage() {
  const can = useCan();
  const canWrite = can('assignments.write');
  const [status, setStatus] = useState<AssignmentStatusFilter>('open');
  const assignments = useAssignments(status);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title={sv.assignments.title}
        lead={sv.assignments.lead}
        actions={
          canWrite && !creating ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {sv.assignments.create}
            </Button>
          ) : null
        }
      />
      {message ? <Banner kind="success">{message}</Banner> : null}
      {creating ? (
        <AssignmentForm
          onCreated={(title) => {
            setCreating(false);
            setMessage(sv.assignments.created(title));
          }}
        />
      ) : null}
      <div className="toolbar">
        <SelectField
          label={sv.assignments.statusFilter}
          name="status"
          value={status}
          onChange={(v) => setStatus(v as AssignmentStatusFilter)}
          options={Object.entries(sv.assignments.filters).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <QueryState query={assignments}>
        {({ assignments: list }) =>
          list.length === 0 ? (
            <p className="muted">{sv.assignments.none}</p>
          ) : (
            <Table caption={sv.assignments.caption} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{sv.assignments.colTitle}</th>
                  <th scope="col">{sv.assignments.colWindow}</th>
                  <th scope="col">{sv.assignments.colPersons}</th>
                  <th scope="col">{sv.assignments.colProgress}</th>
                  <th scope="col">{sv.assignments.colStatus}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <strong>{a.title}</strong>
                      <div className="muted">{a.municipalityName}</div>
                    </td>
                    <td>{windowText(a)}</td>
                    <td>{a.persons.map((p) => p.displayName).join(', ')}</td>
                    <td>{sv.assignments.progress(a.handledCount, a.occasionCount)}</td>
                    <td>
                      {sv.assignments.status[a.status] ?? a.status} {a.isOverdue ? <Badge tone="danger">{sv.assignments.overdue}</Badge> : null}
                    </td>
                    <td>
                      <Button size="small" onClick={() => setSelected(selected === a.id ? null : a.id)}>
                        {sv.assignments.show}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
      {selected ? (
        <Card>
          <AssignmentDetail key={selected} id={selected} canPerform={can('assignments.perform')} />
        </Card>
      ) : null}
    </>
  );
}
