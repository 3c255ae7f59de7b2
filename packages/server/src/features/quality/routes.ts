import {
  DeviationAnalysisInput,
  DeviationAssignInput,
  DeviationCloseInput,
  DeviationInput,
  DeviationLexSarahInput,
  DeviationLinkInput,
  DeviationList,
  DeviationQuery,
  DeviationReopenInput,
  DeviationView,
  IdParams,
  QualityAnnualCounts,
  QualityAttention,
  QualityYearQuery,
  SelfInspectionOverview,
  SelfInspectionPlanInput,
  SelfInspectionPlanUpdate,
  SelfInspectionRecordInput,
} from '@jourbok/contracts';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import * as deviations from './deviations.ts';
import * as inspections from './inspections.ts';
import * as report from './report.ts';

const tags = ['Quality'];

export function registerQualityRoutes(api: Api, deps: Deps) {
  api.get('/api/deviations', {
    config: { access: { permission: 'deviations.read', personalData: true } },
    schema: { tags, summary: 'Deviations and complaints (open by default), unassessed lex Sarah flags first', querystring: DeviationQuery, response: { 200: DeviationList } },
    handler: (req) => run(deps, req, (ctx) => deviations.listDeviations(ctx, req.query)),
  });
  api.post('/api/deviations', {
    config: { access: { permission: 'deviations.write', personalData: true } },
    schema: { tags, summary: 'Register a deviation or a complaint, linked to cases by number; may be flagged as a possible lex Sarah matter', body: DeviationInput, response: { 200: DeviationView } },
    handler: (req) => run(deps, req, (ctx) => deviations.registerDeviation(ctx, req.body)),
  });
  api.get('/api/deviations/:id', {
    config: { access: { permission: 'deviations.read', personalData: true } },
    schema: { tags, summary: 'A deviation or complaint in full (the read is logged)', params: IdParams, response: { 200: DeviationView } },
    handler: (req) => run(deps, req, (ctx) => deviations.getDeviation(ctx, req.params.id)),
  });
  api.post('/api/deviations/:id/assign', {
    config: { access: { permission: 'deviations.manage', personalData: true } },
    schema: { tags, summary: 'Make a member of staff responsible (the unit manager)', params: IdParams, body: DeviationAssignInput, response: { 200: DeviationView } },
    handler: (req) => run(deps, req, (ctx) => deviations.assignDeviation(ctx, req.params.id, req.body)),
  });
  api.post('/api/deviations/:id/analysis', {
    config: { access: { permission: 'deviations.write', personalData: true } },
    schema: { tags, summary: 'Record the analysis and the action (the one responsible, or the unit manager)', params: IdParams, body: DeviationAnalysisInput, response: { 200: DeviationView } },
    handler: (req) => run(deps, req, (ctx) => deviations.analyseDeviation(ctx, req.params.id, req.body)),
  });
  api.post('/api/deviations/:id/lex-sarah', {
    config: { access: { permission: 'deviations.manage', personalData: true } },
    schema: { tags, summary: "The unit manager's lex Sarah flag and assessment", params: IdParams, body: DeviationLexSarahInput, response: { 200: DeviationView } },
    handler: (req) => run(deps, req, (ctx) => deviations.assessLexSarah(ctx, req.params.id, req.body)),
  });
  api.post('/api/deviations/:id/close', {
    config: { access: { permission: 'deviations.manage', personalData: true } },
    schema: { tags, summary: 'Close (analysis, action and any lex Sarah assessment recorded)', params: IdParams, body: DeviationCloseInput, response: { 200: DeviationView } },
    handler: (req) => run(deps, req, (ctx) => deviations.closeDeviation(ctx, req.params.id, req.body)),
  });
  api.post('/api/deviations/:id/reopen', {
    config: { access: { permission: 'deviations.manage', personalData: true } },
    schema: { tags, summary: 'Reopen a closed deviation or complaint', params: IdParams, body: DeviationReopenInput, response: { 200: DeviationView } },
    handler: (req) => run(deps, req, (ctx) => deviations.reopenDeviation(ctx, req.params.id, req.body)),
  });
  api.post('/api/deviations/:id/cases', {
    config: { access: { permission: 'deviations.write', personalData: true } },
    schema: { tags, summary: 'Link a case by its number', params: IdParams, body: DeviationLinkInput, response: { 200: DeviationView } },
    handler: (req) => run(deps, req, (ctx) => deviations.linkCase(ctx, req.params.id, req.body)),
  });
  api.get('/api/quality/attention', {
    config: { access: { permission: 'deviations.manage', personalData: true } },
    schema: { tags, summary: "For the unit manager's board: lex Sarah flags to assess, and self-inspections coming up, due or overdue", response: { 200: QualityAttention } },
    handler: (req) => run(deps, req, (ctx) => report.getAttention(ctx)),
  });
  api.get('/api/quality/annual', {
    config: { access: { permission: 'quality.report' } },
    schema: { tags, summary: 'Counts of a year for the annual report: deviations and complaints per category, lex Sarah, self-inspections, calls per outcome', querystring: QualityYearQuery, response: { 200: QualityAnnualCounts } },
    handler: (req) => run(deps, req, (ctx) => report.getAnnualCounts(ctx, req.query.year)),
  });
  api.get('/api/self-inspections', {
    config: { access: { permission: 'selfInspections.manage', personalData: true } },
    schema: { tags, summary: 'Self-inspection plans with their next due date, open occasion and history', response: { 200: SelfInspectionOverview } },
    handler: (req) => run(deps, req, (ctx) => inspections.getOverview(ctx)),
  });
  api.post('/api/self-inspections/plans', {
    config: { access: { permission: 'selfInspections.manage', personalData: true } },
    schema: { tags, summary: 'Plan a recurring self-inspection', body: SelfInspectionPlanInput, response: { 200: SelfInspectionOverview } },
    handler: (req) => run(deps, req, (ctx) => inspections.createPlan(ctx, req.body)),
  });
  api.put('/api/self-inspections/plans/:id', {
    config: { access: { permission: 'selfInspections.manage', personalData: true } },
    schema: { tags, summary: 'Change a plan (or pause it)', params: IdParams, body: SelfInspectionPlanUpdate, response: { 200: SelfInspectionOverview } },
    handler: (req) => run(deps, req, (ctx) => inspections.updatePlan(ctx, req.params.id, req.body)),
  });
  api.post('/api/self-inspections/plans/:id/start', {
    config: { access: { permission: 'selfInspections.manage', personalData: true } },
    schema: { tags, summary: "Start the plan's current occasion; a sampling check draws its random sample of closed cases", params: IdParams, response: { 200: SelfInspectionOverview } },
    handler: (req) => run(deps, req, (ctx) => inspections.startInspection(ctx, req.params.id)),
  });
  api.post('/api/self-inspections/:id/record', {
    config: { access: { permission: 'selfInspections.manage', personalData: true } },
    schema: { tags, summary: 'Record who did the check, what was found and what follows', params: IdParams, body: SelfInspectionRecordInput, response: { 200: SelfInspectionOverview } },
    handler: (req) => run(deps, req, (ctx) => inspections.recordInspection(ctx, req.params.id, req.body)),
  });
}
