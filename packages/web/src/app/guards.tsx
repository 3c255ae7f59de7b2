// Route guards. The server enforces every rule; these only keep the UI honest:
// no page without a session, no page the role cannot use.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useCan, useSession } from '../features/session/api.ts';
import { ForbiddenPage } from '../routes/forbidden.tsx';
import { CHANGE_PASSWORD_PATH, loginPathFor } from './paths.ts';

/** Signed in fully (password and, where required, the second factor), and the password is not temporary. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  if (session.stage !== 'full' || !session.user) return <Navigate to={loginPathFor(here)} replace />;
  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?till=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}

/** The page, or "Du har inte behörighet" when the role lacks the ability. */
export function RequireAbility({ ability, children }: { ability: string; children?: ReactNode }) {
  const can = useCan();
  if (!can(ability)) return <ForbiddenPage />;
  return children ? <>{children}</> : <Outlet />;
}
