import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { collaborationSettingsOf, dueDailyRuns, type JsonValue } from '@jourbok/domain';
import { sql } from 'kysely';
import { inTransaction, systemPrincipal, type Deps } from '../app/context.ts';
import { flushOutbox } from '../mail/outbox.ts';
import { dailyJobs } from './daily-jobs.ts';
import type { DailyJob } from './types.ts';

/** A run missed while every server was down is made up at most this many days back. */
export const MAX_DAYS_BACK = 3;

export interface JobsReport {
  ran: { organisationId: string; job: string; date: string; result: Record<string, JsonValue> }[];
  failed: { organisationId: string; job: string; date: string; error: string }[];
  mail: { sent: number; failed: number };
}

/**
 * Run every daily job whose time has come and which has not run: on start,
 * every minute, and when a test calls it. There is no state in memory that
 * matters: the `job_run` table is the ledger. A run is claimed by inserting
 * its row (organisation, job, local date) with ON CONFLICT DO NOTHING in the
 * transaction that does the work, so it commits with the work or not at all;
 * a second process racing for the same run waits on the row and finds it
 * taken. Runs missed while down are made up oldest first; a failed run stops
 * that job's later runs until the next tick. Queued e-mail is sent last.
 */
export async function runDueJobs(deps: Deps, options: { runner?: string; jobs?: readonly DailyJob[] } = {}): Promise<JobsReport> {
  const runner = options.runner ?? processRunnerId;
  const report: JobsReport = { ran: [], failed: [], mail: { sent: 0, failed: 0 } };
  const organisations = await deps.database.db.selectFrom('organisation').select(['id', 'time_zone', 'settings']).orderBy('created_at').execute();
  for (const org of organisations) {
    const settings = collaborationSettingsOf((org.settings as Record<string, JsonValue>).collaboration);
    for (const job of options.jobs ?? dailyJobs) {
      const last = await deps.database.db
        .selectFrom('job_run')
        .select(sql<string | null>`max(scheduled_date)::text`.as('date'))
        .where('organisation_id', '=', org.id)
        .where('job_name', '=', job.name)
        .executeTakeFirst();
      const due = dueDailyRuns({ now: deps.clock.now().toISOString(), timeZone: org.time_zone, time: job.timeOf(settings), lastRunDate: last?.date ?? null, maxDaysBack: MAX_DAYS_BACK });
      for (const run of due) {
        try {
          const result = await inTransaction(deps, systemPrincipal(org.id, `Jourbok (${job.name})`), null, async (ctx) => {
            const claimed = await ctx.trx
              .insertInto('job_run')
              .values({ organisation_id: org.id, job_name: job.name, scheduled_date: run.date, scheduled_at: new Date(run.at), started_at: ctx.now, runner, result: '{}' })
              .onConflict((oc) => oc.columns(['organisation_id', 'job_name', 'scheduled_date']).doNothing())
              .returning('job_name')
              .executeTakeFirst();
            if (!claimed) return null;
            const summary = await job.run(ctx, { organisationId: org.id, timeZone: org.time_zone, settings, run, config: deps.config });
            await ctx.trx
              .updateTable('job_run')
              .set({ finished_at: deps.clock.now(), result: JSON.stringify(summary) })
              .where('organisation_id', '=', org.id)
              .where('job_name', '=', job.name)
              .where('scheduled_date', '=', run.date)
              .execute();
            return summary;
          });
          if (result) report.ran.push({ organisationId: org.id, job: job.name, date: run.date, result });
        } catch (error) {
          const reason = `${(error as Error).name}${(error as { code?: string }).code ? ` ${(error as { code?: string }).code}` : ''}`;
          deps.log.error({ job: job.name, date: run.date, reason }, 'scheduled job failed; retried at the next tick');
          report.failed.push({ organisationId: org.id, job: job.name, date: run.date, error: reason });
          break;
        }
      }
    }
  }
  try {
    report.mail = await flushOutbox(deps);
  } catch (error) {
    deps.log.error({ reason: (error as Error).name }, 'sending queued e-mail failed');
  }
  return report;
}

const processRunnerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * PGlite has no autovacuum, so nothing else refreshes the planner's
 * statistics as cases accumulate: the runner does, a while after start and
 * then every few hours (ANALYZE samples; about 1.5 s for ten years of one
 * jour). PostgreSQL's autovacuum does it there.
 */
export interface MaintenanceTiming {
  firstAnalyzeAfterMs: number;
  analyzeEveryMs: number;
}
export const defaultMaintenance: MaintenanceTiming = { firstAnalyzeAfterMs: 10 * 60_000, analyzeEveryMs: 6 * 3_600_000 };

/** Runs the due jobs on start and then every `intervalMs` until stopped. One tick at a time. */
export class JobRunner {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;
  #stopped = false;
  #nextAnalyzeAt: number;

  constructor(
    private readonly deps: Deps,
    private readonly intervalMs = 60_000,
    private readonly maintenance: MaintenanceTiming = defaultMaintenance,
  ) {
    this.#nextAnalyzeAt = Date.now() + maintenance.firstAnalyzeAfterMs;
  }

  /** On PGlite, refresh the planner's statistics when they are due (wall-clock time); true if it did. */
  async maintain(now = Date.now()): Promise<boolean> {
    if (this.deps.database.kind !== 'pglite' || now < this.#nextAnalyzeAt) return false;
    this.#nextAnalyzeAt = now + this.maintenance.analyzeEveryMs;
    const started = performance.now();
    await sql`analyze`.execute(this.deps.database.db);
    this.deps.log.info({ ms: Math.round(performance.now() - started) }, 'planner statistics refreshed (PGlite has no autovacuum)');
    return true;
  }

  start(): this {
    this.#stopped = false;
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), this.intervalMs);
    this.#timer.unref();
    return this;
  }

  /** Run what is due now (tests, and the CLI) and wait for it. */
  async runNow(): Promise<JobsReport> {
    await this.#running;
    return runDueJobs(this.deps, { runner: this.id });
  }

  #tick() {
    if (this.#running || this.#stopped) return;
    this.#running = runDueJobs(this.deps, { runner: this.id })
      .then(() => this.maintain())
      .catch((error: unknown) => this.deps.log.error({ reason: (error as Error).name }, 'job runner tick failed'))
      .finally(() => {
        this.#running = null;
      });
  }

  /** Stop ticking and wait for a tick under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}

/** Start the runner of a server process (jourbok start), unless JOURBOK_JOBS=false. */
export function startJobRunner(deps: Deps): JobRunner | null {
  if (!deps.config.runJobs) return null;
  return new JobRunner(deps).start();
}
