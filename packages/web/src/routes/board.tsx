// / for jour staff: the shift board. Open cases by priority and waiting time,
// who is on shift, the unit's status, open legal deadlines and the handover
// notes; kept current by the live event stream. N starts a new case.
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { Banner } from '../components/ui/banner.tsx';
import { ButtonLink } from '../components/ui/button.tsx';
import { Card } from '../components/ui/card.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useBoard } from '../features/board/api.ts';
import { BoardAssignments, UnsignedDecisions } from '../features/board/components/board-assignments.tsx';
import { Deadlines } from '../features/board/components/deadlines.tsx';
import { OpenCases } from '../features/board/components/open-cases.tsx';
import { ShiftNotes } from '../features/board/components/shift-notes.tsx';
import { useLiveState } from '../features/live/api.ts';
import { BoardAttention } from '../features/quality/components/board-attention.tsx';
import { BoardCallbacks } from '../features/quality/components/board-callbacks.tsx';
import { useCan } from '../features/session/api.ts';
import { useOrganisation } from '../features/organisation/api.ts';
import { StatusDetail } from '../features/status/components/status-detail.tsx';
import { useNow } from '../lib/clock.ts';
import { formatMoment } from '../lib/format.ts';
import { RestAlerts } from '../features/roster/components/rest-alerts.tsx';
import { svRoster } from '../features/roster/sv.ts';
import { roleLabel, sv } from '../lib/sv.ts';

const NEW_CASE_PATH = '/arenden/nytt';

/** N (without modifiers, outside fields and dialogs) opens a new case. */
function useNewCaseShortcut() {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]'))) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      void navigate(NEW_CASE_PATH);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);
}

function LiveIndicator() {
  const state = useLiveState();
  if (state === 'lost') return <Banner kind="warning">{sv.board.liveLost}</Banner>;
  return (
    <p className={`live-indicator live-indicator--${state}`}>
      <span className="live-indicator__dot" aria-hidden="true" />
      {sv.board.live}
    </p>
  );
}

export function BoardPage() {
  const board = useBoard();
  const can = useCan();
  const organisation = useOrganisation();
  const now = useNow(30_000);
  useNewCaseShortcut();
  const categories = new Map((organisation.data?.categories ?? []).map((c) => [c.code, c.name]));
  const municipalities = new Map((organisation.data?.municipalities ?? []).map((m) => [m.code, m.name]));
  const categoryName = (code: string) => categories.get(code) ?? code;
  const municipalityName = (code: string) => municipalities.get(code) ?? sv.cases.otherMunicipalityCode(code);
  const open = board.data?.openCases.length;

  return (
    <>
      <PageHeader
        title={sv.board.title}
        lead={open === undefined ? undefined : sv.board.lead(open)}
        actions={
          <ButtonLink to={NEW_CASE_PATH} variant="primary" className="button--large" aria-keyshortcuts="n">
            {sv.board.newCase}
            <kbd className="kbd" title={sv.board.shortcutHint}>
              N
            </kbd>
          </ButtonLink>
        }
      />
      <LiveIndicator />
      <QueryState query={board}>
        {(data) => {
          const elapsed = Math.max(0, Math.floor((now - board.dataUpdatedAt) / 60_000));
          const serverNow = new Date(Date.parse(data.now) + (now - board.dataUpdatedAt));
          return (
            <div className="board">
              <section className="board__cases" aria-labelledby="board-open">
                <h2 className="section__title" id="board-open">
                  {sv.board.openCases} <span className="count">{data.openCases.length}</span>
                </h2>
                <OpenCases cases={data.openCases} elapsedMinutes={elapsed} now={serverNow} categoryName={categoryName} />
              </section>
              <div className="board__side">
                {can('calls.read') ? <BoardCallbacks canWrite={can('calls.write')} /> : null}
                {can('deviations.manage') ? <BoardAttention /> : null}
                <Card title={sv.board.deadlines} className="board__deadlines">
                  <p className="card__hint">{sv.board.deadlinesIntro}</p>
                  <Deadlines deadlines={data.deadlines} municipalityName={municipalityName} />
                </Card>
                <Card title={sv.assignments.boardTitle}>
                  <BoardAssignments assignments={data.assignments} />
                </Card>
                {data.restAlerts && data.restAlerts.length > 0 ? (
                  <Card title={svRoster.board.title}>
                    <RestAlerts alerts={data.restAlerts} />
                  </Card>
                ) : null}
                {data.unsignedDecisions.length > 0 ? (
                  <Card title={sv.signatures.boardTitle}>
                    <UnsignedDecisions decisions={data.unsignedDecisions} />
                  </Card>
                ) : null}
                <Card title={sv.board.notes}>
                  <ShiftNotes notes={data.shiftNotes} now={serverNow} />
                </Card>
                <Card title={sv.board.onShift}>
                  {data.onShift.length === 0 ? (
                    <p className="muted">{sv.board.nobodyOnShift}</p>
                  ) : (
                    <ul className="plain-list on-shift">
                      {data.onShift.map((u) => (
                        <li key={u.id}>
                          <span className="on-shift__name">{u.displayName}</span> <span className="muted">{roleLabel(u.role)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
                <StatusDetail />
                <Card title={sv.board.recentlyClosed}>
                  {data.recentlyClosed.length === 0 ? (
                    <p className="muted">{sv.board.noneClosed}</p>
                  ) : (
                    <ul className="plain-list recently-closed">
                      {data.recentlyClosed.map((c) => (
                        <li key={c.id}>
                          <Link to={`/arenden/${c.id}`}>{c.caseNumber}</Link> <span className="muted">{sv.cases.status[c.status] ?? c.status}</span>
                          {c.closedAt ? <span className="muted"> · {formatMoment(c.closedAt, serverNow)}</span> : null}
                          <span className="muted"> · {municipalityName(c.municipalityCode)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              </div>
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
