import { z } from 'zod';

/**
 * Configuration, parsed once from the environment (and CLI overrides) into a
 * frozen object. Nothing else reads process.env. `.env.example` documents it.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  JOURBOK_DATA: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  JOURBOK_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  JOURBOK_HOST: z.string().min(1).default('127.0.0.1'),
  JOURBOK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  JOURBOK_PUBLIC_URL: z.string().url().optional(),
  JOURBOK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOURBOK_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  JOURBOK_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(14),
  JOURBOK_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** minutes a locked account stays locked; 0 = until an administrator unlocks it */
  JOURBOK_LOCKOUT_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(0),
  /** failed logins from one client address in 15 minutes before it is throttled */
  JOURBOK_THROTTLE_ATTEMPTS: z.coerce.number().int().min(1).max(10_000).default(30),
  JOURBOK_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  JOURBOK_DEMO: bool.default(false),
  JOURBOK_WEB_DIST: z.string().optional(),
  JOURBOK_TRUST_PROXY: bool.default(false),
  /** outgoing mail server, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@mail.example.se:465; unset: e-mail stays queued */
  JOURBOK_SMTP_URL: z.string().url().refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://').optional(),
  JOURBOK_MAIL_FROM: z.string().min(3).default('Jourbok <jourbok@localhost>'),
  /** run the scheduled jobs (report delivery, reminders) in this process */
  JOURBOK_JOBS: bool.default(true),
  /** API requests served at once, the rest wait their turn at the door; unset: 2 on PGlite, unlimited on PostgreSQL (its pool limits it) */
  JOURBOK_MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(0).max(10_000).optional(),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  host: string;
  port: number;
  publicUrl: string;
  logLevel: z.infer<typeof schema>['JOURBOK_LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  throttleAttempts: number;
  cookieSecure: boolean;
  demo: boolean;
  webDist: string | undefined;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  runJobs: boolean;
  /** null: the default for the database (see http/admission.ts); 0: unlimited */
  maxConcurrentRequests: number | null;
}

export class ConfigError extends Error {}

export function loadConfig(env: Env, overrides: Env = {}): Readonly<Config> {
  const merged: Env = { ...env };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) merged[k] = v;
  // An empty variable counts as unset (as in most .env files).
  for (const k of Object.keys(merged)) if (merged[k] === '') delete merged[k];
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const publicUrl = e.JOURBOK_PUBLIC_URL ?? `http://${e.JOURBOK_HOST}:${e.JOURBOK_PORT}`;
  return Object.freeze({
    dataDir: e.JOURBOK_DATA,
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.JOURBOK_DB_POOL,
    host: e.JOURBOK_HOST,
    port: e.JOURBOK_PORT,
    publicUrl,
    logLevel: e.JOURBOK_LOG_LEVEL,
    sessionIdleMinutes: e.JOURBOK_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.JOURBOK_SESSION_MAX_HOURS,
    lockoutAttempts: e.JOURBOK_LOCKOUT_ATTEMPTS,
    lockoutMinutes: e.JOURBOK_LOCKOUT_MINUTES,
    throttleAttempts: e.JOURBOK_THROTTLE_ATTEMPTS,
    cookieSecure: e.JOURBOK_COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https:') : e.JOURBOK_COOKIE_SECURE === 'true',
    demo: e.JOURBOK_DEMO,
    webDist: e.JOURBOK_WEB_DIST,
    trustProxy: e.JOURBOK_TRUST_PROXY,
    smtpUrl: e.JOURBOK_SMTP_URL,
    mailFrom: e.JOURBOK_MAIL_FROM,
    runJobs: e.JOURBOK_JOBS,
    maxConcurrentRequests: e.JOURBOK_MAX_CONCURRENT_REQUESTS ?? null,
  });
}
