import { IdParams, NoticeAcknowledgeInput, NoticeAcknowledgement, NoticeInput, NoticeList, NoticeQuery, NoticeUpdate, NoticeView, NoticeWithdrawInput } from '@jourbok/contracts';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import * as service from './service.ts';

const tags = ['Notices'];

export function registerNoticeRoutes(api: Api, deps: Deps) {
  api.get('/api/notices', {
    config: { access: { permission: 'notices.read', personalData: true } },
    schema: { tags, summary: "Notices (a kommun user: its municipality's), with read counts", querystring: NoticeQuery, response: { 200: NoticeList } },
    handler: (req) => run(deps, req, (ctx) => service.listNotices(ctx, req.query)),
  });
  api.post('/api/notices', {
    config: { access: { permission: 'notices.write', personalData: true } },
    schema: { tags, summary: 'Register a notice about a person or family (the jour: on a municipality’s behalf, by phone)', body: NoticeInput, response: { 200: NoticeView } },
    handler: (req) => run(deps, req, (ctx) => service.registerNotice(ctx, req.body)),
  });
  api.get('/api/notices/:id', {
    config: { access: { permission: 'notices.read', personalData: true } },
    schema: { tags, summary: 'A notice in full, with its persons, read log and acknowledgements (the read is logged)', params: IdParams, response: { 200: NoticeView } },
    handler: (req) => run(deps, req, (ctx) => service.getNotice(ctx, req.params.id)),
  });
  api.put('/api/notices/:id', {
    config: { access: { permission: 'notices.write', personalData: true } },
    schema: { tags, summary: 'Change a notice (a must-read notice must then be acknowledged again)', params: IdParams, body: NoticeUpdate, response: { 200: NoticeView } },
    handler: (req) => run(deps, req, (ctx) => service.updateNotice(ctx, req.params.id, req.body)),
  });
  api.post('/api/notices/:id/withdraw', {
    config: { access: { permission: 'notices.write', personalData: true } },
    schema: { tags, summary: 'Withdraw a notice before it expires', params: IdParams, body: NoticeWithdrawInput, response: { 200: NoticeView } },
    handler: (req) => run(deps, req, (ctx) => service.withdrawNotice(ctx, req.params.id, req.body.reason)),
  });
  api.post('/api/notices/:id/acknowledge', {
    config: { access: { permission: 'cases.write' } },
    schema: { tags, summary: 'Acknowledge a must-read notice in a case (who and when); the case can then go on', params: IdParams, body: NoticeAcknowledgeInput, response: { 200: NoticeAcknowledgement } },
    handler: (req) => run(deps, req, (ctx) => service.acknowledgeNotice(ctx, req.params.id, req.body.caseId)),
  });
}
