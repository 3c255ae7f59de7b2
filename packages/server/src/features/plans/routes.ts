import {
  FollowUpList,
  FollowUpParams,
  FollowUpSave,
  FollowUpView,
  PlanSave,
  PlanView,
  PlanYearParams,
  ReportDocumentQuery,
  ReportDocumentView,
  PlanVersionInput,
} from '@jourbok/contracts';
import type { FastifyReply } from 'fastify';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import { renderReportDocumentPdf } from '../../pdf/plan-report.ts';
import * as service from './service.ts';

const tags = ['Plans'];

function sendPdf(reply: FastifyReply, body: Buffer, fileName: string) {
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}

/**
 * The year's plan (verksamhetsplan), its follow-up each tertial and year, and
 * the assembled report document (JSON for the web page, or the PDF to send).
 */
export function registerPlanRoutes(api: Api, deps: Deps) {
  api.get('/api/plans/:year', {
    config: { access: { permission: 'plans.read' } },
    schema: { tags, summary: "The year's plan: goals, activities, indicators and budget (empty, version 0, before it is written)", params: PlanYearParams, response: { 200: PlanView } },
    handler: (req) => run(deps, req, (ctx) => service.getPlan(ctx, req.params.year)),
  });
  api.put('/api/plans/:year', {
    config: { access: { permission: 'plans.write' } },
    schema: { tags, summary: "Write the year's plan (version 0 creates it; a stale version is refused)", params: PlanYearParams, body: PlanSave, response: { 200: PlanView } },
    handler: (req) => run(deps, req, (ctx) => service.savePlan(ctx, req.params.year, req.body)),
  });
  api.get('/api/plans/:year/follow-ups', {
    config: { access: { permission: 'plans.read' } },
    schema: { tags, summary: 'The follow-ups of the year, per tertial and the year (readers other than the unit manager: finished ones)', params: PlanYearParams, response: { 200: FollowUpList } },
    handler: (req) => run(deps, req, (ctx) => service.listFollowUps(ctx, req.params.year)),
  });
  api.get('/api/plans/:year/follow-ups/:period', {
    config: { access: { permission: 'plans.write' } },
    schema: { tags, summary: 'A follow-up being written, laid over the plan, with what stops it from being finished', params: FollowUpParams, response: { 200: FollowUpView } },
    handler: (req) => run(deps, req, (ctx) => service.getFollowUp(ctx, req.params.year, req.params.period)),
  });
  api.put('/api/plans/:year/follow-ups/:period', {
    config: { access: { permission: 'plans.write' } },
    schema: { tags, summary: 'Write the follow-up: goal statuses and texts, indicator outcomes, important issues, comments on the statistics', params: FollowUpParams, body: FollowUpSave, response: { 200: FollowUpView } },
    handler: (req) => run(deps, req, (ctx) => service.saveFollowUp(ctx, req.params.year, req.params.period, req.body)),
  });
  api.post('/api/plans/:year/follow-ups/:period/finish', {
    config: { access: { permission: 'plans.write' } },
    schema: { tags, summary: 'Mark the follow-up finished (the period has ended and every goal is assessed): the report can be read and sent', params: FollowUpParams, body: PlanVersionInput, response: { 200: FollowUpView } },
    handler: (req) => run(deps, req, (ctx) => service.finishFollowUp(ctx, req.params.year, req.params.period, req.body.version)),
  });
  api.post('/api/plans/:year/follow-ups/:period/reopen', {
    config: { access: { permission: 'plans.write' } },
    schema: { tags, summary: 'Open a finished follow-up for changes again', params: FollowUpParams, body: PlanVersionInput, response: { 200: FollowUpView } },
    handler: (req) => run(deps, req, (ctx) => service.reopenFollowUp(ctx, req.params.year, req.params.period, req.body.version)),
  });
  api.get('/api/plans/:year/reports/:period', {
    config: { access: { permission: 'plans.read' } },
    schema: {
      tags,
      summary: 'The tertial or annual report as one document: goal follow-up, statistics with comments and member appendices (JSON, or format=pdf). A kommun user gets its own appendix only.',
      params: FollowUpParams,
      querystring: ReportDocumentQuery,
      response: { 200: ReportDocumentView },
    },
    handler: async (req, reply) => {
      const doc = await run(deps, req, (ctx) => service.getReportDocument(ctx, req.params.year, req.params.period));
      if (req.query.format !== 'pdf') return doc;
      return sendPdf(reply, await renderReportDocumentPdf(doc), service.documentFileName(doc));
    },
  });
}
