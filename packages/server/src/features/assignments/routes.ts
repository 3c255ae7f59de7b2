import { AssignmentCancelInput, AssignmentInput, AssignmentList, AssignmentQuery, AssignmentReportInput, AssignmentView, IdParams } from '@jourbok/contracts';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import * as service from './service.ts';

const tags = ['Assignments'];

export function registerAssignmentRoutes(api: Api, deps: Deps) {
  api.get('/api/assignments', {
    config: { access: { permission: 'assignments.read', personalData: true } },
    schema: { tags, summary: "Assignments (a kommun user: its municipality's); ?overdue=true: those with an occasion passed undocumented", querystring: AssignmentQuery, response: { 200: AssignmentList } },
    handler: (req) => run(deps, req, (ctx) => service.listAssignments(ctx, req.query)),
  });
  api.post('/api/assignments', {
    config: { access: { permission: 'assignments.write', personalData: true } },
    schema: { tags, summary: 'Register an assignment for the jour (the jour: on a municipality’s behalf, by phone)', body: AssignmentInput, response: { 200: AssignmentView } },
    handler: (req) => run(deps, req, (ctx) => service.registerAssignment(ctx, req.body)),
  });
  api.get('/api/assignments/:id', {
    config: { access: { permission: 'assignments.read', personalData: true } },
    schema: { tags, summary: 'An assignment with its occasions and documentation', params: IdParams, response: { 200: AssignmentView } },
    handler: (req) => run(deps, req, (ctx) => service.getAssignment(ctx, req.params.id)),
  });
  api.post('/api/assignments/:id/reports', {
    config: { access: { permission: 'assignments.perform', personalData: true } },
    schema: { tags, summary: 'Document an occasion: done, not possible (with why), or a note on the way', params: IdParams, body: AssignmentReportInput, response: { 200: AssignmentView } },
    handler: (req) => run(deps, req, (ctx) => service.documentAssignment(ctx, req.params.id, req.body)),
  });
  api.post('/api/assignments/:id/cancel', {
    config: { access: { permission: 'assignments.write', personalData: true } },
    schema: { tags, summary: 'Call an assignment off', params: IdParams, body: AssignmentCancelInput, response: { 200: AssignmentView } },
    handler: (req) => run(deps, req, (ctx) => service.cancelAssignment(ctx, req.params.id, req.body.reason)),
  });
}
