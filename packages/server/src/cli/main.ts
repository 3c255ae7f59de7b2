import { ConfigError } from '../config.ts';
import { UsageError } from './args.ts';
import { auditCommand, backupCommand, calendarCommand, initCommand, restoreCommand, startCommand, type Io } from './commands.ts';
import { importCommand } from './import-commands.ts';
import { reportCommand } from './report-commands.ts';
import { costsCommand } from './costs-commands.ts';
import { retentionCommand } from './retention-commands.ts';

const usage = `Usage: jourbok <command> [options]

Commands:
  start [--port N] [--host H] [--demo]       serve the web app and API
  init --preset nordost|nordvast             create the organisation in an empty database
  calendar --from DATE --to DATE [--format json|text]
  audit verify                               check the audit log's hash chain
  backup --out FILE                          consistent backup of the whole database
  restore FILE                               restore a backup into an empty database
  import cases FILE [--dry-run]              import historical cases from CSV (all or nothing)
  import population FILE                     population per member and year from CSV
  report tertial --year Y --tertial 1|2|3 [--municipality CODE|other] [--format json|csv|xlsx|pdf] [--out FILE]
  report year --year Y [--municipality CODE|other] [--format json|csv|xlsx|pdf] [--out FILE]
  costs allocate --year Y --period 1|2|3 [--amount SEK] [--format json|csv|xlsx|pdf] [--out FILE]
  retention run [--dry-run] [--format json]  remove personal data past its retention time (the dry run lists it)

Every command takes --data DIR (PGlite, default ./data or JOURBOK_DATA)
or --database-url URL (PostgreSQL, default DATABASE_URL).
`;

const commands: Record<string, (args: string[], io: Io) => Promise<number>> = {
  start: startCommand,
  init: initCommand,
  calendar: calendarCommand,
  audit: auditCommand,
  backup: backupCommand,
  restore: restoreCommand,
  costs: costsCommand,
  import: importCommand,
  report: reportCommand,
  retention: retentionCommand,
};

/** Exit status: 0 success, 2 invalid input or usage, 1 any other failure. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`jourbok: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    io.err(`jourbok ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}

const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env };
process.exitCode = await main(process.argv.slice(2), io);
