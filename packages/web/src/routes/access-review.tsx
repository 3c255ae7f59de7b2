// /loggkontroll: the unit manager's access review. Who opened which person,
// when and in which case; unusual access reported; the review recorded.
import { useState, type FormEvent } from 'react';
import { Badge } from '../components/ui/badge.tsx';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { SelectField, TextAreaField, TextField } from '../components/ui/field.tsx';
import { PageHeader, Section } from '../components/ui/page.tsx';
import { Loading, QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { personHistoryUrl, useAccessReview, useAccessReviews, useRecordReview, type AccessReviewResult, type ReviewFilters } from '../features/privacy/api.ts';
import { ReviewThresholds } from '../features/privacy/components/review-thresholds.tsx';
import { svPrivacy } from '../features/privacy/sv.ts';
import { useUsers } from '../features/users/api.ts';
import { addDays, formatDateTime, stockholmDate } from '../lib/format.ts';
import { isApiError } from '../lib/api.ts';

const t = svPrivacy.review;

function Filters({ onSearch, pending, errors }: { onSearch: (f: ReviewFilters) => void; pending: boolean; errors: Record<string, string> }) {
  const users = useUsers();
  const today = stockholmDate();
  const [draft, setDraft] = useState({ from: addDays(today, -30), to: today, userId: '', personId: '' });
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ from: draft.from, to: draft.to, ...(draft.userId ? { userId: draft.userId } : {}), ...(draft.personId.trim() ? { personId: draft.personId.trim() } : {}) });
  };
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t.title} noValidate>
      <div className="filters__grid">
        <TextField label={t.from} name="from" type="date" value={draft.from} onChange={set('from')} error={errors.from} />
        <TextField label={t.to} name="to" type="date" value={draft.to} onChange={set('to')} error={errors.to} />
        <SelectField
          label={t.user}
          name="userId"
          value={draft.userId}
          onChange={set('userId')}
          options={[{ value: '', label: t.allUsers }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))]}
        />
        <TextField label={t.personId} name="personId" value={draft.personId} onChange={set('personId')} error={errors.personId} autoComplete="off" />
      </div>
      <div>
        <Button type="submit" variant="primary" pending={pending} pendingLabel={t.searching}>
          {t.search}
        </Button>
      </div>
    </form>
  );
}

function Findings({ review }: { review: AccessReviewResult }) {
  return (
    <Section title={t.findings} id="findings">
      <p className="muted">{t.rules(review.settings)}</p>
      <p role="status">{t.summary(review.summary.protected_identity, review.summary.outside_shift_cases, review.summary.volume)}</p>
      {review.findings.length === 0 ? (
        <Banner kind="success">{t.noFindings}</Banner>
      ) : (
        <Table caption={t.findings} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.day}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.person}</th>
              <th scope="col">{t.detail}</th>
            </tr>
          </thead>
          <tbody>
            {review.findings.map((f, i) => (
              <tr key={`${f.kind}-${f.userId}-${f.personId ?? ''}-${f.day}-${i}`} data-finding={f.kind}>
                <td>
                  <Badge tone={f.kind === 'volume' ? 'warning' : 'danger'}>{t.kinds[f.kind]}</Badge>
                </td>
                <td>{f.day}</td>
                <td>{f.userName}</td>
                <td>
                  {f.personId ? (
                    <a href={personHistoryUrl(f.personId)} download>
                      {f.personName}
                    </a>
                  ) : (
                    '–'
                  )}
                </td>
                <td>{f.kind === 'volume' ? t.volumeDetail(f.count, f.usual) : t.eventsDetail(f.count)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Section>
  );
}

function Openings({ review }: { review: AccessReviewResult }) {
  return (
    <Section title={t.openings} id="openings">
      {review.openings.length === 0 ? (
        <Banner kind="info">{t.noOpenings}</Banner>
      ) : (
        <>
          <p className="muted">{t.openingsShown(review.openings.length, review.openingsTotal)}</p>
          <Table caption={t.openings} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.person}</th>
                <th scope="col">{t.caseNumber}</th>
                <th scope="col">{t.what}</th>
              </tr>
            </thead>
            <tbody>
              {review.openings.map((o) => (
                <tr key={o.seq}>
                  <td>{formatDateTime(o.occurredAt)}</td>
                  <td>{o.userName}</td>
                  <td>
                    <a href={personHistoryUrl(o.personId)} download title={t.history}>
                      {o.personName}
                    </a>{' '}
                    {o.personProtected ? <Badge tone="danger">{t.protectedBadge}</Badge> : null}
                  </td>
                  <td>{o.caseNumber ?? '–'}</td>
                  <td>
                    {t.actions[o.action] ?? o.action}
                    {o.purpose ? <span className="muted"> – {o.purpose}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </Section>
  );
}

function RecordReview({ filters }: { filters: ReviewFilters }) {
  const record = useRecordReview();
  const [conclusion, setConclusion] = useState('');
  const fieldError = isApiError(record.error) && record.error.field === 'conclusion' ? record.error.message : undefined;
  return (
    <Card title={t.record}>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate({ ...filters, conclusion }, { onSuccess: () => setConclusion('') });
        }}
      >
        {record.isSuccess ? <Banner kind="success">{t.saved}</Banner> : null}
        {record.error && !fieldError ? <ErrorBanner error={record.error} /> : null}
        <TextAreaField label={t.conclusion} name="conclusion" hint={t.conclusionHint} value={conclusion} onChange={setConclusion} error={fieldError} />
        <div>
          <Button type="submit" variant="primary" pending={record.isPending} pendingLabel={t.saving}>
            {t.save}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function EarlierReviews() {
  const reviews = useAccessReviews();
  return (
    <Section title={t.earlier} id="earlier">
      <QueryState query={reviews}>
        {(data) =>
          data.reviews.length === 0 ? (
            <p className="muted">{t.noEarlier}</p>
          ) : (
            <Table caption={t.earlier} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t.period}</th>
                  <th scope="col">{t.reviewedBy}</th>
                  <th scope="col">{t.findingCount}</th>
                  <th scope="col">{t.conclusion}</th>
                </tr>
              </thead>
              <tbody>
                {data.reviews.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.from} – {r.to}
                    </td>
                    <td>
                      {r.reviewedByName}, {formatDateTime(r.reviewedAt)}
                    </td>
                    <td>{r.findingCount}</td>
                    <td>{r.conclusion}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
    </Section>
  );
}

export function AccessReviewPage() {
  const [filters, setFilters] = useState<ReviewFilters | null>(null);
  const review = useAccessReview(filters);
  const errors = isApiError(review.error) && review.error.field ? { [review.error.field]: review.error.message } : {};
  return (
    <>
      <PageHeader title={t.title} lead={t.intro} />
      <Filters
        pending={review.isFetching}
        errors={errors}
        onSearch={(next) => {
          if (JSON.stringify(next) === JSON.stringify(filters)) void review.refetch();
          else setFilters(next);
        }}
      />
      {review.isError && !errors.from && !errors.to ? <ErrorBanner error={review.error} /> : null}
      {filters && review.isPending ? <Loading /> : null}
      {review.data && filters ? (
        <>
          <Findings review={review.data} />
          <RecordReview filters={filters} />
          <Openings review={review.data} />
        </>
      ) : null}
      <EarlierReviews />
      <ReviewThresholds />
    </>
  );
}
