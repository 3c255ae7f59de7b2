import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseColumns, caseCsv, expectedReport, generateCaseRows, type CaseFileRow } from './support/case-files.ts';
import { jourbok } from './support/cli.ts';
import { newCliTarget, removeCliTargets, scratchDir, type CliTarget } from './support/cli-target.ts';

/**
 * The import commands from outside, as a script would run them: the real
 * CLI on a PGlite directory or a fresh PostgreSQL database.
 */
let dir: string;
beforeAll(() => {
  dir = scratchDir();
});
afterAll(() => removeCliTargets());

async function nordost(): Promise<CliTarget> {
  const target = await newCliTarget();
  const init = await jourbok(['init', '--preset', 'nordost', ...target.args]);
  expect(init.code, init.stderr).toBe(0);
  return target;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function reportJson(target: CliTarget, ...args: string[]) {
  const res = await jourbok(['report', 'tertial', '--year', '2024', '--tertial', '1', '--format', 'json', ...args, ...target.args]);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout);
}

async function counts(target: CliTarget) {
  const database = await target.open();
  try {
    const cases = await database.db.selectFrom('jour_case').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const decisions = await database.db.selectFrom('imported_decision').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('count'), eb.lit(0)).as('n')).executeTakeFirstOrThrow();
    const events = await database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { cases: Number(cases.n), decisions: Number(decisions.n), events: Number(events.n) };
  } finally {
    await database.close();
  }
}

