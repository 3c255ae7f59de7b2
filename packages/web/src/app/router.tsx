// Every page and who may see it. Paths are Swedish (they show in the address bar).
import { createBrowserRouter } from 'react-router';
import { AssignmentsPage } from '../routes/assignments.tsx';
import { AuditIntegrityPage } from '../routes/audit-integrity.tsx';
import { AuditPage } from '../routes/audit.tsx';
import { CalendarPage } from '../routes/calendar.tsx';
import { NewCasePage } from '../routes/case-new.tsx';
import { CaseRoute } from '../routes/case.tsx';
import { CommitteePage } from '../routes/committee.tsx';
import { FollowUpPage } from '../routes/follow-up.tsx';
import { ChangePasswordPage } from '../routes/change-password.tsx';
import { IdentityProvidersPage } from '../routes/identity-providers.tsx';
import { InboxPage } from '../routes/inbox.tsx';
import { LoginPage } from '../routes/login.tsx';
import { MoneyPage } from '../routes/money.tsx';
import { NoticesPage } from '../routes/notices.tsx';
import { NotFoundPage } from '../routes/not-found.tsx';
import { OrganisationPage } from '../routes/organisation.tsx';
import { PersonPage } from '../routes/person.tsx';
import { StatisticsPage } from '../routes/statistics.tsx';
import { ImportPage } from '../routes/import.tsx';
import { PoliticiansPage } from '../routes/politicians.tsx';
import { RoutingPage } from '../routes/routing.tsx';
import { SigningPage } from '../routes/signing.tsx';
import { StartPage } from '../routes/start.tsx';
import { UsersPage } from '../routes/users.tsx';
import { AccessReviewPage } from '../routes/access-review.tsx';
import { RetentionPage } from '../routes/retention.tsx';
import { SubjectAccessPage } from '../routes/subject-access.tsx';
import { CallsPage } from '../routes/calls.tsx';
import { DeviationsPage } from '../routes/deviations.tsx';
import { SelfInspectionsPage } from '../routes/self-inspections.tsx';
import { TelephonyPage } from '../routes/telephony.tsx';
import { DashboardPage } from '../routes/dashboard.tsx';
import { PlanFollowUpPage } from '../routes/plan-follow-up.tsx';
import { PlanReportPage } from '../routes/plan-report.tsx';
import { PlanPage } from '../routes/plan.tsx';
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
        // Public: no sign-in (the politician's signing link; the routing table for SOS Alarm and the police).
        { path: '/signera', element: <SigningPage /> },
        { path: '/vem-svarar', element: <RoutingPage /> },
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
                { path: 'loggkontroll', element: <RequireAbility ability="privacy.accessReview"><AccessReviewPage /></RequireAbility> },
                { path: 'gallring', element: <RequireAbility ability="privacy.retention"><RetentionPage /></RequireAbility> },
                { path: 'schema', element: <RequireAbility ability="roster.read"><SchemaPage /></RequireAbility> },
                { path: 'personal', element: <RequireAbility ability="staff.manage"><StaffPage /></RequireAbility> },
                { path: 'beredskap', element: <RequireAbility ability="callouts.write"><CallOutsPage /></RequireAbility> },
                { path: 'registerutdrag', element: <RequireAbility ability="privacy.subjectAccess"><SubjectAccessPage /></RequireAbility> },
                { path: 'organisation', element: <RequireAbility ability="organisation.read"><OrganisationPage /></RequireAbility> },
                { path: 'aviseringar', element: <RequireAbility ability="notices.read"><NoticesPage /></RequireAbility> },
                { path: 'uppdrag', element: <RequireAbility ability="assignments.read"><AssignmentsPage /></RequireAbility> },
                { path: 'inkorg', element: <RequireAbility ability="inbox.read"><InboxPage /></RequireAbility> },
                { path: 'politiker', element: <RequireAbility ability="politicians.read"><PoliticiansPage /></RequireAbility> },
                { path: 'anmalan-till-namnd', element: <RequireAbility ability="committee.manage"><CommitteePage /></RequireAbility> },
                { path: 'uppfoljning', element: <RequireAbility ability="oversight.read"><FollowUpPage /></RequireAbility> },
                { path: 'anvandare', element: <RequireAbility ability="users.read"><UsersPage /></RequireAbility> },
                { path: 'logg', element: <RequireAbility ability="audit.read"><AuditPage /></RequireAbility> },
                { path: 'logg/integritet', element: <RequireAbility ability="audit.verify"><AuditIntegrityPage /></RequireAbility> },
                { path: 'inloggningstjanster', element: <RequireAbility ability="identityProviders.manage"><IdentityProvidersPage /></RequireAbility> },
                { path: 'avvikelser', element: <RequireAbility ability="deviations.read"><DeviationsPage /></RequireAbility> },
                { path: 'egenkontroller', element: <RequireAbility ability="selfInspections.manage"><SelfInspectionsPage /></RequireAbility> },
                { path: 'samtal', element: <RequireAbility ability="calls.read"><CallsPage /></RequireAbility> },
                { path: 'telefonikopplingar', element: <RequireAbility ability="telephony.manage"><TelephonyPage /></RequireAbility> },
                { path: 'verksamhetsplan', element: <RequireAbility ability="plans.read"><PlanPage /></RequireAbility> },
                { path: 'verksamhetsplan/:year/:period', element: <RequireAbility ability="plans.write"><PlanFollowUpPage /></RequireAbility> },
                { path: 'verksamhetsplan/:year/:period/rapport', element: <RequireAbility ability="plans.read"><PlanReportPage /></RequireAbility> },
                { path: 'oversikt/statistik', element: <RequireAbility ability="dashboard.read"><DashboardPage /></RequireAbility> },
                { path: 'ekonomi', element: <RequireAbility ability="costs.read"><MoneyPage /></RequireAbility> },
                { path: 'statistik', element: <RequireAbility ability="statistics.read"><StatisticsPage /></RequireAbility> },
                { path: 'import', element: <RequireAbility ability="statistics.import"><ImportPage /></RequireAbility> },
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
