import { AuditPage, AuditQuery, AuditVerifyResult } from '@jourbok/contracts';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import { searchAudit, verifyAuditChain } from './service.ts';

const tags = ['Audit log'];

export function registerAuditRoutes(api: Api, deps: Deps) {
  api.get('/api/audit', {
    config: { access: { permission: 'audit.read', personalData: true } },
    schema: { tags, summary: 'Search the audit log (access review)', querystring: AuditQuery, response: { 200: AuditPage } },
    handler: (req) => run(deps, req, (ctx) => searchAudit(ctx, req.query)),
  });

  api.post('/api/audit/verify', {
    config: { access: { permission: 'audit.verify' } },
    schema: { tags, summary: 'Check the hash chain of the whole audit log', response: { 200: AuditVerifyResult } },
    handler: async (req) => {
      const result = await verifyAuditChain(deps.database.db);
      await run(deps, req, (ctx) =>
        ctx.audit({ action: 'audit.verified', entityType: 'audit_log', entityId: null, details: { ok: result.ok, count: result.count } }),
      );
      return result;
    },
  });
}
