import { inTransaction, systemPrincipal } from '../../src/app/context.ts';
import type { Database } from '../../src/db/database.ts';
import { seedDemo } from '../../src/seed/demo.ts';

/** When every test starts: the demo is seeded, and the TestClock starts, at this instant. */
export const TEST_START = '2026-11-23T20:00:00Z';

/**
 * Seed the demo organisation as the integration tests see it. The seed gets
 * only the database and a clock fixed at TEST_START (no config, no env), so
 * one seeded template serves every test whatever env it passes to
 * createTestApp. If a seed step ever needs configuration, pass it here and
 * make createTestApp seed fresh for the env that changes it.
 */
export async function seedTestDemo(database: Database): Promise<string> {
  const clock = { now: () => new Date(TEST_START) };
  return inTransaction({ database, clock }, systemPrincipal(null, 'test'), null, (ctx) => seedDemo(ctx));
}
