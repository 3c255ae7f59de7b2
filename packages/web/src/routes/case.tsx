// /arenden/:id: the case page. Header (number, priority, status, municipality,
// category, received, child, protection assessment), the account, persons,
// triage, journal, decisions, time, costs and closing with the handover
// report. A municipality's user reads it without any form.
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { Banner } from '../components/ui/banner.tsx';
import { Button } from '../components/ui/button.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useCase, type CaseView } from '../features/cases/api.ts';
import { CaseFacts } from '../features/cases/components/case-facts.tsx';
import { CasePersons } from '../features/cases/components/case-persons.tsx';
import { CloseDialog, HandoverReports } from '../features/cases/components/closing.tsx';
import { DecisionsSection } from '../features/cases/components/decisions.tsx';
import { JournalSection, type JournalRequest } from '../features/cases/components/journal.tsx';
import { ChildMarker, PriorityBadge, StatusMarker } from '../features/cases/components/markers.tsx';
import { CostsSection, TimeSection } from '../features/cases/components/time-costs.tsx';
import { TriageSection } from '../features/cases/components/triage-section.tsx';
import { CaseNotices } from '../features/notices/components/case-notices.tsx';
import { useOrganisation, type Organisation } from '../features/organisation/api.ts';
import { useCan } from '../features/session/api.ts';
import { useNow } from '../lib/clock.ts';
import { formatDateTime, formatDateWithWeekday, stockholmDate } from '../lib/format.ts';
import { sv } from '../lib/sv.ts';

function ProtectionAssessment({ view, now, canWrite, onWrite }: { view: CaseView; now: number; canWrite: boolean; onWrite: () => void }) {
  if (!view.concernsChild) return null;
  if (view.hasProtectionAssessment) return <p className="assessment assessment--done">{sv.cases.assessmentDone}</p>;
  if (!view.protectionAssessmentDue) return null;
  const overdue = stockholmDate(new Date(now)) > view.protectionAssessmentDue;
  const action =
    canWrite && view.status === 'open' ? (
      <Button variant={overdue ? 'primary' : 'secondary'} onClick={onWrite}>
        {sv.cases.writeAssessment}
      </Button>
    ) : null;
  return overdue ? (
    <Banner kind="error" title={sv.cases.assessmentOverdue} actions={action}>
      {sv.cases.assessmentOverdueText(formatDateWithWeekday(view.protectionAssessmentDue))}
    </Banner>
  ) : (
    <Banner kind="warning" actions={action}>
      {sv.cases.assessmentDue(formatDateWithWeekday(view.protectionAssessmentDue))}
    </Banner>
  );
}

function CasePage({ view, organisation }: { view: CaseView; organisation: Organisation | undefined }) {
  const can = useCan();
  const location = useLocation();
  const now = useNow(60_000);
  const canWrite = can('cases.write');
  const isOpen = view.status === 'open';
  const canEdit = canWrite && isOpen;
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState<string | null>(() => {
    const created = (location.state as { created?: unknown } | null)?.created;
    return typeof created === 'string' ? sv.intake.created(created) : null;
  });
  const [journalRequest, setJournalRequest] = useState<JournalRequest | null>(null);
  const writeAssessment = () => {
    setClosing(false);
    setJournalRequest({ kind: 'protection_assessment', nonce: Date.now() });
  };
  const categoryName = organisation?.categories.find((c) => c.code === view.categoryCode)?.name ?? view.categoryCode;
  const municipalityName = (code: string) => organisation?.municipalities.find((m) => m.code === code)?.name ?? sv.cases.otherMunicipalityCode(code);

  return (
    <>
      <PageHeader
        title={sv.cases.title(view.caseNumber)}
        lead={
          <span className="case-lead">
            <PriorityBadge priority={view.priority} large />
            <StatusMarker status={view.status} />
            {view.caseType === 'orosanmalan' ? <span className="marker marker--type">{sv.cases.caseTypes.orosanmalan}</span> : null}
            {view.concernsChild ? <ChildMarker /> : null}
            <span>{view.isMember ? view.municipalityName : sv.cases.otherMunicipalityCode(view.municipalityCode)}</span>
            <span>{categoryName}</span>
            <span>
              {sv.cases.receivedAt} {formatDateTime(view.receivedAt)}
            </span>
          </span>
        }
        actions={
          canEdit ? (
            <Button variant="primary" onClick={() => setClosing(true)}>
              {sv.closing.open}
            </Button>
          ) : null
        }
      />
      <div className="stack case-top">
        {notice ? <Banner kind="success">{notice}</Banner> : null}
        {!canWrite ? <Banner kind="info">{sv.cases.readOnlyCase}</Banner> : !isOpen ? <Banner kind="info">{sv.cases.closedCase(sv.cases.status[view.status] ?? view.status, view.closedAt ? formatDateTime(view.closedAt) : '')}</Banner> : null}
        <CaseNotices caseId={view.id} notices={view.notices} canAcknowledge={canWrite && isOpen} />
        <ProtectionAssessment view={view} now={now} canWrite={canWrite} onWrite={writeAssessment} />
        <HandoverReports view={view} />
      </div>
      <div className="case-layout">
        <div className="case-layout__main">
          <CaseFacts view={view} organisation={organisation} canEdit={canEdit} onSaved={() => setNotice(sv.cases.saved)} />
          <JournalSection view={view} canWrite={canEdit} request={journalRequest} />
          <DecisionsSection view={view} organisation={organisation} canEdit={canEdit} />
        </div>
        <div className="case-layout__side">
          <CasePersons view={view} canEdit={canEdit} municipalityName={municipalityName} />
          <TriageSection view={view} canEdit={canEdit} />
          <TimeSection view={view} canEdit={canEdit} />
          <CostsSection view={view} canEdit={canEdit} />
        </div>
      </div>
      {closing ? (
        <CloseDialog
          view={view}
          onClose={() => setClosing(false)}
          onWriteAssessment={writeAssessment}
          onClosed={() => {
            setClosing(false);
            setNotice(sv.closing.done);
          }}
        />
      ) : null}
    </>
  );
}

export function CaseRoute() {
  const { id = '' } = useParams();
  const query = useCase(id);
  const organisation = useOrganisation();
  return (
    <QueryState query={query} label={sv.app.loading}>
      {(view) => <CasePage key={view.id} view={view} organisation={organisation.data} />}
    </QueryState>
  );
}
