import {
  caseImportColumns,
  checkCaseRow,
  checkPopulationRow,
  populationImportColumns,
  type CaseImportConfig,
  type ImportedCase,
  type ImportProblem,
  type PopulationFigure,
} from '@jourbok/domain';
import type { Ctx } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { hash53, NumberList, readCsv, sniffDelimiter, type CsvSource } from './csv-reader.ts';
import * as repo from './repository.ts';

export interface ImportOptions {
  /** the file's name, for the audit event */
  fileName: string;
  /** validate and count, write nothing */
  dryRun?: boolean;
  /** each problem as it is found (the command line prints them at once) */
  onProblem?: (problem: ImportProblem) => void;
  /** how far a pass over the file has come (bytes read), called as the file is read */
  onProgress?: (progress: ImportProgress) => void;
}

/** A pass over the file: checking every row, confirming repeated ids, writing. */
export type ImportPhase = 'check' | 'duplicates' | 'write';
export interface ImportProgress {
  phase: ImportPhase;
  /** bytes of the file read in this pass */
  bytes: number;
  /** rows handled in this pass */
  rows: number;
}

/** Progress of one pass, for `onProgress`. */
function tracker(options: ImportOptions, phase: ImportPhase) {
  let rows = 0;
  let bytes = 0;
  return {
    row: () => {
      rows++;
    },
    bytes: (read: number) => {
      bytes = read;
      options.onProgress?.({ phase, bytes, rows });
    },
  };
}

export interface ImportOutcome {
  ok: boolean;
  /** data rows in the file */
  rows: number;
  /** rows imported, or that would be in a dry run */
  imported: number;
  /** case rows whose external id was imported before */
  skipped: number;
  /** population figures that replaced an earlier one */
  replaced: number;
  errorCount: number;
  /** the problems, the first MAX_KEPT_PROBLEMS of them */
  problems: ImportProblem[];
}

/** Problems kept for an answer (the command line prints every one as it is found). */
export const MAX_KEPT_PROBLEMS = 10_000;
/** Cases written per statement. */
const BATCH = 1000;

function organisationIdOf(ctx: Ctx): string {
  const id = ctx.principal.organisationId;
  if (!id) throw new AppError('not_found', 'Ingen organisation är vald.');
  return id;
}

function problemCollector(options: ImportOptions) {
  const problems: ImportProblem[] = [];
  let count = 0;
  return {
    problems,
    get count() {
      return count;
    },
    add(problem: ImportProblem) {
      count++;
      if (problems.length < MAX_KEPT_PROBLEMS) problems.push(problem);
      options.onProblem?.(problem);
    },
  };
}

/**
 * Import historical cases (import-cases.md), all or nothing. Two streaming
 * passes over the file, so a file of a million rows needs no more memory
 * than a few thousand: the first checks every row and lists every problem;
 * only a file without any problem is read again and written, in batches, in
 * the caller's one transaction. Ids are remembered as 53-bit hashes to find
 * repeated ids within the file; a repeated hash is confirmed by a third pass.
 * A row whose external id was imported before is skipped.
 */
