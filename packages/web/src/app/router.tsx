// Every page and who may see it. Paths are Swedish (they show in the address bar).
import { createBrowserRouter } from 'react-router';
import { AssignmentsPage } from '../routes/assignments.tsx';
import { AuditIntegrityPage } from '../routes/audit-integrity.tsx';
import { AuditPage } from '../routes/audit.tsx';
import { CalendarPage } from '../routes/calendar.tsx';
import { NewCasePage } from '../routes/case-new.tsx';
import { CaseRoute } from '../routes/case.tsx';
import { ChangePasswordPage } from '../routes/change-password.tsx';
import { IdentityProvidersPage } from '../routes/identity-providers.tsx';
import { InboxPage } from '../routes/inbox.tsx';
import { LoginPage } from '../routes/login.tsx';
import { NoticesPage } from '../routes/notices.tsx';
import { NotFoundPage } from '../routes/not-found.tsx';
import { OrganisationPage } from '../routes/organisation.tsx';
import { PersonPage } from '../routes/person.tsx';
import { StartPage } from '../routes/start.tsx';
import { UsersPage } from '../routes/users.tsx';
import { RequireAbility, RequireSession } from './guards.tsx';
import { Root } from './root.tsx';
import { AppShell } from './shell.tsx';
import { CallOutsPage } from '../routes/callouts.tsx';
import { SchemaPage } from '../routes/schema.tsx';
import { StaffPage } from '../routes/staff.tsx';

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
                { index: true, element: <StartPage /> },
                { path: 'arenden/nytt', element: <RequireAbility ability="cases.write"><NewCasePage /></RequireAbility> },
                { path: 'arenden/:id', element: <RequireAbility ability="cases.read"><CaseRoute /></RequireAbility> },
                { path: 'personer/:id', element: <RequireAbility ability="persons.read"><PersonPage /></RequireAbility> },
                { path: 'kalender', element: <RequireAbility ability="calendar.read"><CalendarPage /></RequireAbility> },
                { path: 'organisation', element: <RequireAbility ability="organisation.read"><OrganisationPage /></RequireAbility> },
                { path: 'aviseringar', element: <RequireAbility ability="notices.read"><NoticesPage /></RequireAbility> },
                { path: 'uppdrag', element: <RequireAbility ability="assignments.read"><AssignmentsPage /></RequireAbility> },
                { path: 'inkorg', element: <RequireAbility ability="inbox.read"><InboxPage /></RequireAbility> },
                { path: 'anvandare', element: <RequireAbility ability="users.read"><UsersPage /></RequireAbility> },
                { path: 'logg', element: <RequireAbility ability="audit.read"><AuditPage /></RequireAbility> },
                { path: 'logg/integritet', element: <RequireAbility ability="audit.verify"><AuditIntegrityPage /></RequireAbility> },
                { path: 'inloggningstjanster', element: <RequireAbility ability="identityProviders.manage"><IdentityProvidersPage /></RequireAbility> },
                { path: 'schema', element: <RequireAbility ability="roster.read"><SchemaPage /></RequireAbility> },
                { path: 'personal', element: <RequireAbility ability="staff.manage"><StaffPage /></RequireAbility> },
                { path: 'beredskap', element: <RequireAbility ability="callouts.write"><CallOutsPage /></RequireAbility> },
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
