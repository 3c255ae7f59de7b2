import {
  CommitteeReportInput,
  CommitteeReportItem,
  CommitteeReportList,
  CommitteeReportQuery,
  IdParams,
  Kommunkod,
  Ok,
  OnCallAnswer,
  OnCallQuery,
  Politician,
  PoliticianInput,
  PoliticianList,
  PoliticianQuery,
  PoliticianUpdate,
  VersionQuery,
} from '@jourbok/contracts';
import { z } from 'zod';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import { listCommitteeReports, markReported } from './committee.ts';
import * as service from './service.ts';

const tags = ['On-call politicians'];

export function registerPoliticianRoutes(api: Api, deps: Deps) {
  api.get('/api/politicians', {
    config: { access: { permission: 'politicians.read', personalData: true } },
    schema: { tags, summary: "On-call politicians (a kommun user: its municipality's): current and coming periods", querystring: PoliticianQuery, response: { 200: PoliticianList } },
    handler: (req) => run(deps, req, (ctx) => service.listPoliticians(ctx, req.query)),
  });
  api.post('/api/politicians', {
    config: { access: { permission: 'politicians.manage', personalData: true } },
    schema: { tags, summary: 'Add an on-call politician with the on-call period', body: PoliticianInput, response: { 200: Politician } },
    handler: (req) => run(deps, req, (ctx) => service.createPolitician(ctx, req.body)),
  });
  api.put('/api/politicians/:id', {
    config: { access: { permission: 'politicians.manage', personalData: true } },
    schema: { tags, summary: 'Change an on-call politician', params: IdParams, body: PoliticianUpdate, response: { 200: Politician } },
    handler: (req) => run(deps, req, (ctx) => service.updatePolitician(ctx, req.params.id, req.body)),
  });
  api.delete('/api/politicians/:id', {
    config: { access: { permission: 'politicians.manage' } },
    schema: { tags, summary: 'Remove an on-call politician (?version=N)', params: IdParams, querystring: VersionQuery, response: { 200: Ok } },
    handler: (req) => run(deps, req, (ctx) => service.deletePolitician(ctx, req.params.id, req.query.version)),
  });
  api.get('/api/municipalities/:code/on-call', {
    config: { access: { permission: 'politicians.read', personalData: true } },
    schema: { tags, summary: 'Who is on call for a municipality at an instant (default now), chair first', params: z.object({ code: Kommunkod }), querystring: OnCallQuery, response: { 200: OnCallAnswer } },
    handler: (req) => run(deps, req, (ctx) => service.onCallAt(ctx, req.params.code, req.query.at)),
  });
  api.get('/api/committee-reports', {
    config: { access: { permission: 'committee.manage' } },
    schema: { tags: ['Committee reports'], summary: "Politicians' decisions to report to the municipality's committee, with the reported mark", querystring: CommitteeReportQuery, response: { 200: CommitteeReportList } },
    handler: (req) => run(deps, req, (ctx) => listCommitteeReports(ctx, req.query)),
  });
  api.post('/api/committee-reports/:id/reported', {
    config: { access: { permission: 'committee.manage' } },
    schema: { tags: ['Committee reports'], summary: "Mark a politician's decision (id) as reported to the committee", params: IdParams, body: CommitteeReportInput, response: { 200: CommitteeReportItem } },
    handler: (req) => run(deps, req, (ctx) => markReported(ctx, req.params.id, req.body)),
  });
}
