import { AccessReviewSettings as AccessReviewSettingsSchema, RetentionRules as RetentionRulesSchema } from '@jourbok/contracts';
import { defaultAccessReviewSettings, defaultRetentionRules, validateAccessReviewSettings, validateRetentionRules, type AccessReviewSettings, type RetentionRules } from '@jourbok/domain';
import { sql } from 'kysely';
import type { Ctx } from '../../app/context.ts';
import { AppError } from '../../errors.ts';

export const TIME_ZONE = 'Europe/Stockholm';

export function organisationIdOf(ctx: Ctx): string {
  const id = ctx.principal.organisationId;
  if (!id) throw new AppError('not_found', 'Ingen organisation är vald.');
  return id;
}

async function settingsOf(ctx: Ctx): Promise<Record<string, unknown>> {
  const row = await ctx.trx.selectFrom('organisation').select('settings').where('id', '=', organisationIdOf(ctx)).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Organisationen finns inte.');
  return row.settings as Record<string, unknown>;
}

/** `settings.retention`, the default where not set (rules are data: LEGAL.md). */
export async function loadRetentionRules(ctx: Ctx): Promise<RetentionRules> {
  const parsed = RetentionRulesSchema.partial().safeParse((await settingsOf(ctx)).retention ?? {});
  return { ...defaultRetentionRules, ...(parsed.success ? stripUndefined(parsed.data) : {}) };
}

export async function loadAccessReviewSettings(ctx: Ctx): Promise<AccessReviewSettings> {
  const parsed = AccessReviewSettingsSchema.partial().safeParse((await settingsOf(ctx)).accessReview ?? {});
  return { ...defaultAccessReviewSettings, ...(parsed.success ? stripUndefined(parsed.data) : {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function saveSetting(ctx: Ctx, key: 'retention' | 'accessReview', value: object) {
  await sql`update organisation set settings = jsonb_set(settings, ${`{${key}}`}::text[], ${JSON.stringify(value)}::jsonb), updated_at = ${ctx.now}
    where id = ${organisationIdOf(ctx)}::uuid`.execute(ctx.trx);
}

export async function updateRetentionRules(ctx: Ctx, rules: RetentionRules): Promise<RetentionRules> {
  const problem = validateRetentionRules(rules);
  if (problem) throw new AppError('validation', problem.message, problem.field);
  await saveSetting(ctx, 'retention', rules);
  await ctx.audit({ action: 'retention.settings_updated', entityType: 'organisation', entityId: organisationIdOf(ctx), details: { ...rules } });
  return loadRetentionRules(ctx);
}

export async function updateAccessReviewSettings(ctx: Ctx, settings: AccessReviewSettings): Promise<AccessReviewSettings> {
  const problem = validateAccessReviewSettings(settings);
  if (problem) throw new AppError('validation', problem.message, problem.field);
  await saveSetting(ctx, 'accessReview', settings);
  await ctx.audit({ action: 'access_review.settings_updated', entityType: 'organisation', entityId: organisationIdOf(ctx), details: { ...settings } });
  return loadAccessReviewSettings(ctx);
}
