// /arenden/nytt: register a case, then go to it.
import { useNavigate } from 'react-router';
import { PageHeader } from '../components/ui/page.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { IntakeForm } from '../features/cases/components/intake-form.tsx';
import { useOrganisation } from '../features/organisation/api.ts';
import { sv } from '../lib/sv.ts';

export function NewCasePage() {
  const organisation = useOrganisation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={sv.intake.title} lead={sv.intake.lead} />
      <QueryState query={organisation}>
        {(data) => <IntakeForm organisation={data} onRegistered={(created) => void navigate(`/arenden/${created.id}`, { state: { created: created.caseNumber } })} />}
      </QueryState>
    </>
  );
}
