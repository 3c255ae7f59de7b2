import { Readable } from 'node:stream';
import { ImportResult } from '@jourbok/contracts';
import { describeProblem } from '@jourbok/domain';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/context.ts';
import { AppError } from '../../errors.ts';
import { run, type Api } from '../../http/run.ts';
import { importCases, importPopulation, type ImportOutcome } from './service.ts';

const tags = ['Imports'];
/** Uploads of up to 50 MB (about 600 000 case rows). */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

function fileOf(req: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(req.body)) throw new AppError('validation', 'Skicka filen som CSV (Content-Type: text/csv).');
  return req.body;
}

function present(outcome: ImportOutcome) {
  return {
    ok: outcome.ok,
    rows: outcome.rows,
    imported: outcome.imported,
    skipped: outcome.skipped,
    replaced: outcome.replaced,
    errorCount: outcome.errorCount,
    errors: outcome.problems.map((p) => ({ line: p.line, column: p.column, value: p.value, code: p.code, message: describeProblem(p, 'sv') })),
  };
}

function rejected(outcome: ImportOutcome): AppError {
  return new AppError('validation', `Filen har ${outcome.errorCount} fel; inget importerades.`, undefined, present(outcome));
}

/**
 * The unit manager's upload of a history or population file (the body is
 * the CSV itself). `…/preview` checks the file and answers what an import
 * would do and every error by line and column, writing nothing; the import
 * itself answers 400 with the same errors when the file has any.
 */
export async function registerImportRoutes(api: Api, deps: Deps) {
  await api.register(async (scope) => {
    // Only these routes read CSV bodies; elsewhere the API speaks JSON.
    scope.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    const routes = scope.withTypeProvider<ZodTypeProvider>();
    const access = { permission: 'statistics.import' } as const;
    const fileName = (req: FastifyRequest) => String(req.headers['x-file-name'] ?? 'uppladdad.csv').slice(0, 200);
    const open = (file: Buffer) => () => Readable.from([file]);

    routes.post('/api/imports/cases/preview', {
      config: { access },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: 'Check a case history file (CSV): what would be imported and skipped, and every error', response: { 200: ImportResult } },
      handler: (req) => run(deps, req, async (ctx) => present(await importCases(ctx, open(fileOf(req)), { fileName: fileName(req), dryRun: true }))),
    });
    routes.post('/api/imports/cases', {
      config: { access },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: 'Import a case history file (CSV), all or nothing', response: { 200: ImportResult } },
      handler: (req) =>
        run(deps, req, async (ctx) => {
          const outcome = await importCases(ctx, open(fileOf(req)), { fileName: fileName(req) });
          if (!outcome.ok) throw rejected(outcome);
          return present(outcome);
        }),
    });
    routes.post('/api/imports/population/preview', {
      config: { access },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: 'Check a population file (CSV) and list every error', response: { 200: ImportResult } },
      handler: (req) => run(deps, req, async (ctx) => present(await importPopulation(ctx, open(fileOf(req)), { fileName: fileName(req), dryRun: true }))),
    });
    routes.post('/api/imports/population', {
      config: { access },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: 'Import population per member and year (CSV); a figure replaces the earlier one', response: { 200: ImportResult } },
      handler: (req) =>
        run(deps, req, async (ctx) => {
          const outcome = await importPopulation(ctx, open(fileOf(req)), { fileName: fileName(req) });
          if (!outcome.ok) throw rejected(outcome);
          return present(outcome);
        }),
    });
  });
}
