import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A usage error: exit status 2, the message names the command and the option. */
export class UsageError extends Error {}

export const commonOptions = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...commonOptions, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`jourbok ${command}: ${(error as Error).message}`);
  }
}

export function isoDate(command: string, option: string, value: string | undefined): string {
  if (!value) throw new UsageError(`jourbok ${command}: --${option} is required (YYYY-MM-DD)`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`jourbok ${command}: --${option} must be a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