export async function importCases(ctx: Ctx, open: CsvSource, options: ImportOptions): Promise<ImportOutcome> {
  const organisationId = organisationIdOf(ctx);
  const org = await repo.loadImportConfig(ctx.trx, organisationId);
  const config: CaseImportConfig = { memberCodes: new Set(org.members.keys()), categoryCodes: org.categoryCodes, decisionCodes: org.decisionCodes, timeZone: org.timeZone, now: ctx.now.getTime() };
  const found = problemCollector(options);
  const delimiter = await sniffDelimiter(open);

  // Pass 1: check every row.
  const ids = new NumberList();
  let valid = 0;
  let skipped = 0;
  let pending: string[] = [];
  const countSkipped = async () => {
    skipped += await repo.countExistingExternalIds(ctx.trx, organisationId, pending);
    pending = [];
  };
  const checking = tracker(options, 'check');
  const first = await readCsv(open, delimiter, caseImportColumns, found.add, async (row) => {
    checking.row();
    const { row: c, problems } = checkCaseRow(row.get, row.line, config);
    // A column missing from the header is one problem on line 1, not one on every row.
    problems.filter((p) => p.column === null || row.has(p.column) || p.code !== 'required').forEach(found.add);
    const id = row.get('external_id');
    if (id !== '') ids.push(hash53(id));
    if (!c) return;
    valid++;
    if (options.dryRun && found.count === 0) {
      pending.push(c.externalId);
      if (pending.length >= BATCH) await countSkipped();
    }
  }, checking.bytes);

  // Repeated ids within the file: confirm the repeated hashes by reading the ids again.
  const repeatedHashes = ids.repeated();
  if (repeatedHashes.size > 0) {
    const firstLine = new Map<string, number>();
    const confirming = tracker(options, 'duplicates');
    await readCsv(open, delimiter, caseImportColumns, () => {}, (row) => {
      confirming.row();
      const id = row.get('external_id');
      if (id === '' || !repeatedHashes.has(hash53(id))) return;
      const seen = firstLine.get(id);
      if (seen === undefined) firstLine.set(id, row.line);
      else found.add({ line: row.line, column: 'external_id', value: id, code: 'duplicate_id', detail: String(seen) });
    }, confirming.bytes);
  }

  const outcome = (ok: boolean, imported: number): ImportOutcome => ({ ok, rows: first.rows, imported, skipped, replaced: 0, errorCount: found.count, problems: found.problems });
  if (found.count > 0) return outcome(false, 0);
  if (options.dryRun) {
    await countSkipped();
    return outcome(true, valid - skipped);
  }

  // Pass 2: write, in batches. The file is checked again as it is read: had it changed, nothing is kept.
  let imported = 0;
  let batch: ImportedCase[] = [];
  const flush = async () => {
    const inserted = await repo.insertImportedCases(ctx.trx, organisationId, ctx.now, batch);
    imported += inserted;
    skipped += batch.length - inserted;
    batch = [];
  };
  const changed = () => new AppError('conflict', 'Filen ändrades medan den importerades; inget importerades.');
  let isChanged = false;
  const writing = tracker(options, 'write');
  const second = await readCsv(
    open,
    delimiter,
    caseImportColumns,
    () => (isChanged = true),
    async (row) => {
      const { row: c } = checkCaseRow(row.get, row.line, config);
      if (!c || isChanged) throw changed();
      writing.row();
      batch.push(c);
      if (batch.length >= BATCH) await flush();
    },
    writing.bytes,
  );
  if (isChanged || second.sha256 !== first.sha256) throw changed();
  await flush();
  if (imported > 0) await repo.analyzeImportedCases(ctx.trx);
  await ctx.audit({
    action: 'cases.imported',
    entityType: 'case',
    entityId: null,
    details: { file: options.fileName, sha256: first.sha256, rows: first.rows, imported, skipped },
  });
  return outcome(true, imported);
}

/**
 * Import population figures (import-population.md): every row a member, a
 * year and a positive number; a figure for a year and municipality that
 * exists is replaced. All or nothing.
 */
export async function importPopulation(ctx: Ctx, open: CsvSource, options: ImportOptions): Promise<ImportOutcome> {
  const organisationId = organisationIdOf(ctx);
  const org = await repo.loadImportConfig(ctx.trx, organisationId);
  const found = problemCollector(options);
  const delimiter = await sniffDelimiter(open);
  const figures: PopulationFigure[] = [];
  const lineOf = new Map<string, number>();
  const checking = tracker(options, 'check');
  const pass = await readCsv(open, delimiter, populationImportColumns, found.add, (row) => {
    checking.row();
    const { row: figure, problems } = checkPopulationRow(row.get, row.line, org.members);
    problems.filter((p) => p.column === null || row.has(p.column) || p.code !== 'required').forEach(found.add);
    if (!figure) return;
    const key = `${figure.year}:${figure.municipalityCode}`;
    const seen = lineOf.get(key);
    if (seen !== undefined) {
      found.add({ line: row.line, column: 'municipality', value: figure.municipalityCode, code: 'duplicate_population', detail: String(seen) });
      return;
    }
    lineOf.set(key, row.line);
    figures.push(figure);
  }, checking.bytes);
  const existing = await repo.existingPopulationKeys(ctx.trx, organisationId);
  const replaced = figures.filter((f) => existing.has(`${f.year}:${f.municipalityCode}`)).length;
  const outcome = (ok: boolean): ImportOutcome => ({ ok, rows: pass.rows, imported: ok ? figures.length : 0, skipped: 0, replaced: ok ? replaced : 0, errorCount: found.count, problems: found.problems });
  if (found.count > 0) return outcome(false);
  if (options.dryRun) return outcome(true);
  await repo.upsertPopulation(ctx.trx, organisationId, figures);
  await ctx.audit({
    action: 'population.imported',
    entityType: 'population',
    entityId: null,
    details: { file: options.fileName, sha256: pass.sha256, rows: pass.rows, inserted: figures.length - replaced, replaced, years: [...new Set(figures.map((f) => f.year))].sort() },
  });
  return outcome(true);
}
