import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportResult, type ImportStreamLine } from '@jourbok/contracts';
import { describeProblem } from '@jourbok/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx, Deps } from '../../app/context.ts';
import { AppError, errorCodes } from '../../errors.ts';
import { run, type Api } from '../../http/run.ts';
import type { CsvSource } from './csv-reader.ts';
import { importCases, importPopulation, type ImportOptions, type ImportOutcome, type ImportProgress } from './service.ts';

const tags = ['Imports'];
/**
 * Uploads of up to 256 MB (about 4 000 000 case rows). The body goes to a
 * temporary file as it arrives and is read from there as a stream, so the
 * upload's size does not decide the server's memory.
 */
export const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;
/** The media type of the progress stream: one JSON object a line (ImportStreamLine). */
export const NDJSON = 'application/x-ndjson';

/** An uploaded CSV body, spooled to a temporary file. */
interface Upload {
  path: string;
  bytes: number;
}

const uploadSymbol = Symbol('upload');
type WithUpload = FastifyRequest & { [uploadSymbol]?: Upload };

function uploadOf(req: FastifyRequest): Upload {
  const upload = req.body as Upload | undefined;
  if (!upload || typeof upload !== 'object' || typeof (upload as { path?: unknown }).path !== 'string') {
    throw new AppError('validation', 'Skicka filen som CSV (Content-Type: text/csv).');
  }
  return upload;
}

function present(outcome: ImportOutcome): ImportResult {
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

type Importer = (ctx: Ctx, open: CsvSource, options: ImportOptions) => Promise<ImportOutcome>;

/**
 * The unit manager's upload of a history or population file (the body is
 * the CSV itself). `…/preview` checks the file and answers what an import
 * would do and every error by line and column, writing nothing; the import
 * itself answers 400 with the same errors when the file has any.
 *
 * With `Accept: application/x-ndjson` the answer is a stream of progress
 * lines (bytes read of each pass over the file, a few times a second) and
 * then one line with the result or the error; the status is then always 200.
 * The browser draws its progress bar from it.
 */
export async function registerImportRoutes(api: Api, deps: Deps) {
  await api.register(async (scope) => {
    // Only these routes read CSV bodies; elsewhere the API speaks JSON. The
    // body is spooled to a temporary file (removed when the answer is sent).
    scope.addContentTypeParser('text/csv', (req, payload, done) => {
      const path = join(tmpdir(), `jourbok-upload-${randomUUID()}.csv`);
      const upload: Upload = { path, bytes: 0 };
      (req as WithUpload)[uploadSymbol] = upload;
      const limit = new Transform({
        transform(chunk: Buffer, _enc, next) {
          upload.bytes += chunk.length;
          if (upload.bytes > IMPORT_BODY_LIMIT) next(new AppError('validation', `Filen är för stor: högst ${IMPORT_BODY_LIMIT / 1024 / 1024} MB.`));
          else next(null, chunk);
        },
      });
      pipeline(payload, limit, createWriteStream(path)).then(
        () => done(null, upload),
        (error: unknown) => done(error instanceof AppError ? error : new AppError('validation', 'Filen kom inte fram hel. Försök igen.')),
      );
    });
    scope.addHook('onResponse', async (req) => {
      const upload = (req as WithUpload)[uploadSymbol];
      if (upload) await rm(upload.path, { force: true });
    });
    scope.addHook('onRequestAbort', async (req) => {
      const upload = (req as WithUpload)[uploadSymbol];
      if (upload) await rm(upload.path, { force: true });
    });

    const routes = scope.withTypeProvider<ZodTypeProvider>();
    const access = { permission: 'statistics.import' } as const;
    const fileName = (req: FastifyRequest) => {
      const raw = String(req.headers['x-file-name'] ?? 'uppladdad.csv');
      try {
        return decodeURIComponent(raw).slice(0, 200);
      } catch {
        return raw.slice(0, 200);
      }
    };

    const handle = (importer: Importer, dryRun: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
      const upload = uploadOf(req);
      const open = () => createReadStream(upload.path);
      const work = (onProgress?: (p: ImportProgress) => void) =>
        run(deps, req, async (ctx) => {
          const outcome = await importer(ctx, open, { fileName: fileName(req), dryRun, onProgress });
          if (!outcome.ok && !dryRun) throw rejected(outcome);
          return present(outcome);
        });
      if (!String(req.headers.accept ?? '').includes(NDJSON)) return work();

      const out = new PassThrough();
      const send = (line: ImportStreamLine) => out.write(`${JSON.stringify(line)}\n`);
      let last = 0;
      const progress = (p: ImportProgress) => {
        const now = Date.now();
        if (now - last < 200 && p.bytes < upload.bytes) return;
        last = now;
        send({ type: 'progress', phase: p.phase, bytes: p.bytes, totalBytes: upload.bytes, rows: p.rows });
      };
      send({ type: 'progress', phase: 'check', bytes: 0, totalBytes: upload.bytes, rows: 0 });
      work(progress).then(
        (result) => out.end(`${JSON.stringify({ type: 'result', result } satisfies ImportStreamLine)}\n`),
        (error: unknown) => {
          const known = error instanceof AppError;
          if (!known) req.log.error({ err: { type: (error as Error)?.name, code: (error as { code?: string })?.code } }, 'import failed');
          const line: ImportStreamLine = known
            ? { type: 'error', status: errorCodes[error.code], error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } }
            : { type: 'error', status: 500, error: { code: 'internal', message: 'Något gick fel i Jourbok; inget importerades. Försök igen; kvarstår felet, kontakta administratören.' } };
          out.end(`${JSON.stringify(line)}\n`);
        },
      );
      return reply.type(`${NDJSON}; charset=utf-8`).send(out);
    };

    routes.post('/api/imports/cases/preview', {
      config: { access },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: 'Check a case history file (CSV): what would be imported and skipped, and every error', response: { 200: ImportResult } },
      handler: handle(importCases, true),
    });
    routes.post('/api/imports/cases', {
      config: { access },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: 'Import a case history file (CSV), all or nothing', response: { 200: ImportResult } },
      handler: handle(importCases, false),
    });
    routes.post('/api/imports/population/preview', {
      config: { access },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: 'Check a population file (CSV) and list every error', response: { 200: ImportResult } },
      handler: handle(importPopulation, true),
    });
    routes.post('/api/imports/population', {
      config: { access },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: 'Import population per member and year (CSV); a figure replaces the earlier one', response: { 200: ImportResult } },
      handler: handle(importPopulation, false),
    });
  });
}
