import { StatisticsReport, StatisticsSettings, TertialReportQuery, YearReportQuery } from '@jourbok/contracts';
import type { Tertial } from '@jourbok/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import { getReport, getStatisticsSettings, renderReport, updateStatisticsSettings, type ReportQuery } from './service.ts';

const tags = ['Statistics'];

/**
 * GET /api/reports/tertial and /api/reports/year: the report JSON of
 * report.md, or with `format=csv|xlsx|pdf` a download. A kommun user gets
 * its own municipality's appendix (another municipality: 403).
 */
export function registerStatisticsRoutes(api: Api, deps: Deps) {
  const answer = async (req: FastifyRequest, reply: FastifyReply, query: ReportQuery, format: 'json' | 'csv' | 'xlsx' | 'pdf' | undefined) => {
    const report = await run(deps, req, (ctx) => getReport(ctx, query));
    if (!format || format === 'json') return report;
    const rendered = await renderReport(report, format);
    return reply.type(rendered.contentType).header('content-disposition', `attachment; filename="${rendered.fileName}"`).send(rendered.body);
  };

  api.get('/api/reports/tertial', {
    config: { access: { permission: 'statistics.read' } },
    schema: {
      tags,
      summary: 'The tertial report compared with the same tertial of the two previous years (JSON, or a CSV, XLSX or PDF download)',
      querystring: TertialReportQuery,
      response: { 200: StatisticsReport },
    },
    handler: (req, reply) =>
      answer(req, reply, { kind: 'tertial', year: req.query.year, tertial: req.query.tertial as Tertial, municipality: req.query.municipality ?? null }, req.query.format),
  });

  api.get('/api/reports/year', {
    config: { access: { permission: 'statistics.read' } },
    schema: {
      tags,
      summary: 'The annual report compared with the two previous years (JSON, or a CSV, XLSX or PDF download)',
      querystring: YearReportQuery,
      response: { 200: StatisticsReport },
    },
    handler: (req, reply) => answer(req, reply, { kind: 'year', year: req.query.year, tertial: null, municipality: req.query.municipality ?? null }, req.query.format),
  });

  api.get('/api/statistics/settings', {
    config: { access: { permission: 'organisation.read' } },
    schema: { tags, summary: 'The statistics settings: the small-number threshold of member appendices (0 = off)', response: { 200: StatisticsSettings } },
    handler: (req) => run(deps, req, (ctx) => getStatisticsSettings(ctx)),
  });

  api.put('/api/statistics/settings', {
    config: { access: { permission: 'organisation.update' } },
    schema: { tags, summary: 'Set the small-number threshold: counts below it are hidden in member appendices (0 = off)', body: StatisticsSettings, response: { 200: StatisticsSettings } },
    handler: (req) => run(deps, req, (ctx) => updateStatisticsSettings(ctx, req.body)),
  });
}
