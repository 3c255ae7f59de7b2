import { can } from '@jourbok/domain';
import type { Deps } from '../../app/context.ts';
import type { Api } from '../../http/run.ts';
import { LiveHub } from './events.ts';

/**
 * GET /api/events: a server-sent-event stream of changes the user may see
 * (their organisation; a kommun user only its municipality's). The browser
 * refetches on each event; a comment line every 20 s keeps proxies from
 * closing an idle stream.
 */
export async function registerLiveRoutes(api: Api, deps: Deps) {
  const hub = new LiveHub(deps.database);
  await hub.start();
  api.addHook('onClose', async () => hub.stop());

  api.get('/api/events', {
    config: { access: { permission: 'status.read', stream: true } },
    schema: { tags: ['Live'], summary: 'Server-sent events: what changed (ids only); refetch on each', hide: false },
    handler: (req, reply) => {
      const principal = req.principal!;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
        'x-request-id': req.id,
      });
      raw.write('retry: 3000\n\n');
      const unsubscribe = hub.subscribe((event) => {
        if (event.organisationId !== principal.organisationId) return;
        if (principal.role === 'kommun' && event.municipalityCode !== principal.municipalityCode) return;
        if (event.topic === 'case' && !can(principal, 'cases.read')) return;
        raw.write(`event: ${event.topic}\ndata: ${JSON.stringify({ id: event.id ?? null })}\n\n`);
      }, () => raw.end()); // events may have been lost: the browser reconnects and refetches what it shows
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 20_000);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.raw.on('close', end);
      raw.on('error', end);
    },
  });
}