describe('jourbok import cases', { timeout: 240_000 }, () => {
  it('imports a comma file, reports exactly what the rows say, and a second run skips every row', async () => {
    const target = await nordost();
    const rows = generateCaseRows(400, 7, 'A-');
    const path = file('cases.csv', caseCsv(rows));

    const first = await jourbok(['import', 'cases', path, ...target.args]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`Imported ${rows.length} cases and skipped 0`));
    expect(await reportJson(target)).toEqual(expectedReport(rows, { kind: 'tertial', year: 2024, tertial: 1, municipality: null }));
    expect(await reportJson(target, '--municipality', '0160')).toEqual(expectedReport(rows, { kind: 'tertial', year: 2024, tertial: 1, municipality: '0160' }));
    expect(await reportJson(target, '--municipality', 'other')).toEqual(expectedReport(rows, { kind: 'tertial', year: 2024, tertial: 1, municipality: 'other' }));
    const year = await jourbok(['report', 'year', '--year', '2023', '--format', 'json', ...target.args]);
    expect(JSON.parse(year.stdout)).toEqual(expectedReport(rows, { kind: 'year', year: 2023, tertial: null, municipality: null }));

    const before = await counts(target);
    expect(before.cases).toBe(rows.length);
    // the import refreshed the planner's statistics (PGlite has no autovacuum): the row estimate is exact for so few rows
    const estimated = await target.open();
    try {
      const pgClass = await estimated.db.selectFrom('pg_class' as never).select('reltuples' as never).where('relname' as never, '=', 'jour_case' as never).executeTakeFirstOrThrow();
      expect(Number((pgClass as { reltuples: number }).reltuples)).toBe(rows.length);
    } finally {
      await estimated.close();
    }
    const again = await jourbok(['import', 'cases', path, ...target.args]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`Imported 0 cases and skipped ${rows.length}`));
    const after = await counts(target);
    expect({ cases: after.cases, decisions: after.decisions }).toEqual({ cases: before.cases, decisions: before.decisions });

    // A file with some old and some new rows: only the new ones are imported.
    const more = generateCaseRows(30, 8, 'B-');
    const mixed = await jourbok(['import', 'cases', file('mixed.csv', caseCsv([...rows.slice(0, 20), ...more])), ...target.args]);
    expect(mixed.stdout).toMatch(new RegExp(`Imported ${more.length} cases and skipped 20`));
    expect(await reportJson(target)).toEqual(expectedReport([...rows, ...more], { kind: 'tertial', year: 2024, tertial: 1, municipality: null }));
    expect((await jourbok(['audit', 'verify', ...target.args])).code).toBe(0);
  });

  it('reads semicolons, a byte-order mark, CRLF, quoted fields and columns in any order', async () => {
    const target = await nordost();
    const rows: CaseFileRow[] = generateCaseRows(150, 11, 'S;').map((r, i) => (i === 0 ? { ...r, external_id: 'S "quoted"; id' } : r));
    const columns = [...caseColumns].reverse();
    const bomFile = file('excel.csv', caseCsv(rows.slice(0, 80), { delimiter: ';', bom: true, crlf: true, columns }));
    const quotedFile = file('quoted.csv', caseCsv(rows.slice(80), { delimiter: ',', quoteAll: true, columns: ['category', ...caseColumns.filter((c) => c !== 'category')] }));
    const a = await jourbok(['import', 'cases', bomFile, ...target.args]);
    expect(a.code, a.stderr).toBe(0);
    const b = await jourbok(['import', 'cases', quotedFile, ...target.args]);
    expect(b.code, b.stderr).toBe(0);
    expect(await reportJson(target)).toEqual(expectedReport(rows, { kind: 'tertial', year: 2024, tertial: 1, municipality: null }));
    const database = await target.open();
    const quoted = await database.db.selectFrom('jour_case').select(['case_number', 'is_imported', 'summary']).where('external_id', '=', 'S "quoted"; id').executeTakeFirstOrThrow();
    await database.close();
    expect(quoted).toEqual({ case_number: 'IMP-S "quoted"; id', is_imported: true, summary: 'Importerat ärende' });
  });

  it('--dry-run checks and counts, and writes nothing', async () => {
    const target = await nordost();
    const rows = generateCaseRows(50, 3, 'D-');
    const path = file('dry.csv', caseCsv(rows));
    const before = await counts(target);
    const dry = await jourbok(['import', 'cases', path, '--dry-run', ...target.args]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`${rows.length} cases would be imported and 0 skipped`));
    expect(await counts(target)).toEqual(before);
  });

  it('a file with any invalid row changes nothing, and every error is named with its line and column', async () => {
    const target = await nordost();
    const good = generateCaseRows(20, 5, 'G-');
    expect((await jourbok(['import', 'cases', file('good.csv', caseCsv(good)), ...target.args])).code).toBe(0);
    const before = await counts(target);
    const reportBefore = await reportJson(target);

    const base: CaseFileRow = { ...good[0]!, external_id: 'X-0', category: 'boende', youth_crime: '', shelter_requested: '', shelter_granted: '', decisions: '' };
    const bad: Record<string, string>[] = [
      { ...base, external_id: 'X-1' }, // line 2: fine
      { ...base, external_id: 'X-2', received_at: '2024-02-30 21:00' }, // line 3: no such date
      { ...base, external_id: 'X-3', category: 'hundar' }, // line 4: unknown category
      { ...base, external_id: 'X-4', category: 'aldre', youth_crime: '1' }, // line 5: youth crime with another category
      { ...base, external_id: 'X-5', shelter_granted: '1', shelter_requested: '0' }, // line 6: granted without a request
      { ...base, external_id: 'X-6', municipality: '9999', decisions: 'LVU43|XYZ' }, // line 7: two errors
      { ...base, external_id: 'X-1' }, // line 8: repeated id
      { ...base, external_id: 'X-9', minutes: '-4', colour: 'blå' }, // line 9: negative minutes
    ];
    const path = file('bad.csv', caseCsv(bad, { columns: [...caseColumns, 'colour', 'minutes'] }));
    const res = await jourbok(['import', 'cases', path, ...target.args]);
    expect(res.code).toBe(2);
    const lines = res.stderr.trim().split('\n');
    const prefix = `jourbok import cases: ${path}: `;
    expect(lines).toEqual(
      expect.arrayContaining([
        `${prefix}line 1, column colour: value "colour": unknown column (the columns are: external_id, received_at, municipality, category, youth_crime, source, minutes, closed_at_jour, shelter_requested, shelter_granted, decisions)`,
        `${prefix}line 1, column minutes: value "minutes": the column appears more than once in the header`,
        `${prefix}line 3, column received_at: value "2024-02-30 21:00": expected YYYY-MM-DD HH:MM (Swedish local time) or RFC 3339 with an offset`,
        expect.stringMatching(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}line 4, column category: value "hundar": not a category of the organisation`)),
        `${prefix}line 5, column youth_crime: value "1": youth_crime 1 is only allowed with category barn_unga`,
        `${prefix}line 6, column shelter_granted: value "1": shelter_granted 1 is only allowed with shelter_requested 1`,
        `${prefix}line 7, column municipality: value "9999": not a kommunkod (4 digits, county 01–25)`,
        expect.stringMatching(/line 7, column decisions: value "XYZ": not a decision code of the organisation/),
        `${prefix}line 8, column external_id: value "X-1": the id appears more than once in the file (first on line 2)`,
        `${prefix}line 9, column minutes: value "-4": expected whole minutes from 0 to 100000`,
      ]),
    );
    expect(lines.at(-1)).toBe(`${prefix}10 errors; nothing was imported`);
    expect(lines).toHaveLength(11);
    expect(await counts(target)).toEqual(before);
    expect(await reportJson(target)).toEqual(reportBefore);
  });

  it('rejects a file without required columns, names the field count of a short row, and refuses a missing file', async () => {
    const target = await nordost();
    const missing = await jourbok(['import', 'cases', file('missing.csv', 'external_id;municipality;category\nM-1;0160;boende\n'), ...target.args]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('line 1, column received_at: value "": a required column is missing');
    expect(missing.stderr).not.toContain('line 2');
    const short = await jourbok(['import', 'cases', file('short.csv', 'external_id,received_at,municipality,category\nM-1,2024-01-01 10:00,0160\n'), ...target.args]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('line 2: the row has 3 fields, the header has 4');
    const none = await jourbok(['import', 'cases', join(dir, 'nope.csv'), ...target.args]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nope.csv: no such file');
    const empty = await jourbok(['import', 'cases', file('empty.csv', ''), ...target.args]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('line 1: the file is empty');
    expect((await counts(target)).cases).toBe(0);
  });
});

describe('jourbok import population', { timeout: 240_000 }, () => {
  async function population(target: CliTarget) {
    const database = await target.open();
    try {
      const rows = await database.db.selectFrom('population').select(['year', 'municipality_code', 'population']).orderBy('year').orderBy('municipality_code').execute();
      return rows.map((r) => `${r.year} ${r.municipality_code} ${r.population}`);
    } finally {
      await database.close();
    }
  }

  it('inserts, then replaces a year and municipality that already has a figure', async () => {
    const target = await nordost();
    const first = await jourbok(['import', 'population', file('pop1.csv', 'year,municipality,population\n2024,0160,75000\n2024,0187,12400\n2023,0160,74800\n'), ...target.args]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Imported 3 population figures (3 new, 0 replaced)');
    const second = await jourbok(['import', 'population', file('pop2.csv', '\uFEFFpopulation;year;municipality\r\n75512;2024;0160\r\n36000;2024;0115\r\n'), ...target.args]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Imported 2 population figures (1 new, 1 replaced)');
    expect(await population(target)).toEqual(['2023 0160 74800', '2024 0115 36000', '2024 0160 75512', '2024 0187 12400']);
  });

  it('rejects the whole file for one bad row, listing every error', async () => {
    const target = await nordost();
    expect((await jourbok(['import', 'population', file('ok.csv', 'year,municipality,population\n2024,0160,75000\n'), ...target.args])).code).toBe(0);
    const path = file('badpop.csv', 'year,municipality,population\n2024,0160,76000\n2024,0184,80000\n2024,0187,0\n24,0115,1000\n2024,0160,77000\n');
    const res = await jourbok(['import', 'population', path, ...target.args]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`jourbok import population: ${path}: line 3, column municipality: value "0184": not a member's kommunkod`);
    expect(res.stderr).toContain('line 4, column population: value "0": expected a positive whole number');
    expect(res.stderr).toContain('line 5, column year: value "24": expected a year from 1900 to 2200');
    expect(res.stderr).toContain('line 6, column municipality: value "0160": this year and municipality already appear on line 2');
    expect(res.stderr).toContain('4 errors; nothing was imported');
    expect(await population(target)).toEqual(['2024 0160 75000']);
  });
});
