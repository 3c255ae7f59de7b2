import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { formatProblem } from '@jourbok/domain';
import { inTransaction, systemPrincipal } from '../app/context.ts';
import { importCases, importPopulation } from '../features/imports/service.ts';
import { findFirstOrganisationId } from '../features/organisation/repository.ts';
import { parse, UsageError } from './args.ts';
import type { Io } from './commands.ts';
import { openRuntime } from './runtime.ts';

/**
 * jourbok import cases FILE [--dry-run] | jourbok import population FILE
 * (import-cases.md, import-population.md). Every problem of the file goes to
 * stderr as `jourbok import cases: FILE: line N, column C: value "V": why`,
 * and the command exits 2 having changed nothing.
 */
export async function importCommand(args: string[], io: Io): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'cases' && kind !== 'population') throw new UsageError(`jourbok import: unknown subcommand "${kind ?? ''}" (expected: cases or population)`);
  const command = `import ${kind}`;
  const { values, positionals } = parse(command, rest, kind === 'cases' ? { 'dry-run': { type: 'boolean' } } : {});
  const file = positionals[0];
  if (!file) throw new UsageError(`jourbok ${command}: FILE is required`);
  if (positionals.length > 1) throw new UsageError(`jourbok ${command}: one FILE only, got ${positionals.length}`);
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new UsageError(`jourbok ${command}: ${file}: no such file`);
  }
  const dryRun = (values as { 'dry-run'?: boolean })['dry-run'] === true;
  const rt = await openRuntime(values, io.env);
  try {
    const organisationId = await rt.database.db.transaction().execute((trx) => findFirstOrganisationId(trx));
    if (!organisationId) {
      io.err(`jourbok ${command}: the database has no organisation; run jourbok init --preset nordost|nordvast first\n`);
      return 1;
    }
    const options = { fileName: basename(file), dryRun, onProblem: (p: Parameters<typeof formatProblem>[0]) => io.err(`jourbok ${command}: ${file}: ${formatProblem(p)}\n`) };
    const open = () => createReadStream(file);
    const result = await inTransaction(rt, systemPrincipal(organisationId, `jourbok ${command}`), null, (ctx) =>
      kind === 'cases' ? importCases(ctx, open, options) : importPopulation(ctx, open, options),
    );
    if (!result.ok) {
      io.err(`jourbok ${command}: ${file}: ${result.errorCount} ${result.errorCount === 1 ? 'error' : 'errors'}; nothing was imported\n`);
      return 2;
    }
    if (kind === 'cases') {
      io.out(
        dryRun
          ? `Dry run: ${file} is valid (${result.rows} rows): ${result.imported} cases would be imported and ${result.skipped} skipped (imported before). Nothing was written.\n`
          : `Imported ${result.imported} cases and skipped ${result.skipped} (imported before) from ${file} (${result.rows} rows).\n`,
      );
    } else {
      io.out(`Imported ${result.imported} population figures (${result.imported - result.replaced} new, ${result.replaced} replaced) from ${file}.\n`);
    }
    return 0;
  } finally {
    await rt.close();
  }
}
