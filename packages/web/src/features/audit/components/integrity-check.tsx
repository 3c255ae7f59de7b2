import { Banner, ErrorBanner } from '../../../components/ui/banner.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { sv } from '../../../lib/sv.ts';
import { useVerifyAudit } from '../api.ts';

/** Recompute the audit log's hash chain and say whether it is whole. */
export function IntegrityCheck({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <Card title={sv.audit.integrityTitle} headingLevel={headingLevel} className="integrity">
      <p>{sv.audit.integrityIntro}</p>
      <div className="integrity__result" aria-live="polite">
        {result ? (
          result.ok ? (
            <Banner kind="success">{sv.audit.verifyOk(result.count)}</Banner>
          ) : (
            <Banner kind="error">{sv.audit.verifyBroken(result.firstBroken?.seq ?? 0, result.firstBroken?.reason ?? '', result.count)}</Banner>
          )
        ) : null}
        <ErrorBanner error={verify.error} />
      </div>
      <Button variant="primary" onClick={() => verify.mutate()} pending={verify.isPending} pendingLabel={sv.audit.verifying}>
        {sv.audit.verify}
      </Button>
    </Card>
  );
}
