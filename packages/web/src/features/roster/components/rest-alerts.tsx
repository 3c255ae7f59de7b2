// Call-outs that broke the next shift's rest, with the substitutes to call (board and beredskap page).
import { formatTime } from '../../../lib/format.ts';
import type { Alert } from '../api.ts';
import { svRoster } from '../sv.ts';

export function RestAlerts({ alerts }: { alerts: Alert[] }) {
  return (
    <ul className="plain-list rest-alerts">
      {alerts.map((a) => (
        <li key={a.callOutId} className="deadline deadline--soon rest-alert">
          <p className="deadline__when">{a.message}</p>
          <p className="deadline__what">
            {svRoster.board.proposals}{' '}
            {a.proposals.length === 0
              ? svRoster.schema.noProposal
              : a.proposals.map((p) => `${p.name} (${svRoster.shiftKinds[p.kind] ?? p.kind} ${formatTime(p.start)}–${formatTime(p.end)})`).join(', ')}
          </p>
        </li>
      ))}
    </ul>
  );
}
