import { buildCalendar, formatCalendarText, isPresetKey, presets, type CalendarConfig } from '@jourbok/domain';
import { inTransaction, systemPrincipal, writeAuditEvent } from '../app/context.ts';
import type { Env } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { startJobRunner } from '../jobs/runner.ts';
import { verifyAuditChain } from '../features/audit/service.ts';
import { generateInitialPassword } from '../features/auth/crypto.ts';
import { createUser } from '../features/users/service.ts';
import { findFirstOrganisationId, loadOrganisation } from '../features/organisation/repository.ts';
import { initOrganisation } from '../features/organisation/service.ts';
import { BackupError, createBackup, restoreBackup } from '../features/system/backup.ts';
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemo } from '../seed/demo.ts';
import { isoDate, parse, UsageError } from './args.ts';
import { openRuntime } from './runtime.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Env;
}

export async function startCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('start', args, { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' } });
  if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new UsageError(`jourbok start: --port must be a number, got "${values.port}"`);
  const rt = await openRuntime(values, io.env, { JOURBOK_PORT: values.port, JOURBOK_HOST: values.host, JOURBOK_DEMO: values.demo ? 'true' : undefined }, 'stdout');
  let seeded = false;
  if (rt.config.demo) {
    seeded = await inTransaction(rt, systemPrincipal(null, 'demo'), null, async (ctx) => {
      if (!(await isDatabaseEmpty(ctx))) return false;
      await seedDemo(ctx);
      return true;
    });
  }
  const app = await buildApp(rt);
  const address = await app.listen({ port: rt.config.port, host: rt.config.host });
  // Scheduled jobs (report delivery each morning, reminders): safe with any number of processes.
  const jobs = startJobRunner(rt);
  const url = rt.config.publicUrl.startsWith('http') && rt.config.port !== 0 ? rt.config.publicUrl : address;
  const lines = [
    '',
    `Jourbok is running at ${url}`,
    `Database: ${rt.database.kind} (${rt.database.location})${seeded ? ', demo organisation created' : ''}`,
  ];
  if (rt.config.demo) {
    lines.push('', `Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) lines.push(`  ${a.username.padEnd(26)} ${a.role}${a.municipalityCode ? ` (${a.municipalityCode})` : ''}${a.totpSecret ? '  – second factor: the login page shows the code in demo mode' : ''}`);
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  io.out(lines.join('\n'));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await jobs?.stop();
  await app.close();
  await rt.close();
  return 0;
}

export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('init', args, { preset: { type: 'string' } });
  if (!values.preset || !isPresetKey(values.preset)) throw new UsageError(`jourbok init: --preset must be nordost or nordvast${values.preset ? `, got "${values.preset}"` : ''}`);
  const preset = presets[values.preset];
  const rt = await openRuntime(values, io.env);
  try {
    const password = generateInitialPassword();
    const created = await inTransaction(rt, systemPrincipal(null, 'jourbok init'), null, async (ctx) => {
      if (!(await isDatabaseEmpty(ctx))) return null;
      const organisationId = await initOrganisation(ctx, preset);
      const admin = await createUser({ ...ctx, principal: systemPrincipal(organisationId, 'jourbok init') }, { username: 'admin', displayName: 'Administratör', email: null, role: 'admin', municipalityCode: null }, password);
      await ctx.trx.updateTable('app_user').set({ must_change_password: true }).where('id', '=', admin.user.id).execute();
      return organisationId;
    });
    if (!created) {
      io.err('jourbok init: the database already has an organisation; init needs an empty database');
      return 1;
    }
    io.out(`Created ${preset.name} (${preset.municipalities.length} members) in ${rt.database.location}.\nAdministrator account: admin\nOne-time password: ${password}\n(You choose a new password at the first sign-in.)\n`);
    return 0;
  } finally {
    await rt.close();
  }
}

export async function calendarCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('calendar', args, { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, preset: { type: 'string' } });
  const from = isoDate('calendar', 'from', values.from);
  const to = isoDate('calendar', 'to', values.to);
  const format = values.format ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`jourbok calendar: --format must be json or text, got "${format}"`);
  if (from > to) throw new UsageError(`jourbok calendar: --from (${from}) is after --to (${to})`);
  let name: string;
  let config: CalendarConfig;
  if (values.preset) {
    if (!isPresetKey(values.preset)) throw new UsageError(`jourbok calendar: --preset must be nordost or nordvast, got "${values.preset}"`);
    name = presets[values.preset].name;
    config = presets[values.preset].calendar;
  } else {
    const rt = await openRuntime(values, io.env);
    try {
      const org = await rt.database.db.transaction().execute(async (trx) => {
        const id = await findFirstOrganisationId(trx);
        return id ? loadOrganisation(trx, id) : null;
      });
      if (!org) {
        io.err('jourbok calendar: the database has no organisation; run jourbok init --preset nordost|nordvast first, or pass --preset');
        return 1;
      }
      name = org.name;
      config = org.calendar;
    } finally {
      await rt.close();
    }
  }
  let calendar;
  try {
    calendar = buildCalendar(name, from, to, config);
  } catch (error) {
    throw new UsageError(`jourbok calendar: ${(error as Error).message}`);
  }
  io.out(format === 'json' ? JSON.stringify(calendar, null, 2) + '\n' : formatCalendarText(calendar) + '\n');
  return 0;
}

export async function auditCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError(`jourbok audit: unknown subcommand "${sub ?? ''}" (expected: verify)`);
  const { values } = parse('audit verify', rest, {});
  const rt = await openRuntime(values, io.env);
  try {
    const result = await verifyAuditChain(rt.database.db);
    if (result.ok) {
      io.out(`Audit log intact: ${result.count} events\n`);
      return 0;
    }
    const b = result.firstBroken!;
    io.out(`Audit log BROKEN at event ${b.seq} (id ${b.id}): ${b.reason}. ${result.count} events before it verify.\n`);
    return 1;
  } finally {
    await rt.close();
  }
}

export async function backupCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('backup', args, { out: { type: 'string' } });
  if (!values.out) throw new UsageError('jourbok backup: --out FILE is required');
  const rt = await openRuntime(values, io.env);
  try {
    const organisationId = await rt.database.db.transaction().execute((trx) => findFirstOrganisationId(trx));
    // The backup holds everybody's data: that it was taken is itself an audit event.
    await writeAuditEvent(rt.database.db, systemPrincipal(organisationId, 'jourbok backup'), null, new Date(), { action: 'system.backup_created', entityType: 'system', entityId: null, details: { file: values.out.split('/').pop() ?? '' } });
    const result = await createBackup(rt.database.db, values.out);
    io.err(`Backup written to ${values.out}: ${result.rows} rows from ${result.tables} tables\n`);
    return 0;
  } finally {
    await rt.close();
  }
}

export async function restoreCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('restore', args, {});
  const file = positionals[0];
  if (!file) throw new UsageError('jourbok restore: FILE is required');
  const rt = await openRuntime(values, io.env);
  try {
    const result = await restoreBackup(rt.database.db, file);
    io.err(`Restored ${result.rows} rows from ${file}; audit log verified (${result.auditEvents} events)\n`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      io.err(`jourbok restore: ${file}: ${error.message}\n`);
      return error.message.includes('not empty') ? 1 : 2;
    }
    throw error;
  } finally {
    await rt.close();
  }
}
