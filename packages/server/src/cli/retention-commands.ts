import { inTransaction, systemPrincipal } from '../app/context.ts';
import { findFirstOrganisationId } from '../features/organisation/repository.ts';
import { previewRetention, runRetention } from '../features/privacy/retention.ts';
import { parse, UsageError } from './args.ts';
import type { Io } from './commands.ts';
import { openRuntime } from './runtime.ts';

/**
 * jourbok retention run [--dry-run] [--format json]: remove the personal data
 * of the cases past their retention time (the organisation's rules). The dry
 * run lists what would go and changes nothing.
 */
export async function retentionCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'run') throw new UsageError(`jourbok retention: unknown subcommand "${sub ?? ''}" (expected: run)`);
  const { values, positionals } = parse('retention run', rest, { 'dry-run': { type: 'boolean' }, format: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`jourbok retention run: unexpected argument "${positionals[0]}"`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`jourbok retention run: --format must be json or text, got "${format}"`);
  const rt = await openRuntime(values, io.env);
  try {
    const organisationId = await rt.database.db.transaction().execute((trx) => findFirstOrganisationId(trx));
    if (!organisationId) {
      io.err('jourbok retention run: the database has no organisation; run jourbok init --preset nordost|nordvast first\n');
      return 1;
    }
    const principal = systemPrincipal(organisationId, values['dry-run'] ? 'jourbok retention run --dry-run' : 'jourbok retention run');
    if (values['dry-run']) {
      const preview = await inTransaction(rt, principal, null, (ctx) => previewRetention(ctx, { limit: 100_000 }));
      if (format === 'json') {
        io.out(JSON.stringify(preview, null, 2) + '\n');
        return 0;
      }
      const lines = [
        `Retention dry run on ${preview.today}: ${preview.toRemove} case(s) would be cleared (${preview.overdue} past their deadline), ${preview.personsToRemove} person(s) removed.`,
        `Kept by an exception: ${preview.kept.birthDay} (birth day), ${preview.kept.placement} (placement of a child).`,
      ];
      if (preview.candidates.length > 0) lines.push('', `${'case'.padEnd(20)} ${'last entry'.padEnd(11)} ${'remove by'.padEnd(11)} verdict`);
      for (const c of preview.candidates) lines.push(`${c.caseNumber.padEnd(20)} ${c.lastEntryDate.padEnd(11)} ${c.removeBy.padEnd(11)} ${c.verdict}${c.overdue ? ' (overdue)' : ''}`);
      io.out(lines.join('\n') + '\n');
      return 0;
    }
    const result = await inTransaction(rt, principal, null, (ctx) => runRetention(ctx));
    if (format === 'json') io.out(JSON.stringify(result, null, 2) + '\n');
    else {
      const c = result.counts;
      io.out(`Retention run on ${result.today}: ${c.cases} case(s) cleared (${c.journalEntries} journal entries, ${c.decisions} decisions, ${c.handoverReports} handover reports), ${c.personsRemoved} person(s) removed, ${c.personsKept} kept for a notice or assignment; ${c.keptBirthDay + c.keptPlacement} case(s) kept by an exception.\n`);
    }
    return 0;
  } finally {
    await rt.close();
  }
}
