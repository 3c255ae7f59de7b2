// The navigation: each item shows only when the user has its ability.
import { sv } from '../lib/sv.ts';
import { svRoster } from '../features/roster/sv.ts';

export interface NavItem {
  to: string;
  label: string;
  /** Needed to see the item; none means every signed-in user. */
  ability?: string;
  /** Hidden when the user has this ability (the full page replaces it). */
  unlessAbility?: string;
  /** Shown on the overview as a card with this text. */
  card?: string;
  end?: boolean;
}

export const navItems: NavItem[] = [
  // Jour staff start on the shift board; everyone else on the overview.
  { to: '/', label: sv.nav.board, ability: 'cases.write', end: true },
  { to: '/', label: sv.nav.overview, unlessAbility: 'cases.write', end: true },
  { to: '/arenden/nytt', label: sv.nav.newCase, ability: 'cases.write', end: true },
  { to: '/inkorg', label: sv.nav.inbox, ability: 'inbox.read', card: sv.overview.cards.inbox },
  { to: '/aviseringar', label: sv.nav.notices, ability: 'notices.read', card: sv.overview.cards.notices },
  { to: '/uppdrag', label: sv.nav.assignments, ability: 'assignments.read', card: sv.overview.cards.assignments },
  { to: '/schema', label: svRoster.nav.schema, ability: 'roster.read', card: svRoster.cards.schema },
  { to: '/beredskap', label: svRoster.nav.callouts, ability: 'callouts.write', card: svRoster.cards.callouts },
  { to: '/personal', label: svRoster.nav.staff, ability: 'staff.manage', card: svRoster.cards.staff },
  { to: '/kalender', label: sv.nav.calendar, ability: 'calendar.read', card: sv.overview.cards.calendar },
  { to: '/organisation', label: sv.nav.organisation, ability: 'organisation.read', card: sv.overview.cards.organisation },
  { to: '/anvandare', label: sv.nav.users, ability: 'users.read', card: sv.overview.cards.users },
  { to: '/logg', label: sv.nav.audit, ability: 'audit.read', card: sv.overview.cards.audit },
  // Those who may verify but not search the log (the administrator) get the check on a page of its own.
  { to: '/logg/integritet', label: sv.nav.auditIntegrity, ability: 'audit.verify', unlessAbility: 'audit.read', card: sv.overview.cards.auditIntegrity },
  { to: '/inloggningstjanster', label: sv.nav.identityProviders, ability: 'identityProviders.manage', card: sv.overview.cards.identityProviders },
];

export function visibleNavItems(can: (ability: string) => boolean): NavItem[] {
  return navItems.filter((item) => (!item.ability || can(item.ability)) && !(item.unlessAbility && can(item.unlessAbility)));
}
