import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { jourbok } from './support/cli.ts';
import { createTestDatabase, testDbKind, type TestDatabase } from './support/db.ts';

/** A database for the CLI: a PGlite directory, or a fresh PostgreSQL database. */
interface Target {
  args: string[];
  open(): ReturnType<typeof openDatabase>;
}
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function newTarget(): Promise<Target> {
  if (testDbKind === 'postgres') {
    const db: TestDatabase = await createTestDatabase();
    await db.database.close();
    cleanups.push(() => db.close().catch(() => {}));
    return { args: ['--database-url', db.url!], open: () => openDatabase({ databaseUrl: db.url! }) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'jourbok-cli-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { args: ['--data', dir], open: () => openDatabase({ dataDir: dir }) };
}

describe('jourbok init and calendar', () => {
  it('creates Nordost and prints the contract example exactly', async () => {
    const target = await newTarget();
    const init = await jourbok(['init', '--preset', 'nordost', ...target.args]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('Socialjouren Nordost');
    expect(init.stdout).toMatch(/One-time password: \S+/);

    const again = await jourbok(['init', '--preset', 'nordost', ...target.args]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has an organisation');

    const cal = await jourbok(['calendar', '--from', '2026-05-14', '--to', '2026-05-14', '--format', 'json', ...target.args]);
    expect(cal.code, cal.stderr).toBe(0);
    expect(JSON.parse(cal.stdout)).toEqual({
      organisation: 'Socialjouren Nordost',
      from: '2026-05-14',
      to: '2026-05-14',
      days: [
        {
          date: '2026-05-14',
          weekday: 'thursday',
          dayType: 'holiday',
          holidayName: 'Kristi himmelsfärdsdag',
          standby: { from: '2026-05-14T02:00:00+02:00', to: '2026-05-14T16:00:00+02:00' },
          open: { from: '2026-05-14T16:00:00+02:00', to: '2026-05-15T02:00:00+02:00' },
        },
      ],
    });
    // The key order of the contract, too.
    expect(Object.keys(JSON.parse(cal.stdout).days[0])).toEqual(['date', 'weekday', 'dayType', 'holidayName', 'standby', 'open']);

    const text = await jourbok(['calendar', '--from', '2026-12-23', '--to', '2026-12-27', ...target.args]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Julafton');
    expect(text.stdout).toMatch(/2026-12-23.*Dag före helgdag.*02:00–08:00.*15:00–02:00/);
  });

  it('Nordväst: Friday opens at 14:00, and the spring DST night is right', async () => {
    const target = await newTarget();
    expect((await jourbok(['init', '--preset', 'nordvast', ...target.args])).code).toBe(0);
    const cal = await jourbok(['calendar', '--from', '2026-03-27', '--to', '2026-03-29', '--format', 'json', ...target.args]);
    const days = JSON.parse(cal.stdout).days;
    expect(JSON.parse(cal.stdout).organisation).toBe('Socialjouren Nordväst');
    expect(days[0]).toMatchObject({ date: '2026-03-27', dayType: 'workday', open: { from: '2026-03-27T14:00:00+01:00', to: '2026-03-28T02:00:00+01:00' } });
    expect(days[1].open).toEqual({ from: '2026-03-28T16:00:00+01:00', to: '2026-03-29T03:00:00+02:00' });
    expect(days[2].standby).toEqual({ from: '2026-03-29T03:00:00+02:00', to: '2026-03-29T16:00:00+02:00' });
  });

  it('exits 2 and names the option for bad input', async () => {
    const bad = await jourbok(['calendar', '--from', '2026-02-30', '--to', '2026-03-01', '--preset', 'nordost']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from');
    const reversed = await jourbok(['calendar', '--from', '2026-03-02', '--to', '2026-03-01', '--preset', 'nordost']);
    expect(reversed.code).toBe(2);
    const preset = await jourbok(['init', '--preset', 'sydost', '--data', '/nonexistent/x']);
    expect(preset.code).toBe(2);
    expect(preset.stderr).toContain('--preset');
    const unknown = await jourbok(['frobnicate']);
    expect(unknown.code).toBe(2);
  });
});

describe('jourbok audit verify, backup and restore', () => {
  it('verifies, detects an edited row, and a backup restores into an empty database', async () => {
    const source = await newTarget();
    expect((await jourbok(['init', '--preset', 'nordost', ...source.args])).code).toBe(0);
    const verify = await jourbok(['audit', 'verify', ...source.args]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/intact: 2 events/);

    const file = join(mkdtempSync(join(tmpdir(), 'jourbok-backup-')), 'backup.jsonl.gz');
    const backup = await jourbok(['backup', '--out', file, ...source.args]);
    expect(backup.code, backup.stderr).toBe(0);

    const target = await newTarget();
    const restore = await jourbok(['restore', file, ...target.args]);
    expect(restore.code, restore.stderr).toBe(0);
    const restoredVerify = await jourbok(['audit', 'verify', ...target.args]);
    expect(restoredVerify.code).toBe(0);
    expect(restoredVerify.stdout).toMatch(/intact: 3 events/);
    const cal = await jourbok(['calendar', '--from', '2026-06-19', '--to', '2026-06-19', '--format', 'json', ...target.args]);
    expect(JSON.parse(cal.stdout).days[0].holidayName).toBe('Midsommarafton');

    const intoFull = await jourbok(['restore', file, ...target.args]);
    expect(intoFull.code).toBe(1);
    expect(intoFull.stderr).toContain('not empty');

    // Tamper with the restored copy directly in the database.
    const database = await target.open();
    await database.db.transaction().execute(async (trx) => {
      await sql`alter table audit_event disable trigger audit_event_no_update`.execute(trx);
      await sql`update audit_event set details = '{"preset":"nordvast"}'::jsonb where seq = 1`.execute(trx);
      await sql`alter table audit_event enable trigger audit_event_no_update`.execute(trx);
    });
    await database.close();
    const broken = await jourbok(['audit', 'verify', ...target.args]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at event 1/);
  });
});
