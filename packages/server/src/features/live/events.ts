import { sql } from 'kysely';
import type { Trx } from '../../app/context.ts';
import type { Database } from '../../db/database.ts';

/**
 * Live updates across server processes: a use case announces a change with
 * `announce()` inside its transaction (PostgreSQL delivers NOTIFY on commit,
 * never for a rolled-back change); every process listens and fans the event
 * out to its own server-sent-event clients. Events carry ids, never personal
 * data: clients refetch what they are allowed to see.
 */
export const CHANNEL = 'jourbok_events';

export interface LiveEvent {
  organisationId: string;
  /** what changed: 'case', 'board', 'deadline', … */
  topic: string;
  id?: string | undefined;
  municipalityCode?: string | null | undefined;
}

export async function announce(trx: Trx, event: LiveEvent): Promise<void> {
  await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`.execute(trx);
}

type Listener = (event: LiveEvent) => void;

export class LiveHub {
  readonly #listeners = new Set<Listener>();
  readonly #gapListeners = new Set<() => void>();
  #unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly database: Database) {}

  async start(): Promise<void> {
    if (this.#unlisten) return;
    this.#unlisten = await this.database.listen(CHANNEL, (payload) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(payload) as LiveEvent;
      } catch {
        return;
      }
      for (const fn of this.#listeners) fn(event);
    }, () => {
      for (const fn of [...this.#gapListeners]) fn();
    });
  }

  /** `onGap`: events may have been lost (the database connection dropped); the stream should end so the client resyncs. */
  subscribe(fn: Listener, onGap?: () => void): () => void {
    this.#listeners.add(fn);
    if (onGap) this.#gapListeners.add(onGap);
    return () => {
      this.#listeners.delete(fn);
      if (onGap) this.#gapListeners.delete(onGap);
    };
  }

  get size(): number {
    return this.#listeners.size;
  }

  async stop(): Promise<void> {
    await this.#unlisten?.();
    this.#unlisten = null;
    this.#listeners.clear();
    this.#gapListeners.clear();
  }
}
