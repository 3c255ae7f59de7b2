import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** The database could not be opened; the message says why and what to do (shown as is by the CLI). */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** An open database: the Kysely instance plus what differs between the engines. */
export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Where the data lives, for messages (a directory, or the URL without password). */
  location: string;
  /**
   * Subscribe to a NOTIFY channel; returns the unsubscribe function.
   * `onGap` is called when notifications may have been missed (PostgreSQL:
   * the listening connection was lost; it is re-established by itself).
   */
  listen(channel: string, onPayload: (payload: string) => void, onGap?: () => void): Promise<() => Promise<void>>;
  /** PGlite only: the whole data directory as an uncompressed tarball (for `loadDataDir`) */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

const OID = { int8: 20, date: 1082, numeric: 1700 } as const;

/** Same value shapes from both engines: int8 as number, date as 'YYYY-MM-DD', numeric as string. */
const parsers = {
  [OID.int8]: (value: string) => Number(value),
  [OID.date]: (value: string) => value,
  [OID.numeric]: (value: string) => value,
};

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** an in-memory PGlite (tests) */
  memory?: boolean;
  /** PGlite only: start from this data directory tarball (from `dumpDataDir`), e.g. a seeded test template */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options.memory ? undefined : (options.dataDir ?? './data'), options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        const parse = (parsers as Record<number, (v: string) => unknown>)[oid];
        return parse ?? pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A lost connection must not crash the process. The pool handles errors of
  // idle clients; a client checked out by a transaction that is between two
  // queries when the connection drops emits 'error' with nobody listening,
  // which would be an uncaught exception. Its next query fails instead
  // ("not queryable": 503), and the pool discards it when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const gapHandlers = new Set<() => void>();
  let listenClient: pg.PoolClient | null = null;
  let connecting: Promise<pg.PoolClient> | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let closed = false;
  // The LISTEN connection is held for the life of the process. When it is lost
  // (PostgreSQL restarted, network cut), notifications sent meanwhile are gone:
  // listeners hear of the gap, and the connection is re-established with a
  // growing pause (1 s … 30 s) and every channel listened to again.
  const connectListener = (): Promise<pg.PoolClient> => {
    if (listenClient) return Promise.resolve(listenClient);
    connecting ??= (async () => {
      const client = await pool.connect();
      let lost = false;
      const onLost = () => {
        if (lost) return;
        lost = true;
        if (listenClient === client) listenClient = null;
        if (closed) return;
        client.release(true);
        for (const fn of gapHandlers) fn();
        scheduleReconnect(1_000);
      };
      client.on('notification', (message) => {
        for (const fn of listeners.get(message.channel) ?? []) fn(message.payload ?? '');
      });
      client.on('error', onLost);
      client.on('end', onLost);
      try {
        for (const channel of listeners.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        onLost();
        throw error;
      }
      listenClient = client;
      return client;
    })().finally(() => (connecting = null));
    return connecting;
  };
  const scheduleReconnect = (delay: number) => {
    if (closed || reconnectTimer || listeners.size === 0) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connectListener().catch(() => scheduleReconnect(Math.min(delay * 2, 30_000)));
    }, delay);
    reconnectTimer.unref();
  };
  return {
    kind: 'postgres',
    db,
    location: redactUrl(url),
    async listen(channel, onPayload, onGap) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        // (a connection made from here on listens to every channel in `listeners`; LISTEN twice is harmless)
        const client = await connectListener();
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
      set.add(onPayload);
      if (onGap) gapHandlers.add(onGap);
      return async () => {
        set.delete(onPayload);
        if (onGap) gapHandlers.delete(onGap);
      };
    },
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const client = listenClient;
      listenClient = null;
      client?.release();
      await db.destroy();
    },
  };
}

/** Free space PGlite needs to start: its write-ahead log grows in 16 MiB segments, and recovery may write one. */
export const PGLITE_MIN_FREE_BYTES = 32 * 2 ** 20;

/** Why a PGlite data directory cannot be used, said so an administrator knows what to do (null: it can). */
export function pgliteDirectoryProblem(dataDir: string): string | null {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, '.jourbok-write-check');
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EROFS') return `the data directory ${dataDir} is on a read-only file system; Jourbok must write there (mount it read-write, or choose another directory with --data or JOURBOK_DATA)`;
    if (code === 'EACCES' || code === 'EPERM') return `the data directory ${dataDir} is not writable by this user; Jourbok must write there (fix its permissions, or choose another directory)`;
    if (code === 'ENOSPC') return `the disk of the data directory ${dataDir} is full; free some space and start again`;
    return `the data directory ${dataDir} cannot be written (${code ?? 'unknown error'})`;
  }
  try {
    const fs = statfsSync(dataDir);
    const free = fs.bavail * fs.bsize;
    if (free < PGLITE_MIN_FREE_BYTES) {
      return `only ${(free / 2 ** 20).toFixed(1)} MiB free on the disk of the data directory ${dataDir}; the database needs at least ${PGLITE_MIN_FREE_BYTES / 2 ** 20} MiB to start. Free some space and start again; nothing has been changed`;
    }
  } catch {
    // statfs unsupported here: the open below says what is wrong, if anything
  }
  return null;
}

async function openPGlite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) {
    const problem = pgliteDirectoryProblem(dataDir);
    if (problem) throw new DatabaseOpenError(`Cannot open the database: ${problem}.`);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers,
    });
  } catch (error) {
    throw new DatabaseOpenError(
      `Cannot open the database in ${dataDir ?? 'memory'} (${(error as Error).message}). Check that the directory is writable, that its disk has free space, and that no other Jourbok process uses it.`,
    );
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    location: dataDir ?? 'memory',
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(channel, onPayload);
      return async () => unlisten();
    },
    async dumpDataDir() {
      return pglite.dumpDataDir('none');
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
