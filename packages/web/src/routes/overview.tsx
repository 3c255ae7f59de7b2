// /: the start page, composed of small parts; each shows only what the role may use.
import { LinkCard } from '../components/ui/card.tsx';
import { PageHeader } from '../components/ui/page.tsx';
import { visibleNavItems } from '../app/nav.ts';
import { DaySummary } from '../features/calendar/components/day-summary.tsx';
import { useCan, useUser } from '../features/session/api.ts';
import { StatusDetail } from '../features/status/components/status-detail.tsx';
import { stockholmHour } from '../lib/format.ts';
import { sv } from '../lib/sv.ts';

/** Pages the role may see but not change get a card text that does not promise changes. */
function cardText(to: string, text: string | undefined, can: (ability: string) => boolean): string | undefined {
  if (to === '/organisation' && !can('organisation.update')) return sv.overview.cards.organisationRead;
  if (to === '/anvandare' && !can('users.manage')) return sv.overview.cards.usersRead;
  return text;
}

function Shortcuts() {
  const can = useCan();
  const items = visibleNavItems(can).filter((item) => item.card);
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title" className="section__title">
        {sv.overview.shortcutsHeading}
      </h2>
      <ul className="card-grid">
        {items.map((item) => (
          <li key={item.to}>
            <LinkCard to={item.to} title={item.label}>
              {cardText(item.to, item.card, can)}
            </LinkCard>
          </li>
        ))}
        <li>
          <LinkCard to="/byt-losenord" title={sv.nav.changePassword}>
            {sv.overview.cards.changePassword}
          </LinkCard>
        </li>
      </ul>
    </section>
  );
}

export function OverviewPage() {
  const user = useUser();
  const can = useCan();
  return (
    <>
      <PageHeader
        title={sv.overview.title}
        lead={
          <>
            {sv.overview.greeting(stockholmHour(), user.displayName)}.
            {user.role === 'kommun' && user.municipalityName ? <> {sv.overview.municipalityScope(user.municipalityName)}</> : null}
          </>
        }
      />
      <div className="overview-grid">
        {can('status.read') ? <StatusDetail /> : null}
        {can('calendar.read') ? <DaySummary /> : null}
      </div>
      <Shortcuts />
    </>
  );
}
