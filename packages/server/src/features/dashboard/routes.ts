import { DashboardQuery, DashboardView } from '@jourbok/contracts';
import type { Deps } from '../../app/context.ts';
import { run, type Api } from '../../http/run.ts';
import { getDashboard } from './service.ts';

/** GET /api/dashboard/statistics: the unit manager's figures (aggregates only, no personal data). */
export function registerDashboardRoutes(api: Api, deps: Deps) {
  api.get('/api/dashboard/statistics', {
    config: { access: { permission: 'dashboard.read' } },
    schema: {
      tags: ['Statistics'],
      summary: 'Cases per night, hour, category and member, monthly trend, turn-outs, decisions, and the tertial so far against last year (aggregates only)',
      querystring: DashboardQuery,
      response: { 200: DashboardView },
    },
    handler: (req) => run(deps, req, (ctx) => getDashboard(ctx, req.query.months ?? 12)),
  });
}
