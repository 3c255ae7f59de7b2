import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/app/context.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildApp, type App } from '../src/http/app.ts';
import { flushOutbox } from '../src/mail/outbox.ts';
import { JobRunner, runDueJobs, startJobRunner } from '../src/jobs/runner.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { testDbKind } from './support/db.ts';
import { startTestSmtp, type TestSmtp } from './support/smtp.ts';

/**
 * The scheduled jobs: the morning delivery runs exactly once whatever the
 * number of runners on the database, runs missed while every server was down
 * are made up, and e-mail that could not be sent waits for the next tick.
 */
let t: TestApp;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ JOURBOK_SMTP_URL: smtp.url });
  await t.deps.database.db.updateTable('municipality').set({ functional_mailbox: 'socialtjanst@taby.example.se' }).where('code', '=', '0160').execute();
  await t.deps.database.db.updateTable('municipality').set({ functional_mailbox: 'socialtjanst@lidingo.example.se' }).where('code', '=', '0186').execute();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** A handover report of a demo case of the municipality, created at `at`. */
async function addReport(municipalityCode: string, at: string): Promise<string> {
  const db = t.deps.database.db;
  const jourCase = await db.selectFrom('jour_case').select('id').where('municipality_code', '=', municipalityCode).orderBy('received_at').limit(1).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('handover_report')
    .values({ case_id: jourCase.id, organisation_id: t.organisationId, municipality_code: municipalityCode, created_at: new Date(at), created_by: null, payload: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function deliveryRuns() {
  return (await t.deps.database.db.selectFrom('job_run').select(['scheduled_date', 'runner', 'result']).where('job_name', '=', 'handover_delivery').orderBy('scheduled_date').execute()).map((r) => ({
    date: r.scheduled_date,
    runner: r.runner,
    delivered: (r.result as { delivered?: number }).delivered,
  }));
}

async function deliveryOf(reportId: string) {
  return t.deps.database.db.selectFrom('report_delivery').select(['scheduled_date', 'municipality_code']).where('handover_report_id', '=', reportId).execute();
}

describe('a run missed while the server was down', () => {
  it('the first morning delivers the night’s reports', async () => {
    const monday = await addReport('0160', '2026-11-23T21:00:00Z');
    t.clock.set('2026-11-24T06:00:30Z');
    const result = await runDueJobs(t.deps);
    expect(result.ran.filter((r) => r.job === 'handover_delivery').map((r) => r.date)).toEqual(['2026-11-24']);
    expect(await deliveryOf(monday)).toEqual([{ scheduled_date: '2026-11-24', municipality_code: '0160' }]);
  });

  it('after two mornings down, both runs are made up on return, each with its own night', async () => {
    const tuesday = await addReport('0160', '2026-11-24T22:00:00Z');
    const wednesday = await addReport('0186', '2026-11-25T22:00:00Z');
    smtp.clear();
    // Down from Tuesday noon until Thursday 09:00: the clock jumps past 07:00 of two days.
    t.clock.set('2026-11-26T08:00:00Z');
    const result = await runDueJobs(t.deps);
    expect(result.failed).toEqual([]);
    expect(result.ran.filter((r) => r.job === 'handover_delivery').map((r) => r.date)).toEqual(['2026-11-25', '2026-11-26']);
    expect(await deliveryOf(tuesday)).toEqual([{ scheduled_date: '2026-11-25', municipality_code: '0160' }]);
    expect(await deliveryOf(wednesday)).toEqual([{ scheduled_date: '2026-11-26', municipality_code: '0186' }]);
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(['socialtjanst@lidingo.example.se', 'socialtjanst@taby.example.se']);
    // Made up once: the next tick has nothing to do.
    expect((await runDueJobs(t.deps)).ran).toEqual([]);
  });

  it('after a week down, runs are made up at most three days back', async () => {
    t.clock.set('2026-12-04T08:00:00Z');
    const result = await runDueJobs(t.deps);
    expect(result.ran.filter((r) => r.job === 'handover_delivery').map((r) => r.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
  });
});

describe('e-mail that cannot be sent', () => {
  it('waits in the queue and goes out at a later tick', async () => {
    await addReport('0160', '2026-12-04T20:00:00Z');
    smtp.clear();
    // This process cannot reach the mail server (nothing listens on port 1).
    const unreachable: Deps = { ...t.deps, config: loadConfig({ JOURBOK_LOG_LEVEL: 'silent', JOURBOK_SMTP_URL: 'smtp://127.0.0.1:1' }) };
    t.clock.set('2026-12-05T06:00:00Z');
    const result = await runDueJobs(unreachable);
    expect(result.ran.find((r) => r.job === 'handover_delivery')?.result).toMatchObject({ delivered: 1, emails: 1 });
    expect(result.mail).toEqual({ sent: 0, failed: 1 });
    const queued = await t.deps.database.db.selectFrom('outbound_email').selectAll().where('sent_at', 'is', null).execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ attempts: 1, recipient: 'socialtjanst@taby.example.se' });
    expect(queued[0]!.last_error).not.toContain('taby');
    // Not before the pause is over…
    expect((await flushOutbox(t.deps)).sent).toBe(0);
    // …and then by whichever process ticks.
    t.clock.advance(3 * 60_000);
    expect(await flushOutbox(t.deps)).toEqual({ sent: 1, failed: 0 });
    expect((await smtp.waitFor(1))[0]!.envelopeTo).toEqual(['socialtjanst@taby.example.se']);
  });
});

describe('two job runners on one database', () => {
  let second: { deps: Deps; app: App; database: Database | null };

  beforeAll(async () => {
    if (testDbKind === 'postgres') {
      // A second server process: its own connection pool and app, the same PostgreSQL database.
      const database = await openDatabase({ databaseUrl: t.db.url!, poolSize: 5 });
      const deps: Deps = { ...t.deps, database };
      second = { deps, app: await buildApp(deps), database };
    } else {
      // PGlite is one process's database: two runners share it.
      second = { deps: t.deps, app: t.app, database: null };
    }
  });
  afterAll(async () => {
    if (second.database) {
      await second.app.close();
      await second.database.close();
    }
  });

  it('deliver each morning exactly once, with one e-mail per municipality', async () => {
    const runners = [new JobRunner(t.deps), new JobRunner(second.deps), new JobRunner(t.deps), new JobRunner(second.deps)];
    const mornings = ['2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10'];
    for (const day of mornings) {
      const evening = new Date(new Date(`${day}T06:00:00Z`).getTime() - 10 * 3_600_000).toISOString();
      const reports = [await addReport('0160', evening), await addReport('0160', evening), await addReport('0186', evening)];
      smtp.clear();
      t.clock.set(`${day}T06:00:00Z`);
      const results = await Promise.all(runners.map((r) => r.runNow()));
      for (const r of results) expect(r.failed).toEqual([]);
      const ran = results.flatMap((r) => r.ran.filter((x) => x.job === 'handover_delivery'));
      expect(ran, day).toHaveLength(1);
      expect(ran[0]!.result).toMatchObject({ delivered: 3, municipalities: 2, emails: 2 });
      for (const id of reports) expect(await deliveryOf(id)).toEqual([expect.objectContaining({ scheduled_date: day })]);
      expect(results.reduce((s, r) => s + r.mail.sent, 0)).toBe(2);
      await smtp.waitFor(2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(smtp.messages.map((m) => m.envelopeTo[0]).sort(), day).toEqual(['socialtjanst@lidingo.example.se', 'socialtjanst@taby.example.se']);
    }
    const runs = (await deliveryRuns()).filter((r) => mornings.includes(r.date));
    expect(runs.map((r) => r.date)).toEqual(mornings);
    const total = await t.deps.database.db.selectFrom('report_delivery').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const distinct = await t.deps.database.db.selectFrom('report_delivery').select((eb) => eb.fn.count<number>('handover_report_id').distinct().as('n')).executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(Number(distinct.n));
  });
});

describe('the runner of a server process', () => {
  it('runs what is due on start and stops cleanly', async () => {
    await addReport('0186', '2026-12-10T20:00:00Z');
    t.clock.set('2026-12-11T06:30:00Z');
    const runner = startJobRunner(t.deps)!;
    expect(runner).toBeInstanceOf(JobRunner);
    for (let i = 0; i < 100 && !(await deliveryRuns()).some((r) => r.date === '2026-12-11'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await runner.stop();
    expect((await deliveryRuns()).find((r) => r.date === '2026-12-11')).toMatchObject({ runner: runner.id, delivered: 1 });
  });

  it('refreshes the planner statistics on PGlite (no autovacuum there) when due, and not before', async () => {
    // a new table has no statistics until something analyses it
    await sql`create table maintenance_probe as select generate_series(1, 1000) as x`.execute(t.deps.database.db);
    const probeStats = async () => (await sql<{ n: number }>`select count(*)::integer as n from pg_stats where tablename = 'maintenance_probe'`.execute(t.deps.database.db)).rows[0]!.n;
    expect(await probeStats()).toBe(0);
    const runner = new JobRunner(t.deps, 60_000, { firstAnalyzeAfterMs: 1_000, analyzeEveryMs: 60_000 });
    const start = Date.now();
    expect(await runner.maintain(start)).toBe(false);
    const ran = await runner.maintain(start + 2_000);
    if (testDbKind === 'pglite') {
      expect(ran).toBe(true);
      expect(await runner.maintain(start + 3_000)).toBe(false);
      expect(await runner.maintain(start + 63_000)).toBe(true);
      expect(await probeStats()).toBe(1);
    } else {
      // PostgreSQL's autovacuum does it
      expect(ran).toBe(false);
    }
    await sql`drop table maintenance_probe`.execute(t.deps.database.db);
  });

  it('is not started when JOURBOK_JOBS=false', () => {
    expect(startJobRunner({ ...t.deps, config: loadConfig({ JOURBOK_JOBS: 'false' }) })).toBeNull();
  });
});
