// The open cases, most urgent first: priority, then the longest wait.
import { Link } from 'react-router';
import { Table } from '../../../components/ui/table.tsx';
import { formatDuration, formatMoment } from '../../../lib/format.ts';
import { sv } from '../../../lib/sv.ts';
import { AssessmentOverdueMarker, ChildMarker, PriorityBadge } from '../../cases/components/markers.tsx';
import { ProtectedMarker } from '../../persons/components/protected-marker.tsx';
import type { BoardCase } from '../api.ts';

export function sortOpenCases(cases: readonly BoardCase[]): BoardCase[] {
  return [...cases].sort((a, b) => (a.priority ?? 9) - (b.priority ?? 9) || b.waitingMinutes - a.waitingMinutes || a.caseNumber.localeCompare(b.caseNumber));
}

export function OpenCases({
  cases,
  elapsedMinutes,
  now,
  categoryName,
}: {
  cases: readonly BoardCase[];
  /** minutes since the board was fetched: waiting times grow on screen */
  elapsedMinutes: number;
  now: Date;
  categoryName: (code: string) => string;
}) {
  if (cases.length === 0) return <p className="empty">{sv.board.noOpenCases}</p>;
  return (
    <Table caption={sv.board.openCasesCaption} captionHidden className="board-table">
      <thead>
        <tr>
          <th scope="col">{sv.board.columns.priority}</th>
          <th scope="col">{sv.board.columns.case}</th>
          <th scope="col">{sv.board.columns.waiting}</th>
          <th scope="col">{sv.board.columns.persons}</th>
          <th scope="col">{sv.board.columns.summary}</th>
        </tr>
      </thead>
      <tbody>
        {sortOpenCases(cases).map((c) => (
          <tr key={c.id} className={`board-row board-row--p${c.priority ?? 'none'}`}>
            <td>
              <PriorityBadge priority={c.priority} />
            </td>
            <th scope="row">
              <Link to={`/arenden/${c.id}`} className="board-row__link">
                {c.caseNumber}
              </Link>
              <span className="board-row__meta">
                {c.caseType === 'orosanmalan' ? <span className="marker marker--type">{sv.cases.caseTypes.orosanmalan}</span> : null}
                <span>{categoryName(c.categoryCode)}</span>
                <span>{c.municipalityName === sv.cases.otherMunicipality ? sv.cases.otherMunicipalityCode(c.municipalityCode) : c.municipalityName}</span>
              </span>
            </th>
            <td className="nowrap">
              <span className="board-row__waiting">{sv.board.waited(formatDuration(c.waitingMinutes + elapsedMinutes))}</span>
              <span className="board-row__received">{sv.board.received(formatMoment(c.receivedAt, now))}</span>
            </td>
            <td>
              <div className="board-row__flags">
                {c.concernsChild ? <ChildMarker /> : null}
                {c.protectionAssessmentOverdue ? <AssessmentOverdueMarker /> : null}
              </div>
              {c.persons.length === 0 ? (
                <span className="muted">{sv.board.noPersons}</span>
              ) : (
                <ul className="plain-list board-row__persons">
                  {c.persons.map((p, index) => (
                    <li key={index}>
                      {p.isProtected ? <ProtectedMarker /> : <span>{p.displayName}</span>} <span className="muted">({(sv.cases.roles[p.role] ?? p.role).toLowerCase()})</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="board-row__summary">{c.summary}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
