import type { Kysely } from 'kysely';
import type { Deps, Trx } from '../app/context.ts';
import type { DB } from '../db/schema.ts';
import { mailerOf } from './mailer.ts';

/**
 * Outgoing e-mail goes through a queue in the database: the use case that
 * decides to send writes the message in its own transaction (so a rolled-back
 * change sends nothing), and `flushOutbox` sends after commit. Each message is
 * claimed with FOR UPDATE SKIP LOCKED, so with several server processes each is
 * sent by one of them; a failed send is retried with a growing pause.
 */
export interface QueuedEmail {
  organisationId: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
}

export async function queueEmail(trx: Trx | Kysely<DB>, email: QueuedEmail, now: Date): Promise<void> {
  await trx
    .insertInto('outbound_email')
    .values({ organisation_id: email.organisationId, kind: email.kind, recipient: email.to, subject: email.subject, body: email.text, created_at: now, next_attempt_at: now })
    .execute();
}

const BATCH = 20;
const MAX_ATTEMPTS = 20;

/** Send what is queued and due. Returns what was sent and what failed (to be retried). */
export async function flushOutbox(deps: Pick<Deps, 'database' | 'config' | 'clock' | 'log'>): Promise<{ sent: number; failed: number }> {
  const mailer = mailerOf(deps.config);
  if (!mailer) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (;;) {
    const done = await deps.database.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const batch = await trx
        .selectFrom('outbound_email')
        .select(['id', 'recipient', 'subject', 'body', 'attempts', 'kind'])
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .where('attempts', '<', MAX_ATTEMPTS)
        .orderBy('created_at')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const email of batch) {
        try {
          await mailer.send({ to: email.recipient, subject: email.subject, text: email.body });
          await trx.updateTable('outbound_email').set({ sent_at: deps.clock.now(), attempts: email.attempts + 1, last_error: null }).where('id', '=', email.id).execute();
          sent++;
        } catch (error) {
          const attempts = email.attempts + 1;
          const pauseMinutes = Math.min(60, 2 ** Math.min(attempts, 6));
          // The error's code and class only: a server's reply may quote the address.
          const reason = `${(error as Error).name}${(error as { code?: string }).code ? ` ${(error as { code?: string }).code}` : ''}`;
          await trx
            .updateTable('outbound_email')
            .set({ attempts, last_error: reason, next_attempt_at: new Date(now.getTime() + pauseMinutes * 60_000) })
            .where('id', '=', email.id)
            .execute();
          deps.log.warn({ kind: email.kind, attempts, reason }, 'e-mail not sent; will retry');
          failed++;
        }
      }
      return batch.length < BATCH;
    });
    if (done) break;
  }
  return { sent, failed };
}
