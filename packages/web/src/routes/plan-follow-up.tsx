// /verksamhetsplan/:year/:period: the unit manager writes the follow-up of
// the year's goals for a tertial or the year, the important issues and the
// comments on the statistics, and marks it finished when it is ready to send.
import { useState } from 'react';
import { useParams } from 'react-router';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button, ButtonLink } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { RadioGroup, TextAreaField, TextField } from '../components/ui/field.tsx';
import { PageHeader, Section } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useFollowUp, useFollowUpStatus, useSaveFollowUp, type FollowUp, type FollowUpContent } from '../features/plans/api.ts';
import { plansSv } from '../features/plans/sv.ts';
import { isApiError } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { NotFoundPage } from './not-found.tsx';

const t = plansSv.followUp;
type Status = 'met' | 'partly_met' | 'not_met';
const statuses: Status[] = ['met', 'partly_met', 'not_met'];
const commentKeys = ['municipalities', 'categories', 'decisions', 'keyFigures', 'summary'] as const;

function Editor({ followUp }: { followUp: FollowUp }) {
  const { year, period } = followUp;
  const save = useSaveFollowUp(year, period);
  const status = useFollowUpStatus(year, period);
  const [draft, setDraft] = useState<FollowUpContent>(followUp.content);
  const [message, setMessage] = useState<string | null>(null);
  const finished = followUp.status === 'finished';
  const error = save.error ?? status.error;
  const fieldError = (field: string) => (isApiError(error) && error.field === field ? error.message : undefined);
  const patchGoal = (i: number, change: Partial<FollowUpContent['goals'][number]>) => setDraft((d) => ({ ...d, goals: d.goals.map((g, j) => (j === i ? { ...g, ...change } : g)) }));
  const patchActivity = (i: number, text: string) => setDraft((d) => ({ ...d, activities: d.activities.map((a, j) => (j === i ? { ...a, text } : a)) }));
  const patchIndicator = (i: number, change: Partial<FollowUpContent['indicators'][number]>) => setDraft((d) => ({ ...d, indicators: d.indicators.map((x, j) => (j === i ? { ...x, ...change } : x)) }));
  const setComment = (key: (typeof commentKeys)[number], value: string) => setDraft((d) => ({ ...d, statisticsComments: { ...d.statisticsComments, [key]: value } }));
  const onSaved = () => setMessage(t.saved);

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        save.mutate({ version: followUp.version, content: draft }, { onSuccess: onSaved });
      }}
    >
      {finished && followUp.finishedAt ? (
        <Banner
          kind="success"
          actions={
            <Button size="small" pending={status.isPending} onClick={() => status.mutate({ action: 'reopen', version: followUp.version })}>
              {t.reopen}
            </Button>
          }
        >
          {t.finishedBanner(formatDateTime(followUp.finishedAt), followUp.finishedByName ?? '')}
        </Banner>
      ) : null}
      {message ? <Banner kind="success">{message}</Banner> : null}
      <ErrorBanner error={error} />
      {followUp.plan.goals.length === 0 ? <Banner kind="warning">{t.noGoals}</Banner> : null}
      <fieldset className="fieldset" disabled={finished}>
        {followUp.plan.goals.map((goal, i) => {
          const f = draft.goals[i]!;
          return (
            <Card key={goal.id} title={goal.title} headingLevel={3}>
              <RadioGroup<Status>
                legend={t.goalStatus}
                name={`status-${goal.id}`}
                value={f.status ?? ''}
                onChange={(v) => patchGoal(i, { status: v })}
                options={statuses.map((s) => ({ value: s, label: t.statuses[s] }))}
                error={fieldError(`goals.${i}.status`)}
              />
              <TextAreaField label={t.goalText} name={`goal-text-${goal.id}`} value={f.text} onChange={(v) => patchGoal(i, { text: v })} rows={4} error={fieldError(`goals.${i}.text`)} />
            </Card>
          );
        })}
        {followUp.plan.activities.length > 0 ? (
          <Section title={plansSv.plan.activities}>
            {followUp.plan.activities.map((a, i) => (
              <TextAreaField key={a.id} label={`${a.text} ${t.activityText}`} name={`activity-${a.id}`} value={draft.activities[i]!.text} onChange={(v) => patchActivity(i, v)} rows={2} />
            ))}
          </Section>
        ) : null}
        {followUp.plan.indicators.length > 0 ? (
          <Section title={plansSv.plan.indicators}>
            {followUp.plan.indicators.map((x, i) => {
              const f = draft.indicators[i]!;
              return (
                <fieldset key={x.id} className="fieldset">
                  <legend className="fieldset__legend">{x.name}</legend>
                  <p className="muted">{t.target(x.direction, x.target, x.unit)}</p>
                  <TextField
                    label={t.indicatorValue(x.unit)}
                    name={`indicator-${x.id}`}
                    inputMode="decimal"
                    value={f.value === null ? '' : String(f.value).replace('.', ',')}
                    onChange={(v) => {
                      const n = Number(v.replace(',', '.'));
                      patchIndicator(i, { value: v.trim() === '' || !Number.isFinite(n) ? null : n });
                    }}
                  />
                  <TextField label={t.indicatorComment} name={`indicator-comment-${x.id}`} value={f.comment} onChange={(v) => patchIndicator(i, { comment: v })} />
                </fieldset>
              );
            })}
          </Section>
        ) : null}
        <Section title={t.importantIssues}>
          <TextAreaField label={t.importantIssues} name="importantIssues" value={draft.importantIssues} onChange={(v) => setDraft((d) => ({ ...d, importantIssues: v }))} rows={6} />
        </Section>
        <Section title={t.statistics}>
          {commentKeys.map((key) => (
            <TextAreaField key={key} label={t.comments[key]} name={`comment-${key}`} value={draft.statisticsComments[key]} onChange={(v) => setComment(key, v)} rows={key === 'summary' ? 5 : 2} />
          ))}
        </Section>
      </fieldset>
      {!finished ? (
        <>
          {followUp.problems.length > 0 ? (
            <Banner kind="info" title={t.cannotFinish}>
              <ul>
                {followUp.problems.map((p) => (
                  <li key={p.field}>{p.message}</li>
                ))}
              </ul>
            </Banner>
          ) : null}
          <div className="toolbar">
            <Button type="submit" variant="primary" pending={save.isPending} pendingLabel={t.saving}>
              {t.save}
            </Button>
            {followUp.exists ? (
              <Button pending={status.isPending} pendingLabel={t.finishing} disabled={followUp.problems.length > 0} onClick={() => status.mutate({ action: 'finish', version: followUp.version })}>
                {t.finish}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </form>
  );
}

export function PlanFollowUpPage() {
  const params = useParams();
  const year = Number(params.year);
  const period = params.period ?? '';
  const valid = Number.isInteger(year) && ['T1', 'T2', 'T3', 'year'].includes(period);
  const followUp = useFollowUp(year, period);
  if (!valid) return <NotFoundPage />;
  return (
    <QueryState query={followUp}>
      {(f) => (
        <>
          <PageHeader
            title={t.title(f.title)}
            lead={t.lead}
            actions={
              <>
                <ButtonLink to={`/verksamhetsplan?ar=${year}`}>{t.back}</ButtonLink>
                {f.exists ? <ButtonLink to={`/verksamhetsplan/${year}/${period}/rapport`}>{t.showReport}</ButtonLink> : null}
              </>
            }
          />
          <Editor key={f.status} followUp={f} />
        </>
      )}
    </QueryState>
  );
}
