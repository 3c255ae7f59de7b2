import {
  addDays,
  can,
  comparisonYears,
  formatReportCsv,
  formatReportText,
  isReportMunicipality,
  OTHER_MUNICIPALITY,
  protectReport,
  reportPeriod,
  shapeReport,
  startOfDay,
  type ProtectedReport,
  type ReportKind,
  type ReportOrganisation,
  type Tertial,
} from '@jourbok/domain';
import { sql } from 'kysely';
import type { Ctx } from '../../app/context.ts';
import { AppError, forbidden } from '../../errors.ts';
import { renderReportPdf } from '../../pdf/statistics.ts';
import { renderReportXlsx } from '../../xlsx/statistics.ts';
import * as repo from './repository.ts';

/** Periods are days in Swedish time (report.md). */
const TIME_ZONE = 'Europe/Stockholm';

export interface ReportQuery {
  kind: ReportKind;
  year: number;
  tertial: Tertial | null;
  /** a member's kommunkod, `other`, or null for the whole jour */
  municipality: string | null;
}

export interface ReportOptions {
  /**
   * Hide counts below this in documents for people. Undefined: the
   * organisation's `settings.statistics.suppressBelow` for member appendices
   * (a report limited to one municipality), nothing for the whole jour.
   */
  suppressBelow?: number | undefined;
}

function organisationIdOf(ctx: Ctx): string {
  const id = ctx.principal.organisationId;
  if (!id) throw new AppError('not_found', 'Ingen organisation är vald.');
  return id;
}

/** The organisation's small-number threshold: `settings.statistics.suppressBelow`, 0 (off) when not set. */
export function suppressBelowSetting(settings: Record<string, unknown>): number {
  const value = (settings.statistics as { suppressBelow?: unknown } | undefined)?.suppressBelow;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** The organisation's statistics settings (GET /api/statistics/settings). */
export async function getStatisticsSettings(ctx: Ctx): Promise<{ suppressBelow: number }> {
  const org = await ctx.trx.selectFrom('organisation').select('settings').where('id', '=', organisationIdOf(ctx)).executeTakeFirst();
  if (!org) throw new AppError('not_found', 'Organisationen finns inte.');
  return { suppressBelow: suppressBelowSetting(org.settings as Record<string, unknown>) };
}

/**
 * Set the small-number threshold of member appendices (0 = off). Only the
 * `statistics` key of the settings changes; the read and the write are one
 * statement, so a concurrent change of another setting is not lost.
 */
export async function updateStatisticsSettings(ctx: Ctx, input: { suppressBelow: number }): Promise<{ suppressBelow: number }> {
  const id = organisationIdOf(ctx);
  const before = await getStatisticsSettings(ctx);
  await ctx.trx
    .updateTable('organisation')
    .set({
      settings: sql`jsonb_set(coalesce(settings, '{}'::jsonb), '{statistics}', coalesce(settings->'statistics', '{}'::jsonb) || ${JSON.stringify({ suppressBelow: input.suppressBelow })}::jsonb)`,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  await ctx.audit({ action: 'statistics.settings_updated', entityType: 'organisation', entityId: id, details: { suppressBelow: input.suppressBelow, before: before.suppressBelow } });
  return getStatisticsSettings(ctx);
}

export async function getReportOrganisation(ctx: Ctx): Promise<ReportOrganisation & { settings: Record<string, unknown> }> {
  const org = await repo.loadReportOrganisation(ctx.trx, organisationIdOf(ctx));
  if (!org) throw new AppError('not_found', 'Organisationen finns inte.');
  return org;
}

/**
 * The tertial or annual report (report.md). A kommun user gets its own
 * municipality's appendix only: the filter is forced to its kommunkod, and
 * asking for another municipality is refused. The query itself is limited to
 * the scope, so no other municipality's counts are read.
 */
export async function getReport(ctx: Ctx, query: ReportQuery, options: ReportOptions = {}): Promise<ProtectedReport> {
  let municipality = query.municipality;
  if (ctx.principal.kind === 'user') {
    const actor = ctx.principal;
    if (!can(actor, 'statistics.read')) throw forbidden();
    if (actor.role === 'kommun') {
      if (municipality !== null && municipality !== actor.municipalityCode) throw forbidden();
      municipality = actor.municipalityCode;
    }
  }
  const org = await getReportOrganisation(ctx);
  if (municipality !== null && !isReportMunicipality(org, municipality)) {
    throw new AppError('validation', `${municipality} är inte en medlemskommun. Ange en medlems kommunkod eller ${OTHER_MUNICIPALITY} (Annan kommun).`, 'municipality');
  }
  const ranges = comparisonYears(query.year).map((year) => {
    const { from, to } = reportPeriod(query.kind, year, query.tertial);
    return { year, starts: startOfDay(from, TIME_ZONE).toInstant().toString(), ends: startOfDay(addDays(to, 1), TIME_ZONE).toInstant().toString() };
  });
  const scope: repo.CaseScope = municipality === null ? { kind: 'all' } : municipality === OTHER_MUNICIPALITY ? { kind: 'other' } : { kind: 'member', code: municipality };
  const organisationId = organisationIdOf(ctx);
  const [cases, decisions] = await Promise.all([repo.countCases(ctx.trx, organisationId, ranges, scope), repo.countDecisions(ctx.trx, organisationId, ranges, scope)]);
  const report = shapeReport(org, { ...query, municipality }, cases, decisions);
  const below = options.suppressBelow ?? (municipality !== null ? suppressBelowSetting(org.settings) : 0);
  return protectReport(report, below);
}

export type DocumentFormat = 'json' | 'csv' | 'xlsx' | 'pdf' | 'text';

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** `tertialrapport-2024-T1.pdf`, `arsrapport-2024-0160.xlsx`. */
export function reportFileName(report: ProtectedReport, extension: string): string {
  const base = report.kind === 'year' ? `arsrapport-${report.year}` : `tertialrapport-${report.year}-T${report.tertial}`;
  return `${base}${report.municipality ? `-${report.municipality}` : ''}.${extension}`;
}

/** The report as a document: the JSON, CSV for Swedish Excel, XLSX, PDF, or a text table. */
export async function renderReport(report: ProtectedReport, format: DocumentFormat): Promise<RenderedReport> {
  switch (format) {
    case 'json':
      return { body: Buffer.from(JSON.stringify(report, null, 2) + '\n'), contentType: 'application/json; charset=utf-8', fileName: reportFileName(report, 'json') };
    case 'csv':
      return { body: Buffer.from(formatReportCsv(report)), contentType: 'text/csv; charset=utf-8', fileName: reportFileName(report, 'csv') };
    case 'xlsx':
      return { body: await renderReportXlsx(report), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: reportFileName(report, 'xlsx') };
    case 'pdf':
      return { body: await renderReportPdf(report), contentType: 'application/pdf', fileName: reportFileName(report, 'pdf') };
    case 'text':
      return { body: Buffer.from(formatReportText(report)), contentType: 'text/plain; charset=utf-8', fileName: reportFileName(report, 'txt') };
  }
}
