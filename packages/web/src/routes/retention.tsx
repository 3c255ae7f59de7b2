// /gallring: retention by rule. A dry run lists what would go; the run removes
// the personal data and free text, keeps the statistics, and is logged.
import { useState } from 'react';
import { Badge } from '../components/ui/badge.tsx';
import { Banner, ErrorBanner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { ConfirmDialog } from '../components/ui/dialog.tsx';
import { PageHeader, Section } from '../components/ui/page.tsx';
import { Loading, QueryState } from '../components/ui/query-state.tsx';
import { Table } from '../components/ui/table.tsx';
import { useRetentionPreview, useRetentionRuns, useRunRetention, type RetentionPreview } from '../features/privacy/api.ts';
import { RetentionRulesCard } from '../features/privacy/components/retention-rules.tsx';
import { svPrivacy } from '../features/privacy/sv.ts';
import { formatDateTime } from '../lib/format.ts';

const t = svPrivacy.retention;

function Preview({ preview, onRun }: { preview: RetentionPreview; onRun: () => void }) {
  return (
    <Section title={t.preview} id="preview" actions={preview.toRemove > 0 ? <Button variant="danger" onClick={onRun}>{t.run}</Button> : null}>
      <p role="status">
        {preview.toRemove === 0 ? t.nothing : t.previewSummary(preview.toRemove, preview.overdue, preview.personsToRemove)} {t.keptSummary(preview.kept.birthDay, preview.kept.placement)}
      </p>
      {preview.candidates.length > 0 ? (
        <>
          <p className="muted">{t.shown(preview.candidates.length, preview.candidatesTotal)}</p>
          <Table caption={t.preview} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t.caseNumber}</th>
                <th scope="col">{t.lastEntry}</th>
                <th scope="col">{t.removeBy}</th>
                <th scope="col">{t.persons}</th>
                <th scope="col">{t.verdict}</th>
              </tr>
            </thead>
            <tbody>
              {preview.candidates.map((c) => (
                <tr key={c.caseId} data-verdict={c.verdict}>
                  <td>{c.caseNumber}</td>
                  <td>{c.lastEntryDate}</td>
                  <td>{c.removeBy}</td>
                  <td>{c.personCount}</td>
                  <td>
                    <Badge tone={c.verdict === 'remove' ? 'danger' : 'neutral'}>{t.verdicts[c.verdict]}</Badge> {c.overdue ? <Badge tone="warning">{t.overdue}</Badge> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}
    </Section>
  );
}

export function RetentionPage() {
  const [asked, setAsked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const preview = useRetentionPreview(asked);
  const runs = useRetentionRuns();
  const run = useRunRetention();
  return (
    <>
      <PageHeader
        title={t.title}
        lead={t.intro}
        actions={
          <Button
            variant="primary"
            pending={preview.isFetching}
            pendingLabel={t.dryRunning}
            onClick={() => {
              setDone(null);
              if (asked) void preview.refetch();
              else setAsked(true);
            }}
          >
            {t.dryRun}
          </Button>
        }
      />
      <RetentionRulesCard />
      {done !== null ? <Banner kind="success">{t.done(done)}</Banner> : null}
      {preview.isError ? <ErrorBanner error={preview.error} /> : null}
      {asked && preview.isPending ? <Loading /> : null}
      {preview.data ? <Preview preview={preview.data} onRun={() => setConfirming(true)} /> : null}
      {confirming && preview.data ? (
        <ConfirmDialog
          title={t.confirmTitle}
          confirmLabel={t.run}
          danger
          pending={run.isPending}
          error={run.error ? <ErrorBanner error={run.error} /> : null}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            run.mutate(undefined, {
              onSuccess: () => {
                setDone(preview.data?.toRemove ?? 0);
                setConfirming(false);
              },
            })
          }
        >
          {t.confirmText(preview.data.toRemove)}
        </ConfirmDialog>
      ) : null}
      <Section title={t.runs} id="runs">
        <QueryState query={runs}>
          {(data) =>
            data.runs.length === 0 ? (
              <p className="muted">{t.noRuns}</p>
            ) : (
              <Table caption={t.runs} captionHidden>
                <thead>
                  <tr>
                    <th scope="col">{t.runAt}</th>
                    <th scope="col">{t.runBy}</th>
                    <th scope="col">{t.verdict}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.runs.map((r) => (
                    <tr key={r.id}>
                      <td>{formatDateTime(r.runAt)}</td>
                      <td>{r.runByName}</td>
                      <td>{t.counts(r.counts)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )
          }
        </QueryState>
      </Section>
    </>
  );
}
