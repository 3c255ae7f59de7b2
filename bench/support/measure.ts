// Shared by the benchmarks: a scratch PostgreSQL database next to the one in
// DATABASE_URL, and the jourbok command run with its peak memory sampled.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const jourbokBin = fileURLToPath(new URL('../../packages/server/bin/jourbok.mjs', import.meta.url));

/** A new, empty database on the server of `adminUrl`; `drop()` removes it. */
export async function scratchPostgres(adminUrl: string, prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Resident memory of a process in MiB (0 once it has exited). */
export function rssMiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** This process's environment without the database target: a spawned jourbok is told its target by arguments only (DATABASE_URL would win over --data). */
export function envWithoutTarget(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'JOURBOK_DATA'));
}

export interface CliRun {
  seconds: number;
  peakMiB: number;
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run `jourbok ARGS`, sampling its resident memory every 100 ms; the target
 * is named by the arguments (envWithoutTarget).
 */
export function runJourbok(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [jourbokBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...envWithoutTarget(), JOURBOK_LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid!))), 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peak, code: code ?? 1, stdout, stderr });
    });
  });
}
