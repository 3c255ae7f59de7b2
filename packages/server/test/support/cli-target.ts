import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { createTestDatabase, testDbKind } from './db.ts';

/** A database for the spawned CLI: a PGlite directory, or a fresh PostgreSQL database (JOURBOK_TEST_DB=postgres). */
export interface CliTarget {
  /** `--data DIR` or `--database-url URL` */
  args: string[];
  /** open the database from the test (after the CLI has exited: PGlite allows one process at a time) */
  open(): ReturnType<typeof openDatabase>;
}

/** Targets made by `newCliTarget`, removed by `removeCliTargets` (call it in afterAll). */
const cleanups: (() => Promise<void>)[] = [];

export async function newCliTarget(): Promise<CliTarget> {
  if (testDbKind === 'postgres') {
    const db = await createTestDatabase();
    await db.database.close();
    cleanups.push(() => db.close().catch(() => {}));
    return { args: ['--database-url', db.url!], open: () => openDatabase({ databaseUrl: db.url! }) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'jourbok-cli-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { args: ['--data', dir], open: () => openDatabase({ dataDir: dir }) };
}

export async function removeCliTargets() {
  for (const c of cleanups.splice(0)) await c();
}

/** A scratch directory for files the test writes (CSV files, reports). */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jourbok-files-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
