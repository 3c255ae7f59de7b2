// /logg/integritet: the integrity check on its own (for those who may verify but not search the log).
import { PageHeader } from '../components/ui/page.tsx';
import { IntegrityCheck } from '../features/audit/components/integrity-check.tsx';
import { sv } from '../lib/sv.ts';

export function AuditIntegrityPage() {
  return (
    <>
      <PageHeader title={sv.audit.integrityTitle} />
      <IntegrityCheck />
    </>
  );
}
