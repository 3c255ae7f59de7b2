// Every page and who may see it. Paths are Swedish (they show in the address bar).
import { createBrowserRouter } from 'react-router';
import { AuditIntegrityPage } from '../routes/audit-integrity.tsx';
import { AuditPage } from '../routes/audit.tsx';
import { CalendarPage } from '../routes/calendar.tsx';
import { ChangePasswordPage } from '../routes/change-password.tsx';
import { IdentityProvidersPage } from '../routes/identity-providers.tsx';
import { LoginPage } from '../routes/login.tsx';
import { NotFoundPage } from '../routes/not-found.tsx';
import { OrganisationPage } from '../routes/organisation.tsx';
import { OverviewPage } from '../routes/overview.tsx';
import { UsersPage } from '../routes/users.tsx';
import { RequireAbility, RequireSession } from './guards.tsx';
import { Root } from './root.tsx';
import { AppShell } from './shell.tsx';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      children: [
        { path: '/logga-in', element: <LoginPage /> },
        {
          element: <RequireSession />,
          children: [
            {
              element: <AppShell />,
              children: [
                { index: true, element: <OverviewPage /> },
                { path: 'kalender', element: <RequireAbility ability="calendar.read"><CalendarPage /></RequireAbility> },
                { path: 'organisation', element: <RequireAbility ability="organisation.read"><OrganisationPage /></RequireAbility> },
                { path: 'anvandare', element: <RequireAbility ability="users.read"><UsersPage /></RequireAbility> },
                { path: 'logg', element: <RequireAbility ability="audit.read"><AuditPage /></RequireAbility> },
                { path: 'logg/integritet', element: <RequireAbility ability="audit.verify"><AuditIntegrityPage /></RequireAbility> },
                { path: 'inloggningstjanster', element: <RequireAbility ability="identityProviders.manage"><IdentityProvidersPage /></RequireAbility> },
                { path: 'byt-losenord', element: <ChangePasswordPage /> },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
