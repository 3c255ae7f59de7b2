import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, pgliteDirectoryProblem } from './database.ts';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'jourbok-dbdir-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

describe('a PGlite data directory that cannot be used is refused with a reason, before PGlite touches it', () => {
  it('a writable directory with free space is fine, and is created when missing', () => {
    expect(pgliteDirectoryProblem(join(scratch(), 'new', 'data'))).toBeNull();
  });

  it('a path under a file cannot be a directory', () => {
    expect(pgliteDirectoryProblem(join('/dev/null', 'data'))).toMatch(/cannot be written \(ENOTDIR\)/);
  });

  it.skipIf(process.getuid?.() === 0)('a directory this user may not write to (root may write anywhere: see the faults tests)', () => {
    const d = scratch();
    chmodSync(d, 0o555);
    expect(pgliteDirectoryProblem(d)).toMatch(/not writable by this user/);
  });

  it('openDatabase throws DatabaseOpenError with the reason, not PGlite\'s "failed to initialize"', async () => {
    await expect(openDatabase({ dataDir: join('/dev/null', 'data') })).rejects.toBeInstanceOf(DatabaseOpenError);
    await expect(openDatabase({ dataDir: join('/dev/null', 'data') })).rejects.toThrow(/Cannot open the database: the data directory \/dev\/null\/data cannot be written/);
  });
});
