// /egenkontroller: the unit manager's self-inspections according to plan.
// Each plan shows its next due date and state; "Gör kontrollen" starts the
// occasion (a sampling check gets its random sample of closed cases) and the
// form records who did it, what was found and what follows.
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { SelectField, TextAreaField, TextField } from '../components/ui/field.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useCreatePlan, useInspections, useRecordInspection, useStartInspection, useUpdatePlan, type InspectionOverview, type InspectionPlan } from '../features/quality/api.ts';
import { svQuality } from '../features/quality/sv.ts';
import { useUser } from '../features/session/api.ts';
import { formatDateTime, stockholmDate } from '../lib/format.ts';
import { splitError, useFormErrors } from '../lib/form.ts';

const t = svQuality.inspections;
const tone = { planned: 'neutral', soon: 'warning', due: 'warning', overdue: 'danger' } as const;

function PlanForm({ staff, onDone }: { staff: InspectionOverview['staff']; onDone: () => void }) {
  const ref = useRef<HTMLFormElement>(null);
  const create = useCreatePlan();
  const { errors, clear, focusInvalid } = useFormErrors(ref);
  const [draft, setDraft] = useState({ kind: 'access_review', title: '', description: '', intervalMonths: '1', dayOfMonth: '1', firstDue: stockholmDate(), sampleSize: '5', responsibleUserId: '' });
  const set = <K extends keyof typeof draft>(key: K) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const server = splitError(create.error, ['kind', 'title', 'description', 'intervalMonths', 'dayOfMonth', 'firstDue', 'sampleSize', 'responsibleUserId']);
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
          create.mutate(
            {
              kind: draft.kind,
              title: draft.title,
              description: draft.description,
              intervalMonths: Number(draft.intervalMonths),
              dayOfMonth: Number(draft.dayOfMonth),
              firstDue: draft.firstDue,
              sampleSize: draft.kind === 'case_sampling' ? Number(draft.sampleSize) : null,
              responsibleUserId: draft.responsibleUserId || null,
            },
            { onSuccess: onDone, onError: focusInvalid },
          );
        }}
      >
        <ErrorBanner error={server.banner} />
        <SelectField label={t.kind} name="kind" value={draft.kind} onChange={set('kind')} options={Object.entries(t.kinds).map(([value, label]) => ({ value, label }))} error={shown.kind} />
        <TextField label={t.titleLabel} name="title" value={draft.title} onChange={set('title')} error={shown.title} />
        <TextAreaField label={t.description} name="description" value={draft.description} onChange={set('description')} rows={2} error={shown.description} />
        <SelectField label={t.interval} name="intervalMonths" value={draft.intervalMonths} onChange={set('intervalMonths')} options={Object.entries(t.intervals).map(([value, label]) => ({ value, label }))} error={shown.intervalMonths} />
        <TextField label={t.dayOfMonth} name="dayOfMonth" inputMode="numeric" value={draft.dayOfMonth} onChange={set('dayOfMonth')} hint={t.dayOfMonthHint} error={shown.dayOfMonth} />
        <TextField label={t.firstDue} name="firstDue" type="date" value={draft.firstDue} onChange={set('firstDue')} error={shown.firstDue} />
        {draft.kind === 'case_sampling' ? <TextField label={t.sampleSize} name="sampleSize" inputMode="numeric" value={draft.sampleSize} onChange={set('sampleSize')} error={shown.sampleSize} /> : null}
        <SelectField
          label={t.responsible}
          name="responsibleUserId"
          value={draft.responsibleUserId}
          onChange={set('responsibleUserId')}
          options={[{ value: '', label: t.noResponsible }, ...staff.map((s) => ({ value: s.id, label: s.displayName }))]}
          error={shown.responsibleUserId}
        />
        <div>
          <Button type="submit" variant="primary" pending={create.isPending}>
            {t.submit}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function RecordForm({ plan, staff, meId, onDone }: { plan: InspectionPlan; staff: InspectionOverview['staff']; meId: string; onDone: () => void }) {
  const current = plan.current!;
  const record = useRecordInspection();
  const ref = useRef<HTMLFormElement>(null);
  const { errors, clear, focusInvalid } = useFormErrors(ref);
  const [draft, setDraft] = useState({ performedByUserId: staff.some((s) => s.id === meId) ? meId : (staff[0]?.id ?? ''), findings: '', followUp: '' });
  const set = <K extends keyof typeof draft>(key: K) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const server = splitError(record.error, ['performedByUserId', 'findings', 'followUp']);
  const shown = { ...server.fieldErrors, ...errors };
  return (
    <form
      ref={ref}
      className="stack"
      noValidate
      aria-label={t.record}
      onSubmit={(event) => {
        event.preventDefault();
        clear();
        record.mutate({ id: current.id, input: draft }, { onSuccess: onDone, onError: focusInvalid });
      }}
    >
      <p className="muted">{t.period(current.periodFrom, current.periodTo)}</p>
      {plan.kind === 'case_sampling' ? (
        <div>
          <h4>{t.sampleTitle}</h4>
          {current.sample.length === 0 ? (
            <p className="muted">{t.sampleEmpty}</p>
          ) : (
            <ul className="plain-list" aria-label={t.sampleTitle}>
              {current.sample.map((c) => (
                <li key={c.id}>
                  <Link to={`/arenden/${c.id}`}>{c.caseNumber}</Link> {c.closedAt ? <span className="muted">{formatDateTime(c.closedAt)}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <ErrorBanner error={server.banner} />
      <SelectField label={t.performedBy} name="performedByUserId" value={draft.performedByUserId} onChange={set('performedByUserId')} options={staff.map((s) => ({ value: s.id, label: s.displayName }))} error={shown.performedByUserId} />
      <TextAreaField label={t.findings} name="findings" value={draft.findings} onChange={set('findings')} error={shown.findings} />
      <TextAreaField label={t.followUp} name="followUp" value={draft.followUp} onChange={set('followUp')} error={shown.followUp} rows={2} />
      <div>
        <Button type="submit" variant="primary" pending={record.isPending}>
          {t.record}
        </Button>
      </div>
    </form>
  );
}

function Plan({ plan, staff, meId, onRecorded }: { plan: InspectionPlan; staff: InspectionOverview['staff']; meId: string; onRecorded: () => void }) {
  const start = useStartInspection();
  const update = useUpdatePlan();
  const toggle = () =>
    update.mutate({
      id: plan.id,
      input: {
        kind: plan.kind,
        title: plan.title,
        description: plan.description,
        intervalMonths: plan.intervalMonths,
        dayOfMonth: plan.dayOfMonth,
        firstDue: plan.firstDue,
        sampleSize: plan.sampleSize,
        responsibleUserId: plan.responsibleUserId,
        isActive: !plan.isActive,
        version: plan.version,
      },
    });
  return (
    <li className="inspection-plan" data-plan={plan.title}>
      <Card title={plan.title} headingLevel={3}>
        <div className="stack">
          <p>
            {t.kinds[plan.kind]} · {t.intervals[String(plan.intervalMonths)]}
            {plan.responsibleName ? ` · ${plan.responsibleName}` : ''}
          </p>
          {plan.description ? <p className="muted">{plan.description}</p> : null}
          <p>
            {t.next}: <strong>{plan.nextDue}</strong> {plan.isActive ? <Badge tone={tone[plan.state]}>{t.states[plan.state]}</Badge> : <Badge>{t.paused}</Badge>}
          </p>
          <ErrorBanner error={start.error ?? update.error} />
          {plan.current ? (
            <RecordForm plan={plan} staff={staff} meId={meId} onDone={onRecorded} />
          ) : plan.isActive && plan.state !== 'planned' ? (
            <div>
              <Button variant="primary" onClick={() => start.mutate(plan.id)} pending={start.isPending}>
                {t.start}
              </Button>
            </div>
          ) : null}
          {plan.history.length > 0 ? (
            <details>
              <summary>{t.history}</summary>
              <ul className="plain-list">
                {plan.history.map((h) => (
                  <li key={h.id}>
                    <p>{t.historyEntry(h.dueDate, h.performedByName ?? '', h.performedAt ? formatDateTime(h.performedAt) : '')}</p>
                    <p className="prewrap">{h.findings}</p>
                    {h.followUp ? <p className="prewrap muted">{h.followUp}</p> : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <div>
            <Button size="small" variant="quiet" onClick={toggle} pending={update.isPending}>
              {plan.isActive ? t.pause : t.resume}
            </Button>
          </div>
        </div>
      </Card>
    </li>
  );
}

export function SelfInspectionsPage() {
  const meId = useUser().id;
  const overview = useInspections();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={t.title}
        lead={t.lead}
        actions={
          !creating ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t.plan}
            </Button>
          ) : null
        }
      />
      {message ? <Banner kind="success">{message}</Banner> : null}
      <QueryState query={overview}>
        {({ plans, staff }) => (
          <div className="stack">
            {creating ? <PlanForm staff={staff} onDone={() => setCreating(false)} /> : null}
            {plans.length === 0 ? (
              <p className="muted">{t.none}</p>
            ) : (
              <ul className="plain-list stack">
                {plans.map((p) => (
                  <Plan key={`${p.id}-${p.version}`} plan={p} staff={staff} meId={meId} onRecorded={() => setMessage(t.recorded)} />
                ))}
              </ul>
            )}
          </div>
        )}
      </QueryState>
    </>
  );
}
