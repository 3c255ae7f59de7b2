// bench/import-cases: `jourbok import cases` of a large history file (default
// 1 000 000 rows) on the embedded database: time and peak memory of the dry
// run, the import, a second import (every row skipped) and a report over the
// result. Run: npx tsx bench/import-cases.ts [ROWS]
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJourbok } from './support/measure.ts';

const rows = Number(process.argv[2] ?? 1_000_000);

async function writeFile(path: string) {
  const out = createWriteStream(path);
  out.write('external_id;received_at;municipality;category;youth_crime;source;minutes;closed_at_jour;shelter_requested;shelter_granted;decisions\n');
  const municipalities = ['0162', '0186', '0188', '0160', '0115', '0187', '0117', '0184'];
  const categories = ['barn_unga', 'boende', 'aldre', 'vuxna_missbruk_psyk', 'ovrigt'];
  const start = Date.UTC(2019, 0, 1);
  for (let i = 0; i < rows; i++) {
    const at = new Date(start + ((i * 7919) % (6 * 365 * 86_400)) * 1000);
    const category = categories[i % categories.length]!;
    const local = `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)}`;
    const line = `H-${i};${i % 3 === 0 ? at.toISOString() : local};${municipalities[i % 8]};${category};${category === 'barn_unga' && i % 5 === 0 ? 1 : 0};polis;${i % 200};${i % 4 === 0 ? 1 : 0};${category === 'boende' ? 1 : 0};${category === 'boende' && i % 2 ? 1 : 0};${i % 50 === 0 ? 'LVU43|LVU6' : ''}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const dir = mkdtempSync(join(tmpdir(), 'jourbok-bench-import-'));
try {
  const file = join(dir, 'history.csv');
  await writeFile(file);
  const data = ['--data', join(dir, 'data')];
  console.log(`file: ${rows} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`);
  const steps: [string, string[]][] = [
    ['init', ['init', '--preset', 'nordost', ...data]],
    ['dry run', ['import', 'cases', file, '--dry-run', ...data]],
    ['import', ['import', 'cases', file, ...data]],
    ['import again (all skipped)', ['import', 'cases', file, ...data]],
    ['report year 2024 (json)', ['report', 'year', '--year', '2024', '--format', 'json', ...data]],
  ];
  for (const [name, args] of steps) {
    const r = await runJourbok(args);
    if (r.code !== 0) throw new Error(`${name}: exit ${r.code}: ${r.stderr}`);
    console.log(`${name.padEnd(28)} ${r.seconds.toFixed(1).padStart(7)} s  peak ${r.peakMiB.toFixed(0).padStart(5)} MiB  ${name.startsWith('import') ? `${Math.round(rows / r.seconds)} rows/s` : ''}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
