import { acknowledgementDeadline, type JsonValue } from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import type { JobRun } from '../../jobs/types.ts';
import { reportDeliveryMail, unacknowledgedReportsMail } from '../../mail/messages.ts';
import { queueEmail } from '../../mail/outbox.ts';
import { announce } from '../live/events.ts';

/** Reports older than this are not delivered by the morning run (a new installation, a long outage). */
const LOOKBACK_DAYS = 7;

export function formatLocal(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/**
 * The morning delivery: every handover report created before the run's time
 * and not yet delivered goes to its home municipality's inbox (a
 * report_delivery row each), and the municipality's functional mailbox gets
 * one e-mail with the count and a link: no personal data. Reports of
 * non-members are not delivered (the jour sends them as before).
 */
export async function deliverHandoverReports(ctx: Ctx, job: JobRun): Promise<Record<string, JsonValue>> {
  const cutoff = new Date(job.run.at);
  const from = new Date(cutoff.getTime() - LOOKBACK_DAYS * 86_400_000);
  const reports = await ctx.trx
    .selectFrom('handover_report as r')
    .innerJoin('municipality as m', (j) => j.onRef('m.organisation_id', '=', 'r.organisation_id').onRef('m.code', '=', 'r.municipality_code'))
    .select(['r.id', 'r.municipality_code', 'm.name', 'm.functional_mailbox'])
    .where('r.organisation_id', '=', job.organisationId)
    .where('m.is_member', '=', true)
    .where('r.created_at', '<', cutoff)
    .where('r.created_at', '>=', from)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('report_delivery as d').select('d.id').whereRef('d.handover_report_id', '=', 'r.id'))))
    .orderBy('r.created_at')
    .execute();
  if (reports.length === 0) return { delivered: 0, municipalities: 0, emails: 0 };
  const acknowledgeBy = acknowledgementDeadline(ctx.now.toISOString(), job.settings.reportAcknowledgeBy, job.timeZone);
  await ctx.trx
    .insertInto('report_delivery')
    .values(
      reports.map((r) => ({
        handover_report_id: r.id,
        organisation_id: job.organisationId,
        municipality_code: r.municipality_code,
        job_name: 'handover_delivery',
        scheduled_date: job.run.date,
        delivered_at: ctx.now,
        acknowledge_by: new Date(acknowledgeBy),
      })),
    )
    .execute();
  const org = await ctx.trx.selectFrom('organisation').select('name').where('id', '=', job.organisationId).executeTakeFirstOrThrow();
  const byMunicipality = new Map<string, typeof reports>();
  for (const r of reports) byMunicipality.set(r.municipality_code, [...(byMunicipality.get(r.municipality_code) ?? []), r]);
  let emails = 0;
  const withoutMailbox: string[] = [];
  for (const [code, list] of byMunicipality) {
    const { name, functional_mailbox: mailbox } = list[0]!;
    await ctx.audit({ action: 'handover.delivered', entityType: 'report_delivery', entityId: null, municipalityCode: code, details: { reports: list.length, date: job.run.date, emailed: mailbox !== null } });
    if (mailbox) {
      const mail = reportDeliveryMail({ organisationName: org.name, municipalityName: name, count: list.length, acknowledgeBy: formatLocal(acknowledgeBy, job.timeZone), link: `${job.config.publicUrl}/inkorg` });
      await queueEmail(ctx.trx, { organisationId: job.organisationId, kind: 'report_delivery', to: mailbox, subject: mail.subject, text: mail.text }, ctx.now);
      emails++;
    } else {
      withoutMailbox.push(code);
    }
    await announce(ctx.trx, { organisationId: job.organisationId, topic: 'inbox', municipalityCode: code });
  }
  return { delivered: reports.length, municipalities: byMunicipality.size, emails, withoutMailbox };
}

/**
 * At the acknowledgement time: reports not acknowledged in time are raised to
 * the unit manager (flagged, listed on the follow-up route), and the unit's
 * address, when configured, gets one e-mail with the counts per municipality.
 */
export async function escalateUnacknowledged(ctx: Ctx, job: JobRun): Promise<Record<string, JsonValue>> {
  const rows = await ctx.trx
    .updateTable('report_delivery')
    .set({ escalated_at: ctx.now })
    .where('organisation_id', '=', job.organisationId)
    .where('acknowledged_at', 'is', null)
    .where('escalated_at', 'is', null)
    .where('acknowledge_by', '<=', ctx.now)
    .returning(['id', 'municipality_code'])
    .execute();
  if (rows.length === 0) return { escalated: 0, emailed: false };
  const names = new Map(
    (await ctx.trx.selectFrom('municipality').select(['code', 'name']).where('organisation_id', '=', job.organisationId).execute()).map((m) => [m.code, m.name]),
  );
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.municipality_code, (counts.get(r.municipality_code) ?? 0) + 1);
  for (const [code, count] of counts) {
    await ctx.audit({ action: 'handover.escalated', entityType: 'report_delivery', entityId: null, municipalityCode: code, details: { reports: count } });
  }
  const unitEmail = job.settings.unitEmail;
  if (unitEmail) {
    const org = await ctx.trx.selectFrom('organisation').select('name').where('id', '=', job.organisationId).executeTakeFirstOrThrow();
    const mail = unacknowledgedReportsMail({
      organisationName: org.name,
      perMunicipality: [...counts].map(([code, count]) => ({ name: names.get(code) ?? code, count })),
      link: `${job.config.publicUrl}/uppfoljning`,
    });
    await queueEmail(ctx.trx, { organisationId: job.organisationId, kind: 'report_escalation', to: unitEmail, subject: mail.subject, text: mail.text }, ctx.now);
  }
  await announce(ctx.trx, { organisationId: job.organisationId, topic: 'board' });
  return { escalated: rows.length, emailed: unitEmail !== null };
}
