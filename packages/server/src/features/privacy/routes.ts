import {
  AccessReviewInput,
  AccessReviewList,
  AccessReviewQuery,
  AccessReviewResult,
  AccessReviewSettings,
  Created,
  IdParams,
  PersonHistoryQuery,
  RetentionPreview,
  RetentionRules,
  RetentionRunInput,
  RetentionRunList,
  SubjectAccessCreated,
  SubjectAccessInput,
} from '@jourbok/contracts';
import { z } from 'zod';
import type { Ctx, Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import { getAccessReview, getPersonAccessHistory, listAccessReviews, recordAccessReview } from './access-review.ts';
import { renderAccessHistoryPdf, renderSubjectAccessPdf } from './pdf.ts';
import { listRetentionRuns, previewRetention, runRetention } from './retention.ts';
import { loadAccessReviewSettings, loadRetentionRules, updateAccessReviewSettings, updateRetentionRules } from './settings.ts';
import { getSubjectAccessExtract, requestSubjectAccess } from './subject-access.ts';

const tags = ['Privacy'];

const organisationName = async (ctx: Ctx) =>
  ctx.principal.organisationId ? ((await ctx.trx.selectFrom('organisation').select('name').where('id', '=', ctx.principal.organisationId).executeTakeFirst())?.name ?? '') : '';

export function registerPrivacyRoutes(api: Api, deps: Deps) {
  // ---- access review (loggkontroll) ----
  api.get('/api/access-review', {
    config: { access: { permission: 'privacy.accessReview', personalData: true } },
    schema: { tags, summary: 'Openings of personal data in a period, and the unusual ones', querystring: AccessReviewQuery, response: { 200: AccessReviewResult } },
    handler: (req) => run(deps, req, (ctx) => getAccessReview(ctx, req.query)),
  });
  api.post('/api/access-reviews', {
    config: { access: { permission: 'privacy.accessReview' } },
    schema: { tags, summary: 'Record a review: period, findings and conclusion', body: AccessReviewInput, response: { 200: z.object({ id: z.string() }) } },
    handler: (req) => run(deps, req, (ctx) => recordAccessReview(ctx, req.body)),
  });
  api.get('/api/access-reviews', {
    config: { access: { permission: 'privacy.accessReview' } },
    schema: { tags, summary: 'The recorded reviews', response: { 200: AccessReviewList } },
    handler: (req) => run(deps, req, (ctx) => listAccessReviews(ctx)),
  });
  api.get('/api/access-review/settings', {
    config: { access: { permission: 'privacy.accessReview' } },
    schema: { tags, summary: 'The thresholds of unusual access', response: { 200: AccessReviewSettings } },
    handler: (req) => run(deps, req, (ctx) => loadAccessReviewSettings(ctx)),
  });
  api.put('/api/access-review/settings', {
    config: { access: { permission: 'privacy.accessReview' } },
    schema: { tags, summary: 'Change the thresholds of unusual access', body: AccessReviewSettings, response: { 200: AccessReviewSettings } },
    handler: (req) => run(deps, req, (ctx) => updateAccessReviewSettings(ctx, req.body)),
  });
  api.get('/api/access-review/persons/:id/history.pdf', {
    config: { access: { permission: 'privacy.accessReview', personalData: true } },
    schema: { tags, summary: "A person's access history as PDF (complaint, supervisory inquiry)", params: IdParams, querystring: PersonHistoryQuery },
    handler: async (req, reply) => {
      const { history, organisation } = await run(deps, req, async (ctx) => ({ history: await getPersonAccessHistory(ctx, req.params.id, req.query), organisation: await organisationName(ctx) }));
      const pdf = await renderAccessHistoryPdf(history, { organisation, printedBy: req.principal!.displayName, printedAt: deps.clock.now().toISOString() });
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="atkomsthistorik.pdf"').send(pdf);
    },
  });

  // ---- retention (gallring) ----
  api.get('/api/retention/rules', {
    config: { access: { permission: 'privacy.retention' } },
    schema: { tags, summary: 'The retention rules', response: { 200: RetentionRules } },
    handler: (req) => run(deps, req, (ctx) => loadRetentionRules(ctx)),
  });
  api.put('/api/retention/rules', {
    config: { access: { permission: 'privacy.retention' } },
    schema: { tags, summary: 'Change the retention rules', body: RetentionRules, response: { 200: RetentionRules } },
    handler: (req) => run(deps, req, (ctx) => updateRetentionRules(ctx, req.body)),
  });
  api.get('/api/retention/preview', {
    config: { access: { permission: 'privacy.retention' } },
    schema: { tags, summary: 'Dry run: the cases a retention run would clear today, and those kept by an exception', response: { 200: RetentionPreview } },
    handler: (req) => run(deps, req, (ctx) => previewRetention(ctx)),
  });
  api.post('/api/retention/runs', {
    config: { access: { permission: 'privacy.retention' } },
    schema: { tags, summary: 'Run retention now (needs confirm: true)', body: RetentionRunInput, response: { 200: Created } },
    handler: (req) => run(deps, req, async (ctx) => ({ id: (await runRetention(ctx)).id })),
  });
  api.get('/api/retention/runs', {
    config: { access: { permission: 'privacy.retention' } },
    schema: { tags, summary: 'The retention runs (counts only)', response: { 200: RetentionRunList } },
    handler: (req) => run(deps, req, (ctx) => listRetentionRuns(ctx)),
  });

  // ---- subject access (registerutdrag) ----
  api.post('/api/subject-access', {
    config: { access: { permission: 'privacy.subjectAccess', personalData: true } },
    schema: { tags, summary: 'Request a subject access extract for a personnummer (in the body, never in the address)', body: SubjectAccessInput, response: { 200: SubjectAccessCreated } },
    handler: (req) => run(deps, req, (ctx) => requestSubjectAccess(ctx, req.body.identityNumber)),
  });
  api.get('/api/subject-access/:id/json', {
    config: { access: { permission: 'privacy.subjectAccess', personalData: true } },
    schema: { tags, summary: 'The extract of a request as JSON (the requester, within a day)', params: IdParams },
    handler: async (req, reply) => {
      const extract = await run(deps, req, (ctx) => getSubjectAccessExtract(ctx, req.params.id));
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="registerutdrag-${req.params.id.slice(0, 8)}.json"`)
        .send(JSON.stringify(extract, null, 2) + '\n');
    },
  });
  api.get('/api/subject-access/:id/pdf', {
    config: { access: { permission: 'privacy.subjectAccess', personalData: true } },
    schema: { tags, summary: 'The extract of a request as PDF (the requester, within a day)', params: IdParams },
    handler: async (req, reply) => {
      const extract = await run(deps, req, (ctx) => getSubjectAccessExtract(ctx, req.params.id));
      const pdf = await renderSubjectAccessPdf(extract, { printedBy: req.principal!.displayName });
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="registerutdrag-${req.params.id.slice(0, 8)}.pdf"`).send(pdf);
    },
  });
}
