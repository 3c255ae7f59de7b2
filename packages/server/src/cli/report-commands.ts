import { writeFileSync } from 'node:fs';
import { isReportMunicipality, isTertial, OTHER_MUNICIPALITY, sortMembers, type Tertial } from '@jourbok/domain';
import { inTransaction, systemPrincipal } from '../app/context.ts';
import { findFirstOrganisationId } from '../features/organisation/repository.ts';
import { getReport, getReportOrganisation, renderReport, type DocumentFormat } from '../features/statistics/service.ts';
import { parse, UsageError } from './args.ts';
import type { Io } from './commands.ts';
import { openRuntime } from './runtime.ts';

const formats = ['json', 'csv', 'xlsx', 'pdf'] as const;

function wholeNumber(command: string, option: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined) throw new UsageError(`jourbok ${command}: --${option} is required`);
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`jourbok ${command}: --${option} must be a whole number from ${min} to ${max}, got "${value}"`);
  return Number(value);
}

/**
 * jourbok report tertial --year Y --tertial 1|2|3 | report year --year Y,
 * with [--municipality CODE|other] [--format json|csv|xlsx|pdf] [--out FILE]
 * [--suppress-below N] (report.md). Without --format: a text table.
 */
export async function reportCommand(args: string[], io: Io): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'tertial' && kind !== 'year') throw new UsageError(`jourbok report: unknown report "${kind ?? ''}" (expected: tertial or year)`);
  const command = `report ${kind}`;
  const { values, positionals } = parse(command, rest, {
    year: { type: 'string' },
    tertial: { type: 'string' },
    municipality: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'suppress-below': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`jourbok ${command}: unexpected argument "${positionals[0]}"`);
  const year = wholeNumber(command, 'year', values.year, 1900, 2200);
  let tertial: Tertial | null = null;
  if (kind === 'tertial') {
    const t = wholeNumber(command, 'tertial', values.tertial, 1, 3);
    if (!isTertial(t)) throw new UsageError(`jourbok ${command}: --tertial must be 1, 2 or 3`);
    tertial = t;
  } else if (values.tertial !== undefined) {
    throw new UsageError(`jourbok ${command}: --tertial belongs to the tertial report (jourbok report tertial)`);
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && !(formats as readonly string[]).includes(format)) throw new UsageError(`jourbok ${command}: --format must be json, csv, xlsx or pdf, got "${format}"`);
  const suppressBelow = values['suppress-below'] === undefined ? undefined : wholeNumber(command, 'suppress-below', values['suppress-below'], 0, 1000);
  const municipality = values.municipality ?? null;

  const rt = await openRuntime(values, io.env);
  try {
    const organisationId = await rt.database.db.transaction().execute((trx) => findFirstOrganisationId(trx));
    if (!organisationId) {
      io.err(`jourbok ${command}: the database has no organisation; run jourbok init --preset nordost|nordvast first\n`);
      return 1;
    }
    const report = await inTransaction(rt, systemPrincipal(organisationId, `jourbok ${command}`), null, async (ctx) => {
      if (municipality !== null) {
        const org = await getReportOrganisation(ctx);
        if (!isReportMunicipality(org, municipality)) {
          const members = sortMembers(org.members).map((m) => `${m.code} ${m.name}`).join(', ');
          throw new UsageError(`jourbok ${command}: --municipality "${municipality}" is not a member of ${org.name} (members: ${members}; or ${OTHER_MUNICIPALITY} for Annan kommun)`);
        }
      }
      return getReport(ctx, { kind, year, tertial, municipality }, { suppressBelow });
    });
    const rendered = await renderReport(report, format as DocumentFormat);
    if (values.out) {
      writeFileSync(values.out, rendered.body);
      io.err(`Report written to ${values.out}\n`);
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
