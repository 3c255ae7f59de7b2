import type { CollaborationSettings, DailyRun, JsonValue } from '@jourbok/domain';
import type { Ctx } from '../app/context.ts';
import type { Config } from '../config.ts';

/** What a daily job's run is told: whose, which day, and the settings. */
export interface JobRun {
  organisationId: string;
  timeZone: string;
  settings: CollaborationSettings;
  /** the local date and the instant the run was due */
  run: DailyRun;
  config: Readonly<Config>;
}

/**
 * A job that runs once a day at a local time taken from the organisation's
 * settings. `run` does its work in the transaction that claims the run, and
 * returns a small summary (counts, never personal data) stored with it.
 */
export interface DailyJob {
  name: string;
  timeOf(settings: CollaborationSettings): string;
  run(ctx: Ctx, job: JobRun): Promise<Record<string, JsonValue>>;
}
