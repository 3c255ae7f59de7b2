import { CollaborationSettings, CollaborationSettingsView, DeadlineView, IdParams, Inbox, InboxQuery, ReportDelivery, ReportDeliveryList, ReportDeliveryQuery } from '@jourbok/contracts';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import * as service from './service.ts';

const tags = ['Report delivery'];

export function registerDeliveryRoutes(api: Api, deps: Deps) {
  api.get('/api/inbox', {
    config: { access: { permission: 'inbox.read' } },
    schema: { tags, summary: "The municipality's inbox: delivered handover reports (delivery, read and acknowledgement state) and legal deadlines to confirm", querystring: InboxQuery, response: { 200: Inbox } },
    handler: (req) => run(deps, req, (ctx) => service.getInbox(ctx, req.query.state)),
  });
  api.post('/api/handover-reports/:id/acknowledge', {
    config: { access: { permission: 'inbox.acknowledge' } },
    schema: { tags, summary: 'The municipality acknowledges receipt of a handover report', params: IdParams, response: { 200: ReportDelivery } },
    handler: (req) => run(deps, req, (ctx) => service.acknowledgeReport(ctx, req.params.id)),
  });
  api.post('/api/deadlines/:id/confirm', {
    config: { access: { permission: 'inbox.acknowledge' } },
    schema: { tags, summary: 'The municipality confirms a legal deadline handled; the jour’s board stops listing it', params: IdParams, response: { 200: DeadlineView } },
    handler: (req) => run(deps, req, (ctx) => service.confirmDeadline(ctx, req.params.id)),
  });
  api.get('/api/report-deliveries', {
    config: { access: { permission: 'oversight.read' } },
    schema: { tags, summary: 'Deliveries to every municipality, for the unit manager (unacknowledged, overdue, all)', querystring: ReportDeliveryQuery, response: { 200: ReportDeliveryList } },
    handler: (req) => run(deps, req, (ctx) => service.listDeliveries(ctx, req.query)),
  });
  api.get('/api/collaboration/settings', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Delivery and acknowledgement times, the unit’s alert address, recent job runs', response: { 200: CollaborationSettingsView } },
    handler: (req) => run(deps, req, (ctx) => service.getCollaborationSettings(ctx)),
  });
  api.put('/api/collaboration/settings', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Change the delivery and acknowledgement times and the unit’s alert address', body: CollaborationSettings, response: { 200: CollaborationSettingsView } },
    handler: (req) => run(deps, req, (ctx) => service.updateCollaborationSettings(ctx, req.body)),
  });
}
