import { writeFileSync } from 'node:fs';
import { inTransaction, systemPrincipal } from '../app/context.ts';
import { AppError } from '../errors.ts';
import { renderBasis, type MoneyFormat } from '../features/money/documents.ts';
import { getBasis, loadMoneyOrganisation, MissingPopulationError } from '../features/money/service.ts';
import { findFirstOrganisationId } from '../features/organisation/repository.ts';
import { parse, UsageError } from './args.ts';
import type { Io } from './commands.ts';
import { openRuntime } from './runtime.ts';

const formats = ['json', 'csv', 'xlsx', 'pdf'] as const;
const command = 'costs allocate';

/**
 * jourbok costs allocate --year Y --period 1|2|3 [--amount SEK]
 * [--format json|csv|xlsx|pdf] [--out FILE] (cost-allocation.md). A closed
 * period answers with its frozen invoice basis unless --amount is given.
 */
export async function costsCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'allocate') throw new UsageError(`jourbok costs: unknown subcommand "${sub ?? ''}" (expected: allocate)`);
  const { values, positionals } = parse(command, rest, { year: { type: 'string' }, period: { type: 'string' }, amount: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`jourbok ${command}: unexpected argument "${positionals[0]}"`);
  if (values.year === undefined) throw new UsageError(`jourbok ${command}: --year is required`);
  if (!/^\d{4}$/.test(values.year) || Number(values.year) < 1900 || Number(values.year) > 2200) throw new UsageError(`jourbok ${command}: --year must be a year from 1900 to 2200, got "${values.year}"`);
  if (values.period === undefined) throw new UsageError(`jourbok ${command}: --period is required`);
  if (!/^\d{1,2}$/.test(values.period)) throw new UsageError(`jourbok ${command}: --period must be 1, 2 or 3, got "${values.period}"`);
  let amountOre: number | undefined;
  if (values.amount !== undefined) {
    const m = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(values.amount.trim());
    if (!m) throw new UsageError(`jourbok ${command}: --amount must be an amount in SEK with at most 2 decimals and '.' as decimal sign, such as 2626105.50, got "${values.amount}"`);
    amountOre = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && !(formats as readonly string[]).includes(format)) throw new UsageError(`jourbok ${command}: --format must be json, csv, xlsx or pdf, got "${format}"`);
  const year = Number(values.year);
  const period = Number(values.period);

  const rt = await openRuntime(values, io.env);
  try {
    const organisationId = await rt.database.db.transaction().execute((trx) => findFirstOrganisationId(trx));
    if (!organisationId) {
      io.err(`jourbok ${command}: the database has no organisation; run jourbok init --preset nordost|nordvast first\n`);
      return 1;
    }
    const basis = await inTransaction(rt, systemPrincipal(organisationId, `jourbok ${command}`), null, async (ctx) => {
      const org = await loadMoneyOrganisation(ctx.trx, organisationId);
      if (period < 1 || period > org.periods.length) throw new UsageError(`jourbok ${command}: --period must be 1 to ${org.periods.length}, got "${values.period}"`);
      try {
        return await getBasis(ctx, year, period, amountOre === undefined ? {} : { amountOre });
      } catch (error) {
        if (error instanceof MissingPopulationError) {
          throw new UsageError(`jourbok ${command}: no population for ${error.year} for ${error.missing.map((m) => `${m.code} ${m.name}`).join(', ')}; import it with jourbok import population FILE`);
        }
        if (error instanceof AppError && error.code === 'validation') throw new UsageError(`jourbok ${command}: ${error.message}`);
        throw error;
      }
    });
    const rendered = await renderBasis(basis, format as MoneyFormat);
    if (values.out) {
      writeFileSync(values.out, rendered.body);
      io.err(`Invoice basis written to ${values.out}\n`);
    } else if (format === 'xlsx' || format === 'pdf') {
      process.stdout.write(rendered.body);
    } else {
      io.out(rendered.body.toString('utf8'));
    }
    return 0;
  } finally {
    await rt.close();
  }
}
