// /verksamhetsplan: the year's plan (goals, activities, indicators, budget),
// written by the unit manager and read by the controller and the members,
// with the year's follow-ups and the reports they make.
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../components/ui/field.tsx';
import { PageHeader, Section } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useFollowUps, usePlan, useSavePlan, type Plan, type PlanContent } from '../features/plans/api.ts';
import { plansSv } from '../features/plans/sv.ts';
import { useCan } from '../features/session/api.ts';
import { formatDateTime, stockholmDate } from '../lib/format.ts';
import { isApiError } from '../lib/api.ts';

const t = plansSv.plan;
const kronor = (n: number) => `${n.toLocaleString('sv-SE')} kr`;
let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
const parseNumber = (text: string): number | null => {
  const v = Number(text.replace(/\s/g, '').replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(v) ? null : v;
};

function PlanReadOnly({ plan }: { plan: Plan }) {
  const c = plan.content;
  if (!plan.exists) return <p className="muted">{t.notWritten}</p>;
  return (
    <div className="stack">
      {c.intro ? <p className="prose">{c.intro}</p> : null}
      <Section title={t.goals}>
        <ol className="stack">
          {c.goals.map((g) => (
            <li key={g.id}>
              <strong>{g.title}</strong>
              {g.description ? <p className="muted">{g.description}</p> : null}
            </li>
          ))}
        </ol>
      </Section>
      {c.activities.length > 0 ? (
        <Section title={t.activities}>
          <ul>
            {c.activities.map((a) => (
              <li key={a.id}>{a.text}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {c.indicators.length > 0 ? (
        <Section title={t.indicators}>
          <Table caption={t.indicators} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t.indicatorName}</th>
                <th scope="col" className="numeric">{t.indicatorPrevious}</th>
                <th scope="col" className="numeric">{t.indicatorTarget}</th>
              </tr>
            </thead>
            <tbody>
              {c.indicators.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <td className="numeric">{x.previous === null ? '–' : `${x.previous} ${x.unit}`}</td>
                  <td className="numeric">{x.target === null ? '–' : `${x.direction === 'at_most' ? t.atMost : t.atLeast} ${x.target} ${x.unit}`}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>
      ) : null}
      {c.budget.length > 0 ? (
        <Section title={t.budget}>
          <Table caption={t.budget} captionHidden>
            <tbody>
              {c.budget.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    {b.label}
                    {b.note ? <div className="muted">{b.note}</div> : null}
                  </th>
                  <td className="numeric">{kronor(b.amount)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{plansSv.report.total}</th>
                <td className="numeric">
                  <strong>{kronor(plan.budgetTotal)}</strong>
                </td>
              </tr>
            </tbody>
          </Table>
        </Section>
      ) : null}
    </div>
  );
}

function PlanEditor({ plan, onDone }: { plan: Plan; onDone: (message: string) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const save = useSavePlan(plan.year);
  const [draft, setDraft] = useState<PlanContent>(plan.content);
  const fieldError = (field: string) => (isApiError(save.error) && save.error.field === field ? save.error.message : undefined);
  const update = <K extends keyof PlanContent>(key: K, value: PlanContent[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const patch = <K extends 'goals' | 'activities' | 'indicators' | 'budget'>(key: K, i: number, change: Partial<PlanContent[K][number]>) =>
    update(key, draft[key].map((item, j) => (j === i ? { ...item, ...change } : item)) as PlanContent[K]);
  const remove = <K extends 'goals' | 'activities' | 'indicators' | 'budget'>(key: K, i: number) => update(key, draft[key].filter((_x, j) => j !== i) as PlanContent[K]);
  const total = draft.budget.reduce((s, b) => s + b.amount, 0);
  return (
    <form
      ref={formRef}
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ version: plan.version, content: draft }, { onSuccess: () => onDone(t.saved) });
      }}
    >
      <ErrorBanner error={save.error} />
      <TextAreaField label={t.intro} name="intro" value={draft.intro} onChange={(v) => update('intro', v)} rows={4} />
      <Section title={t.goals}>
        {draft.goals.map((g, i) => (
          <fieldset key={g.id} className="fieldset">
            <legend className="fieldset__legend">{t.goal(i + 1)}</legend>
            <TextAreaField label={t.goalTitle} name={`goal-${i}`} value={g.title} onChange={(v) => patch('goals', i, { title: v })} rows={2} error={fieldError(`goals.${i}.title`)} />
            <TextAreaField label={t.goalDescription} name={`goal-description-${i}`} value={g.description} onChange={(v) => patch('goals', i, { description: v })} rows={2} />
            <Button size="small" variant="quiet" onClick={() => remove('goals', i)}>
              {t.remove}
            </Button>
          </fieldset>
        ))}
        <Button size="small" onClick={() => update('goals', [...draft.goals, { id: newId('mal'), title: '', description: '' }])}>
          {t.addGoal}
        </Button>
      </Section>
      <Section title={t.activities}>
        {draft.activities.map((a, i) => (
          <div key={a.id} className="stack">
            <TextAreaField label={t.activity(i + 1)} name={`activity-${i}`} value={a.text} onChange={(v) => patch('activities', i, { text: v })} rows={2} error={fieldError(`activities.${i}.text`)} />
            <Button size="small" variant="quiet" onClick={() => remove('activities', i)}>
              {t.remove}
            </Button>
          </div>
        ))}
        <Button size="small" onClick={() => update('activities', [...draft.activities, { id: newId('akt'), text: '' }])}>
          {t.addActivity}
        </Button>
      </Section>
      <Section title={t.indicators}>
        {draft.indicators.map((x, i) => (
          <fieldset key={x.id} className="fieldset">
            <legend className="fieldset__legend">{x.name || t.indicatorName}</legend>
            <TextField label={t.indicatorName} name={`indicator-${i}`} value={x.name} onChange={(v) => patch('indicators', i, { name: v })} error={fieldError(`indicators.${i}.name`)} />
            <TextField label={t.indicatorUnit} name={`indicator-unit-${i}`} value={x.unit} onChange={(v) => patch('indicators', i, { unit: v })} />
            <SelectField
              label={t.indicatorDirection}
              name={`indicator-direction-${i}`}
              value={x.direction}
              onChange={(v) => patch('indicators', i, { direction: v as 'at_most' | 'at_least' })}
              options={[
                { value: 'at_most', label: t.atMost },
                { value: 'at_least', label: t.atLeast },
              ]}
            />
            <TextField label={t.indicatorTarget} name={`indicator-target-${i}`} inputMode="decimal" value={x.target === null ? '' : String(x.target)} onChange={(v) => patch('indicators', i, { target: parseNumber(v) })} />
            <TextField label={t.indicatorPrevious} name={`indicator-previous-${i}`} inputMode="decimal" value={x.previous === null ? '' : String(x.previous)} onChange={(v) => patch('indicators', i, { previous: parseNumber(v) })} />
            <Button size="small" variant="quiet" onClick={() => remove('indicators', i)}>
              {t.remove}
            </Button>
          </fieldset>
        ))}
        <Button size="small" onClick={() => update('indicators', [...draft.indicators, { id: newId('ind'), name: '', unit: '%', direction: 'at_most', target: null, previous: null }])}>
          {t.addIndicator}
        </Button>
      </Section>
      <Section title={t.budget}>
        {draft.budget.map((b, i) => (
          <fieldset key={b.id} className="fieldset">
            <legend className="fieldset__legend">{b.label || t.budgetLabel}</legend>
            <TextField label={t.budgetLabel} name={`budget-${i}`} value={b.label} onChange={(v) => patch('budget', i, { label: v })} error={fieldError(`budget.${i}.label`)} />
            <TextField label={t.budgetNote} name={`budget-note-${i}`} value={b.note} onChange={(v) => patch('budget', i, { note: v })} />
            <TextField label={t.budgetAmount} name={`budget-amount-${i}`} inputMode="numeric" value={String(b.amount)} onChange={(v) => patch('budget', i, { amount: Math.max(0, Math.round(parseNumber(v) ?? 0)) })} error={fieldError(`budget.${i}.amount`)} />
            <Button size="small" variant="quiet" onClick={() => remove('budget', i)}>
              {t.remove}
            </Button>
          </fieldset>
        ))}
        <p>{t.budgetTotal(kronor(total))}</p>
        <Button size="small" onClick={() => update('budget', [...draft.budget, { id: newId('bud'), label: '', note: '', amount: 0 }])}>
          {t.addBudgetLine}
        </Button>
      </Section>
      <div className="toolbar">
        <Button type="submit" variant="primary" pending={save.isPending} pendingLabel={t.saving}>
          {t.save}
        </Button>
      </div>
    </form>
  );
}

function FollowUps({ year }: { year: number }) {
  const can = useCan();
  const canWrite = can('plans.write');
  const list = useFollowUps(year);
  return (
    <Section title={t.followUps} id="follow-ups">
      <QueryState query={list}>
        {({ followUps }) => {
          const shown = canWrite ? followUps : followUps.filter((f) => f.status === 'finished');
          if (shown.length === 0) return <p className="muted">{t.noReports}</p>;
          return (
            <Table caption={t.followUps} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t.period}</th>
                  <th scope="col">{t.state}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {shown.map((f) => (
                  <tr key={f.period}>
                    <th scope="row">
                      {f.title}
                      <div className="muted">
                        {f.from}–{f.to}
                      </div>
                    </th>
                    <td>
                      {f.status === 'finished' ? <Badge tone="success">{t.finished}</Badge> : f.status === 'draft' ? <Badge tone="warning">{t.draft}</Badge> : <Badge>{f.ended ? t.notStarted : t.notEnded}</Badge>}
                      {f.finishedAt ? <div className="muted">{formatDateTime(f.finishedAt)}</div> : null}
                    </td>
                    <td>
                      <div className="toolbar">
                        {canWrite ? (
                          <ButtonLink to={`/verksamhetsplan/${year}/${f.period}`} aria-label={`${f.status ? t.continue : t.write}: ${f.title}`}>
                            {f.status ? t.continue : t.write}
                          </ButtonLink>
                        ) : null}
                        {f.status ? (
                          <ButtonLink to={`/verksamhetsplan/${year}/${f.period}/rapport`} aria-label={`${t.showReport}: ${f.title}`}>
                            {t.showReport}
                          </ButtonLink>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          );
        }}
      </QueryState>
    </Section>
  );
}

export function PlanPage() {
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(stockholmDate().slice(0, 4));
  const year = Number(params.get('ar')) || thisYear;
  const plan = usePlan(year);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
  return (
    <>
      <PageHeader
        title={t.title(year)}
        lead={t.lead}
        actions={
          can('plans.write') && !editing ? (
            <Button variant="primary" onClick={() => setEditing(true)}>
              {t.edit}
            </Button>
          ) : null
        }
      />
      <div className="toolbar">
        <SelectField label={t.year} name="year" value={String(year)} onChange={(v) => setParams({ ar: v })} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      {message ? <Banner kind="success">{message}</Banner> : null}
      <QueryState query={plan}>
        {(p) => (
          <>
            {p.updatedAt && p.updatedByName ? <p className="muted">{t.lastSaved(formatDateTime(p.updatedAt), p.updatedByName)}</p> : null}
            {editing ? (
              <PlanEditor
                key={`${p.year}-${p.version}`}
                plan={p}
                onDone={(m) => {
                  setEditing(false);
                  setMessage(m);
                }}
              />
            ) : (
              <PlanReadOnly plan={p} />
            )}
          </>
        )}
      </QueryState>
      <FollowUps year={year} />
    </>
  );
}
