#!/usr/bin/env node
// The whole test suite, in the order that fails fastest: typecheck, lint,
// npm audit of the production dependencies (where the registry answers),
// unit tests, integration tests on PGlite, the same on PostgreSQL (when
// DATABASE_URL is set), and browser tests (when /usr/bin/chromium exists).
// Says what it skipped; with CI=true (or --require-all) a skipped part fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const requireAll = process.argv.includes('--require-all') || process.env.CI === 'true';
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const reportDir = mkdtempSync(join(tmpdir(), 'jourbok-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
let failed = false;

function step(name, command, args, env = {}) {
  if (only && !only.includes(name)) return true;
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (!ok) failed = true;
  return ok;
}

function vitest(name, project, env = {}) {
  const out = join(reportDir, `${name}.json`);
  const ok = step(name, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numTotalTests === 0) {
      summary.push(`FAIL ${name}: no tests ran`);
      failed = true;
    }
  } else if (!only || only.includes(name)) {
    totals.failed += 1;
  }
  return ok;
}

function skip(name, why) {
  summary.push(`${requireAll ? 'FAIL' : 'skip'} ${name}: skipped, ${why}`);
  console.log(`\n=== ${name}: SKIPPED (${why})`);
  if (requireAll) failed = true;
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('audit', 'node', ['scripts/audit.mjs']);
vitest('unit', 'unit');
vitest('integration-pglite', 'integration', { JOURBOK_TEST_DB: 'pglite' });
if (process.env.DATABASE_URL) vitest('integration-postgres', 'integration', { JOURBOK_TEST_DB: 'postgres' });
else skip('integration-postgres', 'DATABASE_URL is not set');
if (existsSync('/usr/bin/chromium')) {
  if (step('build-web', 'npm', ['run', '--silent', 'build:web'])) vitest('e2e', 'e2e');
} else skip('e2e', '/usr/bin/chromium is not installed (apt-get install chromium)');

console.log('\n=== Summary');
for (const line of summary) console.log(line);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failed || totals.failed > 0 ? 1 : 0);
