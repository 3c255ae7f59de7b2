import type { Logger } from 'pino';
import { systemClock, type Deps } from '../app/context.ts';
import { loadConfig, type Config, type Env } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createLogger } from '../log.ts';

/** Open the configured database (migrated) for a CLI command; messages go to stderr. */
export async function openRuntime(values: { data?: string | undefined; 'database-url'?: string | undefined }, env: Env, extra: Env = {}, logTo: 'stdout' | 'stderr' = 'stderr'): Promise<Deps & { close(): Promise<void> }> {
  const config: Readonly<Config> = loadConfig(env, { JOURBOK_DATA: values.data, DATABASE_URL: values['database-url'], ...extra });
  const log: Logger = createLogger(logTo === 'stderr' ? { logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel } : config, logTo);
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  try {
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { database, config, clock: systemClock, log, close: () => database.close() };
}
