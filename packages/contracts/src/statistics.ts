import { z } from 'zod';

/** `--format` of a report download; without it the route answers the report JSON. */
export const ReportFormat = z.enum(['json', 'csv', 'xlsx', 'pdf']);

const Year = z.coerce.number({ message: 'Ange år med fyra siffror' }).int('Ange år med fyra siffror').min(1900, 'Ange år med fyra siffror').max(2200, 'Ange år med fyra siffror');
/** A member's kommunkod, or `other` for Annan kommun. */
const ReportMunicipality = z.string().regex(/^(\d{4}|other)$/, 'Ange en medlemskommuns kommunkod eller other');

export const YearReportQuery = z.object({
  year: Year,
  municipality: ReportMunicipality.optional(),
  format: ReportFormat.optional(),
});

export const TertialReportQuery = YearReportQuery.extend({
  tertial: z.coerce.number().int().min(1, 'Tertialen är 1, 2 eller 3').max(3, 'Tertialen är 1, 2 eller 3'),
});

const ByYear = z.record(z.string(), z.number());

/** The report JSON (report.md); `suppressBelow` and `suppressed` only when small numbers are protected. */
export const StatisticsReport = z.object({
  organisation: z.string(),
  kind: z.enum(['tertial', 'year']),
  year: z.number().int(),
  tertial: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  from: z.string(),
  to: z.string(),
  municipality: z.string().nullable(),
  years: z.tuple([z.number(), z.number(), z.number()]),
  cases: ByYear,
  byMunicipality: z.array(z.object({ code: z.string(), name: z.string(), cases: ByYear, share: ByYear })),
  byCategory: z.array(z.object({ code: z.string(), name: z.string(), cases: ByYear })),
  decisions: z.array(z.object({ code: z.string(), name: z.string(), count: ByYear })),
  shelter: z.object({ requested: ByYear, granted: ByYear, grantedShare: ByYear }),
  closedAtJour: z.object({ cases: ByYear, share: ByYear }),
  youthShare: ByYear,
  /** counts below this are hidden in documents for people */
  suppressBelow: z.number().int().optional(),
  /** JSON Pointers (RFC 6901) of the cells hidden in documents for people */
  suppressed: z.array(z.string()).optional(),
});
export type StatisticsReport = z.infer<typeof StatisticsReport>;

/** One error of an import file: where (line and column), the value, and why (in Swedish). */
export const ImportProblem = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string(),
  code: z.string(),
  message: z.string(),
});

/** Preview (validation) of an import file, and the result of an import. */
export const ImportResult = z.object({
  /** valid: nothing wrong in the file */
  ok: z.boolean(),
  /** data rows in the file */
  rows: z.number().int(),
  /** rows imported (or that would be, in a preview) */
  imported: z.number().int(),
  /** case rows skipped because their external_id was imported before */
  skipped: z.number().int(),
  /** population figures that replaced an earlier figure for the same year and municipality */
  replaced: z.number().int(),
  errorCount: z.number().int(),
  /** every error, up to the first 10 000 */
  errors: z.array(ImportProblem),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** The organisation's statistics settings: the small-number threshold of member appendices (0 = off). */
export const StatisticsSettings = z.object({
  suppressBelow: z.number({ message: 'Ange ett heltal 0–100' }).int('Ange ett heltal 0–100').min(0, 'Ange ett heltal 0–100').max(100, 'Ange ett heltal 0–100'),
});
export type StatisticsSettings = z.infer<typeof StatisticsSettings>;

/** One line of an import's progress stream (`Accept: application/x-ndjson`): progress, then the result or the error. */
export const ImportStreamLine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), phase: z.enum(['check', 'duplicates', 'write']), bytes: z.number(), totalBytes: z.number(), rows: z.number() }),
  z.object({ type: z.literal('result'), result: ImportResult }),
  z.object({ type: z.literal('error'), status: z.number(), error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) }),
]);
export type ImportStreamLine = z.infer<typeof ImportStreamLine>;
