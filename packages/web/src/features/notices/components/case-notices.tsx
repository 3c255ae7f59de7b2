// The notices in force of a case's persons, at the top of the case: a
// must-read notice not acknowledged in this case blocks it until "Jag har läst".
import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { sv } from '../../../lib/sv.ts';
import { useAcknowledgeNotice, type CaseNotice } from '../api.ts';

function NoticeBody({ notice }: { notice: CaseNotice }) {
  return (
    <>
      <p>
        {sv.notices.from(notice.municipalityName)} · {sv.notices.levels[notice.level]} · {sv.notices.validity(notice.validFrom, notice.validTo)}
      </p>
      {notice.instructionLabels.length > 0 ? (
        <ul>
          {notice.instructionLabels.map((label) => (
            <li key={label}>
              <strong>{label}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {notice.plan ? <p>{`${sv.notices.plan}: ${notice.plan}`}</p> : null}
      {notice.shouldDo ? <p>{`${sv.notices.shouldDo}: ${notice.shouldDo}`}</p> : null}
      {notice.shouldNotDo ? <p>{`${sv.notices.shouldNotDo}: ${notice.shouldNotDo}`}</p> : null}
      <p>{sv.notices.contact(notice.contactName, notice.contactPhone)}</p>
      {notice.acknowledgement ? <p className="muted">{sv.notices.acknowledged(notice.acknowledgement.acknowledgedByName, formatDateTime(notice.acknowledgement.acknowledgedAt))}</p> : null}
    </>
  );
}

export function CaseNotices({ caseId, notices, canAcknowledge }: { caseId: string; notices: readonly CaseNotice[]; canAcknowledge: boolean }) {
  const acknowledge = useAcknowledgeNotice(caseId);
  if (notices.length === 0) return null;
  return (
    <section className="stack" aria-label={sv.notices.inCase}>
      <ErrorBanner error={acknowledge.error} />
      {notices.map((n) =>
        n.blocksCase ? (
          <Banner
            key={n.id}
            kind="error"
            title={`${sv.notices.mustRead}: ${n.title}`}
            actions={
              canAcknowledge ? (
                <Button variant="primary" pending={acknowledge.isPending && acknowledge.variables === n.id} onClick={() => acknowledge.mutate(n.id)}>
                  {sv.notices.acknowledge}
                </Button>
              ) : null
            }
          >
            <NoticeBody notice={n} />
          </Banner>
        ) : (
          <Banner key={n.id} kind={n.level === 'information' ? 'info' : 'warning'} title={n.title}>
            <NoticeBody notice={n} />
          </Banner>
        ),
      )}
    </section>
  );
}
