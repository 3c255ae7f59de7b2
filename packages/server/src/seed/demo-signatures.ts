import type { Ctx, Principal } from '../app/context.ts';
import { AppError } from '../errors.ts';
import { recordDecision } from '../features/cases/decisions.ts';

/**
 * Politicians' decisions in the demo: Täby's on-call chair took immediate care
 * orders by phone in two of the last nights' child cases, recorded through the
 * same use case as the web app's. One is still unsigned (the board, the
 * follow-up page and the case page offer the signing link); the other was
 * signed on paper. Both wait to be reported to Täby's committee.
 */
export async function seedDemoPoliticianDecisions(ctx: Ctx, organisationId: string): Promise<number> {
  const worker = await ctx.trx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('organisation_id', '=', organisationId)
    .where('username', '=', 'demo.socialsekreterare')
    .executeTakeFirst();
  if (!worker) return 0;
  // Last night's cases about a Täby child, handed over this morning: the decisions were taken during the night.
  const children = await ctx.trx
    .selectFrom('jour_case as c')
    .innerJoin('case_person as cp', 'cp.case_id', 'c.id')
    .select(['c.id as caseId', 'cp.person_id as personId', 'c.received_at', 'c.status', 'c.closed_at'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.municipality_code', '=', '0160')
    .where('c.status', '=', 'handed_over')
    .where('cp.role', '=', 'child')
    .orderBy('c.received_at', 'desc')
    .limit(10)
    .execute();
  const distinct = children.filter((c, i) => children.findIndex((x) => x.caseId === c.caseId) === i).slice(0, 2);
  const principal: Principal = { kind: 'user', displayName: worker.display_name, userId: worker.id, organisationId, role: 'socialsekreterare', municipalityCode: null };
  const asWorker: Ctx = { ...ctx, principal };
  let count = 0;
  for (const [i, child] of distinct.entries()) {
    const decidedAt = new Date(child.received_at.getTime() + 20 * 60_000);
    // Recorded through the use case while the case was open, then handed over again as it was.
    await ctx.trx.updateTable('jour_case').set({ status: 'open' }).where('id', '=', child.caseId).execute();
    try {
      await recordDecision(asWorker, child.caseId, {
        typeCode: 'LVU6',
        decidedAt: decidedAt.toISOString(),
        makerKind: 'politician',
        makerName: 'Gunilla Ek',
        makerCapacity: 'Ordförande i socialnämnden, Täby',
        communicatedVia: i === 0 ? 'phone' : 'paper',
        signedAt: i === 0 ? null : new Date(decidedAt.getTime() + 3_600_000).toISOString(),
        grounds: 'Barnet riskerar allvarlig skada i hemmet och vårdnadshavarna motsätter sig vård; rättens beslut kan inte avvaktas.',
        subjectPersonId: child.personId,
        granted: null,
        amountSek: null,
        linkedDecisionId: null,
        specialCircumstances: null,
        noticeOverrideReason: null,
      });
      count++;
    } catch (error) {
      // A demo case the rules refuse (the child's age, say): the demo goes on without it.
      if (!(error instanceof AppError)) throw error;
    }
    await ctx.trx.updateTable('jour_case').set({ status: child.status, closed_at: child.closed_at }).where('id', '=', child.caseId).execute();
  }
  return count;
}
