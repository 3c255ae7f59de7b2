// The signed-in frame: header (organisation, unit status, user, sign-out), navigation, and the page.
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { useLogout } from '../features/auth/api.ts';
import { useCan, useSession, useUser } from '../features/session/api.ts';
import { StatusBadge } from '../features/status/components/status-badge.tsx';
import { roleLabel, sv } from '../lib/sv.ts';
import { IdleWarning } from './idle-warning.tsx';
import { LiveUpdates } from './live-updates.tsx';
import { visibleNavItems } from './nav.ts';

function UserMenu() {
  const user = useUser();
  const logout = useLogout();
  return (
    <div className="user-menu">
      <p className="user-menu__who">
        <span className="visually-hidden">{sv.app.signedInAs} </span>
        <span className="user-menu__name">{user.displayName}</span>
        <span className="user-menu__role">
          {roleLabel(user.role)}
          {user.municipalityName ? `, ${user.municipalityName}` : ''}
        </span>
      </p>
      <Link to="/byt-losenord" className="user-menu__link">
        {sv.nav.changePassword}
      </Link>
      <Button size="small" onClick={() => logout.mutate(undefined)} pending={logout.isPending} pendingLabel={sv.app.loggingOut}>
        {sv.app.logout}
      </Button>
    </div>
  );
}

function MainNav() {
  const can = useCan();
  return (
    <nav className="main-nav" aria-label={sv.app.mainNav}>
      <ul className="main-nav__list">
        {visibleNavItems(can).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false} className={({ isActive }) => (isActive ? 'main-nav__link main-nav__link--active' : 'main-nav__link')}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * After navigating, move focus to the new page's heading so screen readers
 * announce it; unless the page has put focus in its first field (a form to
 * fill in at once, such as a new case).
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.matches('main input, main select, main textarea')) return;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
      return true;
    };
    if (focusHeading()) return;
    // A page that loads its data first gets its heading a moment later: focus it then, unless the user has moved on.
    const main = document.getElementById('main');
    if (!main) return;
    const observer = new MutationObserver(() => {
      const now = document.activeElement;
      if (now && now !== document.body && now !== main) observer.disconnect();
      else if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname]);
}

export function AppShell() {
  const session = useSession();
  const can = useCan();
  useFocusOnNavigation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {sv.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              J
            </span>
            <span className="brand__name">{session.organisation?.shortName ?? sv.app.name}</span>
          </Link>
          {session.demo ? (
            <Badge tone="warning" title={sv.app.demoTitle}>
              {sv.app.demoBadge}
            </Badge>
          ) : null}
          {can('status.read') ? <StatusBadge /> : null}
          <UserMenu />
        </div>
        <MainNav />
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <IdleWarning minutes={session.idleTimeoutMinutes} />
      {can('status.read') ? <LiveUpdates /> : null}
    </div>
  );
}
