import { RoutingTable } from '@jourbok/contracts';
import { swedishCollator, unitStatusAt, type CalendarConfig } from '@jourbok/domain';
import type { Deps } from '../../app/context.ts';
import type { Api } from '../../http/run.ts';

/**
 * The public routing table: for each municipality a jour serves, the jour's
 * name and phone and whether it is open, on standby or closed right now, so
 * SOS Alarm and the police never send a caller to the wrong jour. No sign-in,
 * no personal data.
 */
export async function routingTable(deps: Deps) {
  const now = deps.clock.now();
  const [organisations, municipalities] = await Promise.all([
    deps.database.db.selectFrom('organisation').select(['id', 'name', 'phone', 'calendar']).execute(),
    deps.database.db.selectFrom('municipality').select(['organisation_id', 'code', 'name']).where('is_member', '=', true).execute(),
  ]);
  const statusOf = new Map(organisations.map((o) => [o.id, { org: o, status: unitStatusAt(now.toISOString(), o.calendar as CalendarConfig) }]));
  return {
    generatedAt: now.toISOString(),
    municipalities: municipalities
      .flatMap((m) => {
        const entry = statusOf.get(m.organisation_id);
        if (!entry) return [];
        return [
          {
            municipalityCode: m.code,
            municipalityName: m.name,
            jourName: entry.org.name,
            jourPhone: entry.org.phone,
            status: entry.status.status,
            statusUntil: entry.status.until,
            nextStatus: entry.status.next,
          },
        ];
      })
      .sort((a, b) => swedishCollator.compare(a.municipalityName, b.municipalityName)),
  };
}

export function registerRoutingRoutes(api: Api, deps: Deps) {
  api.get('/api/public/routing', {
    config: { access: { public: true } },
    schema: { tags: ['Public'], summary: 'Which jour serves which municipality, with its phone and whether it is open now (for SOS Alarm and the police)', response: { 200: RoutingTable } },
    handler: () => routingTable(deps),
  });
}
