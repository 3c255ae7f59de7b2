import { Oversight } from '@jourbok/contracts';
import { can } from '@jourbok/domain';
import type { Ctx, Deps } from '../../app/context.ts';
import { forbidden } from '../../errors.ts';
import { run, type Api } from '../../http/run.ts';
import { overdueAssignments } from '../assignments/service.ts';
import { overdueDeadlines, overdueReports } from '../deliveries/service.ts';
import { actorOf } from '../persons/service.ts';
import { outstandingSignatures } from '../signing/service.ts';

/**
 * What is raised to the unit manager: assignments with an occasion passed
 * undocumented, reports the municipalities have not acknowledged in time,
 * politicians' decisions not yet signed, and legal deadlines passed without
 * the municipality confirming them.
 */
export async function getOversight(ctx: Ctx) {
  if (!can(actorOf(ctx), 'oversight.read')) throw forbidden();
  const [assignments, reports, signatures, deadlines] = [await overdueAssignments(ctx), await overdueReports(ctx), await outstandingSignatures(ctx), await overdueDeadlines(ctx)];
  await ctx.audit({ action: 'case.listed', entityType: 'case', entityId: null, details: { view: 'oversight', assignments: assignments.length, reports: reports.length, signatures: signatures.length, deadlines: deadlines.length } });
  return { now: ctx.now.toISOString(), overdueAssignments: assignments, overdueReports: reports, outstandingSignatures: signatures, overdueDeadlines: deadlines };
}

export function registerOversightRoutes(api: Api, deps: Deps) {
  api.get('/api/oversight', {
    config: { access: { permission: 'oversight.read', personalData: true } },
    schema: { tags: ['Oversight'], summary: "The unit manager's follow-up: overdue assignments, unacknowledged reports, unsigned decisions, passed deadlines", response: { 200: Oversight } },
    handler: (req) => run(deps, req, (ctx) => getOversight(ctx)),
  });
}
