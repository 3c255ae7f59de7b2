import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, systemPrincipal } from '../src/app/context.ts';
import { importCases } from '../src/features/imports/service.ts';
import { caseCsv, expectedReport, generateCaseRows, nordostMembers } from './support/case-files.ts';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';
import { jourbok } from './support/cli.ts';
import { newCliTarget, removeCliTargets, scratchDir, type CliTarget } from './support/cli-target.ts';

afterAll(() => removeCliTargets());

const contractKeys = ['organisation', 'kind', 'year', 'tertial', 'from', 'to', 'municipality', 'years', 'cases', 'byMunicipality', 'byCategory', 'decisions', 'shelter', 'closedAtJour', 'youthShare'];

describe('jourbok report (the real CLI)', { timeout: 240_000 }, () => {
  let target: CliTarget;
  let dir: string;
  const rows = generateCaseRows(300, 42, 'R-');
  const expected = expectedReport(rows, { kind: 'tertial', year: 2024, tertial: 1, municipality: null });

  beforeAll(async () => {
    dir = scratchDir();
    target = await newCliTarget();
    expect((await jourbok(['init', '--preset', 'nordost', ...target.args])).code).toBe(0);
    const path = join(dir, 'history.csv');
    writeFileSync(path, caseCsv(rows, { delimiter: ';', bom: true }));
    const imported = await jourbok(['import', 'cases', path, ...target.args]);
    expect(imported.code, imported.stderr).toBe(0);
  });

  const report = (...args: string[]) => jourbok(['report', ...args, ...target.args]);

  it('--format json writes the contract JSON only, keys in the contract order', async () => {
    const res = await report('tertial', '--year', '2024', '--tertial', '1', '--format', 'json');
    expect(res.code, res.stderr).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(json).toEqual(expected);
    expect(Object.keys(json)).toEqual(contractKeys);
    expect(res.stderr).toBe('');
  });

  it('without --format prints a readable table', async () => {
    const res = await report('tertial', '--year', '2024', '--tertial', '1');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^Socialjouren Nordost\nTertialrapport 1 2024: januari–april 2024 \(2024-01-01–2024-04-30\), jämfört med samma period 2022 och 2023/);
    expect(res.stdout).toMatch(new RegExp(`Antal ärenden\\s+${expected.cases['2022']}\\s+${expected.cases['2023']}\\s+${expected.cases['2024']}\\n`));
    expect(res.stdout).toContain('varav kriminalitet');
  });

  it('--format csv: a byte-order mark, semicolons, Swedish headings, counts with percentages', async () => {
    const out = join(dir, 'report.csv');
    const res = await report('tertial', '--year', '2024', '--tertial', '1', '--format', 'csv', '--out', out);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain(`Antal ärenden;${expected.cases['2022']};${expected.cases['2023']};${expected.cases['2024']}`);
    const taby = expected.byMunicipality.find((m) => m.code === '0160')!;
    const pct = (y: string) => `${taby.cases[y]} (${Math.round(taby.share[y]! * 100)} %)`;
    expect(lines).toContain(`Täby;${pct('2022')};${pct('2023')};${pct('2024')}`);
    expect(lines).toContain('Antal ärenden utifrån karaktär;2022;2023;2024');
  });

  it('--format xlsx: one sheet per table, the numbers as numbers', async () => {
    const out = join(dir, 'report.xlsx');
    const res = await report('tertial', '--year', '2024', '--tertial', '1', '--format', 'xlsx', '--out', out);
    expect(res.code, res.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Kommuner', 'Karaktär', 'Beslut', 'Nyckeltal']);
    const sheet = workbook.getWorksheet('Kommuner')!;
    const values = (label: string) => {
      let found: unknown[] | undefined;
      sheet.eachRow((row) => {
        const v = row.values as unknown[];
        if (v[1] === label) found = v.slice(2);
      });
      return found;
    };
    for (const [code, name] of nordostMembers) {
      const m = expected.byMunicipality.find((x) => x.code === code)!;
      expect(values(name)).toEqual([m.cases['2022'], m.cases['2023'], m.cases['2024'], m.share['2022'], m.share['2023'], m.share['2024']]);
    }
    expect(values('Kommun')).toEqual(['Antal 2022', 'Antal 2023', 'Antal 2024', 'Andel 2022', 'Andel 2023', 'Andel 2024']);
    const decisions = workbook.getWorksheet('Beslut')!;
    let lvu43: unknown[] = [];
    decisions.eachRow((row) => {
      if ((row.values as unknown[])[1] === 'Handräckning 43 § LVU') lvu43 = (row.values as unknown[]).slice(2);
    });
    expect(lvu43).toEqual(Object.values(expected.decisions[0]!.count));
  });

  it('--format pdf: a PDF, to a file or to stdout', async () => {
    const out = join(dir, 'report.pdf');
    const res = await report('year', '--year', '2024', '--format', 'pdf', '--out', out);
    expect(res.code, res.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(bytes.length).toBeGreaterThan(5000);
    const piped = await report('tertial', '--year', '2024', '--tertial', '1', '--format', 'pdf', '--municipality', '0187');
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.startsWith('%PDF-')).toBe(true);
  });

  it('limits every figure to one municipality, and protects small numbers on request', async () => {
    const res = await report('tertial', '--year', '2024', '--tertial', '1', '--format', 'json', '--municipality', '0187', '--suppress-below', '5');
    expect(res.code, res.stderr).toBe(0);
    const json = JSON.parse(res.stdout);
    const { suppressBelow, suppressed, ...rest } = json;
    expect(rest).toEqual(expectedReport(rows, { kind: 'tertial', year: 2024, tertial: 1, municipality: '0187' }));
    expect(suppressBelow).toBe(5);
    for (const pointer of suppressed as string[]) {
      const value = pointer.split('/').slice(1).reduce((o: unknown, key) => (o as Record<string, unknown>)[key], json);
      expect(typeof value, pointer).toBe('number');
    }
    // Every non-zero count below 5 is among the hidden cells.
    for (const [y, n] of Object.entries(json.cases as Record<string, number>)) if (n > 0 && n < 5) expect(suppressed).toContain(`/cases/${y}`);
  });

  it.each([
    [['tertial', '--year', '2024', '--tertial', '1', '--municipality', '0999'], '"0999" is not a member'],
    [['tertial', '--year', '2024', '--tertial', '1', '--municipality', '0184'], '"0184" is not a member'],
    [['tertial', '--year', '2024', '--tertial', '4'], '--tertial'],
    [['tertial', '--year', '2024'], '--tertial is required'],
    [['year', '--year', 'tjugo'], '--year'],
    [['year', '--year', '2024', '--format', 'docx'], '--format'],
    [['month', '--year', '2024'], 'tertial or year'],
  ])('exits 2 for %j, naming the problem', async (args, message) => {
    const res = await report(...args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(res.stdout).toBe('');
  });
});

describe('the report over HTTP (demo organisation)', () => {
  let t: TestApp;
  const agents: Record<string, Agent> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['demo.enhetschef', 'demo.controller', 'demo.kommun', 'demo.socialsekreterare', 'demo.admin']) agents[u] = await t.signIn(u);
  });
  afterAll(() => t.close());

  const seedMembers: Record<string, [number, number, number]> = {
    '0162': [70, 52, 53],
    '0186': [114, 98, 125],
    '0188': [193, 204, 247],
    '0160': [144, 145, 142],
    '0115': [72, 103, 92],
    '0187': [11, 14, 17],
    '0117': [149, 119, 96],
    other: [44, 42, 40],
  };
  const byYear = ([a, b, c]: number[]) => ({ '2022': a, '2023': b, '2024': c });

  it("reproduces Nordost's T1 2024 report (seeds/001) exactly", async () => {
    const res = await agents['demo.enhetschef']!.get('/api/reports/tertial?year=2024&tertial=1');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(Object.keys(r)).toEqual(contractKeys);
    expect(r.cases['2024']).toBe(812);
    // The seed's rows per member add up to 797 and 777 in 2022 and 2023 (its headline says 787 and 778).
    expect(r.cases).toEqual(byYear([797, 777, 812]));
    expect(r.byMunicipality.map((m: { code: string; name: string; cases: unknown }) => [m.code, m.name, m.cases])).toEqual(
      Object.entries(seedMembers).map(([code, n]) => [code, code === 'other' ? 'Annan kommun' : nordostMembers.find(([c]) => c === code)![1], byYear(n)]),
    );
    expect(r.byMunicipality.map((m: { share: Record<string, number> }) => Math.round(m.share['2024']! * 100))).toEqual([7, 15, 30, 17, 11, 2, 12, 5]);
    const category = (code: string) => r.byCategory.find((c: { code: string }) => c.code === code).cases;
    expect(category('barn_unga')).toEqual(byYear([412, 406, 427]));
    expect(category('barn_unga.kriminalitet')).toEqual(byYear([13, 24, 47]));
    expect(r.byCategory[1].name).toBe('varav kriminalitet');
    expect(category('boende')).toEqual(byYear([116, 122, 138]));
    expect(category('vald_nara_relation')).toEqual(byYear([70, 38, 68]));
    expect(category('aldre')).toEqual(byYear([43, 54, 52]));
    expect(category('vuxna_missbruk_psyk')).toEqual(byYear([113, 117, 95]));
    expect(Object.fromEntries(r.decisions.map((d: { code: string; count: Record<string, number> }) => [d.code, d.count['2024']]))).toMatchObject({ LVU43: 19, LVU6: 4, LVM13: 1, SKYDDAT_BOENDE: 1, SOL_PLACERING: 8 });
    expect(r.shelter.grantedShare['2024']).toBe(0.4);
    expect(Math.round(r.closedAtJour.share['2024'] * 100)).toBe(22);
    expect(r.closedAtJour.cases['2024']).toBe(179);
  });

  it('gives a kommun user its own appendix only', async () => {
    const kommun = agents['demo.kommun']!;
    const own = await kommun.get('/api/reports/tertial?year=2024&tertial=1');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().municipality).toBe('0160');
    expect(own.json().byMunicipality).toEqual([expect.objectContaining({ code: '0160', cases: byYear(seedMembers['0160']!), share: byYear([1, 1, 1]) })]);
    expect(own.json().cases).toEqual(byYear(seedMembers['0160']!));
    expect((await kommun.get('/api/reports/tertial?year=2024&tertial=1&municipality=0160')).statusCode).toBe(200);
    expect((await kommun.get('/api/reports/tertial?year=2024&tertial=1&municipality=0186')).statusCode).toBe(403);
    expect((await kommun.get('/api/reports/year?year=2024&municipality=other')).statusCode).toBe(403);
    expect((await kommun.get('/api/reports/year?year=2024&municipality=0186&format=pdf')).statusCode).toBe(403);
    const controller = await agents['demo.controller']!.get('/api/reports/tertial?year=2024&tertial=1&municipality=0186');
    expect(controller.statusCode).toBe(200);
    expect(controller.json().cases).toEqual(byYear(seedMembers['0186']!));
    expect((await agents['demo.socialsekreterare']!.get('/api/reports/year?year=2024')).statusCode).toBe(403);
    expect((await agents['demo.admin']!.get('/api/reports/year?year=2024')).statusCode).toBe(403);
  });

  it('refuses a bad query with a Swedish message', async () => {
    const agent = agents['demo.enhetschef']!;
    const unknown = await agent.get('/api/reports/year?year=2024&municipality=0999');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('0999');
    expect((await agent.get('/api/reports/tertial?year=2024&tertial=4')).statusCode).toBe(400);
    expect((await agent.get('/api/reports/tertial?year=2024')).statusCode).toBe(400);
  });

  it('downloads CSV, XLSX and PDF with a file name', async () => {
    const agent = agents['demo.enhetschef']!;
    const csv = await agent.get('/api/reports/tertial?year=2024&tertial=1&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="tertialrapport-2024-T1.csv"');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('Norrtälje;193 (24 %);204 (26 %);247 (30 %)');
    expect(csv.body).toContain('Antal ärenden;797;777;812');
    const xlsx = await agent.get('/api/reports/year?year=2025&format=xlsx&municipality=0188');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="arsrapport-2025-0188.xlsx"');
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await agents['demo.kommun']!.get('/api/reports/tertial?year=2024&tertial=1&format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="tertialrapport-2024-T1-0160.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('protects small numbers in member appendices when the organisation asks for it', async () => {
    const db = t.deps.database.db;
    await db.updateTable('organisation').set({ settings: JSON.stringify({ statistics: { suppressBelow: 20 } }) }).where('id', '=', t.organisationId).execute();
    try {
      const kommun = agents['demo.kommun']!;
      const json = (await kommun.get('/api/reports/tertial?year=2024&tertial=1')).json();
      expect(json.suppressBelow).toBe(20);
      // Exact counts stay in the JSON; the hidden cells are listed.
      expect(json.decisions[0].count['2024']).toBeGreaterThanOrEqual(0);
      expect(json.suppressed.length).toBeGreaterThan(0);
      const csv = (await kommun.get('/api/reports/tertial?year=2024&tertial=1&format=csv')).body;
      expect(csv).toContain('< 20 = färre än 20 ärenden, dolt för att skydda enskilda. x = dolt för att det annars skulle gå att räkna fram ett litet tal.');
      // Below the threshold: "< 20"; hidden so that a small count cannot be worked out: "x".
      expect(csv).toMatch(/;< 20[;\r]/);
      // The whole jour's report is the jour's own: not protected.
      const whole = (await agents['demo.enhetschef']!.get('/api/reports/tertial?year=2024&tertial=1')).json();
      expect(whole.suppressed).toBeUndefined();
      expect(Object.keys(whole)).toEqual(contractKeys);
    } finally {
      await db.updateTable('organisation').set({ settings: JSON.stringify({}) }).where('id', '=', t.organisationId).execute();
    }
  });

  it('sets the small-number threshold through the settings route, for the organisation only', async () => {
    const manager = agents['demo.enhetschef']!;
    const db = t.deps.database.db;
    await db.updateTable('organisation').set({ settings: JSON.stringify({ collaboration: { reportDeliveryTime: '06:30' } }) }).where('id', '=', t.organisationId).execute();
    try {
      expect((await manager.get('/api/statistics/settings')).json()).toEqual({ suppressBelow: 0 });
      expect((await agents['demo.kommun']!.get('/api/reports/tertial?year=2024&tertial=1')).json().suppressed).toBeUndefined();

      const saved = await manager.put('/api/statistics/settings', { suppressBelow: 5 });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ suppressBelow: 5 });
      expect((await agents['demo.controller']!.get('/api/statistics/settings')).json()).toEqual({ suppressBelow: 5 });
      const org = await db.selectFrom('organisation').select('settings').where('id', '=', t.organisationId).executeTakeFirstOrThrow();
      // Other settings are kept.
      expect(org.settings).toEqual({ collaboration: { reportDeliveryTime: '06:30' }, statistics: { suppressBelow: 5 } });
      const appendix = (await agents['demo.kommun']!.get('/api/reports/tertial?year=2024&tertial=1')).json();
      expect(appendix.suppressBelow).toBe(5);
      const event = await db.selectFrom('audit_event').select(['action', 'details']).where('action', '=', 'statistics.settings_updated').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(event.details).toEqual({ suppressBelow: 5, before: 0 });

      const bad = await manager.put('/api/statistics/settings', { suppressBelow: 2.5 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('heltal');
      expect((await manager.put('/api/statistics/settings', { suppressBelow: 101 })).statusCode).toBe(400);
      expect((await agents['demo.controller']!.put('/api/statistics/settings', { suppressBelow: 0 })).statusCode).toBe(403);
      expect((await agents['demo.kommun']!.put('/api/statistics/settings', { suppressBelow: 0 })).statusCode).toBe(403);

      expect((await manager.put('/api/statistics/settings', { suppressBelow: 0 })).json()).toEqual({ suppressBelow: 0 });
      expect((await agents['demo.kommun']!.get('/api/reports/tertial?year=2024&tertial=1')).json().suppressed).toBeUndefined();
    } finally {
      await db.updateTable('organisation').set({ settings: JSON.stringify({}) }).where('id', '=', t.organisationId).execute();
    }
  });

  it('counts registered decisions one by one, and not withdrawn ones', async () => {
    const db = t.deps.database.db;
    const agent = agents['demo.enhetschef']!;
    const before = (await agent.get('/api/reports/year?year=2026')).json();
    const registered = await db.selectFrom('jour_case').select(['id', 'organisation_id']).where('is_imported', '=', false).where('municipality_code', '=', '0188').where('received_at', '>=', new Date('2026-01-01T00:00:00Z')).orderBy('received_at').executeTakeFirstOrThrow();
    const decision = (status: 'active' | 'withdrawn') => ({
      case_id: registered.id,
      organisation_id: registered.organisation_id,
      type_code: 'LVM13',
      legal_reference: '13 § LVM',
      decided_at: t.clock.now(),
      maker_kind: 'politician' as const,
      maker_name: 'Test',
      communicated_via: 'phone' as const,
      grounds: 'Test',
      status,
      recorded_by_name: 'Test',
      recorded_at: t.clock.now(),
    });
    await db.insertInto('decision').values([decision('active'), decision('active'), decision('withdrawn')]).execute();
    const after = (await agent.get('/api/reports/year?year=2026')).json();
    const lvm = (r: { decisions: { code: string; count: Record<string, number> }[] }) => r.decisions.find((d) => d.code === 'LVM13')!.count['2026']!;
    expect(lvm(after)).toBe(lvm(before) + 2);
    const norrtalje = (await agent.get('/api/reports/year?year=2026&municipality=0188')).json();
    expect(lvm(norrtalje)).toBeGreaterThanOrEqual(2);
  });
});

describe('imports over HTTP (the unit manager’s upload)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function postCsv(agent: Agent, url: string, body: string, accept = 'application/json') {
    await agent.refreshCsrf();
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'text/csv; charset=utf-8', 'x-csrf-token': agent.csrf ?? '', accept },
      payload: body,
    });
  }

  it('previews, imports all or nothing, and is for the unit manager only', async () => {
    const manager = await t.signIn('demo.enhetschef');
    const rows = generateCaseRows(60, 99, 'W-');
    const file = caseCsv(rows, { delimiter: ';', bom: true });
    const preview = await postCsv(manager, '/api/imports/cases/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({ ok: true, rows: rows.length, imported: rows.length, skipped: 0, replaced: 0, errorCount: 0, errors: [] });

    const bad = caseCsv([{ ...rows[0]!, received_at: 'i går', municipality: '12' }]);
    const badPreview = (await postCsv(manager, '/api/imports/cases/preview', bad)).json();
    expect(badPreview.ok).toBe(false);
    expect(badPreview.errors).toEqual([
      { line: 2, column: 'received_at', value: 'i går', code: 'invalid_time', message: 'ange ÅÅÅÅ-MM-DD TT:MM (svensk tid) eller RFC 3339 med tidszon' },
      { line: 2, column: 'municipality', value: '12', code: 'invalid_kommunkod', message: 'ingen kommunkod (fyra siffror, län 01–25)' },
    ]);
    const refused = await postCsv(manager, '/api/imports/cases', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe('Filen har 2 fel; inget importerades.');
    expect(refused.json().error.details.errors).toHaveLength(2);

    const before = (await manager.get('/api/reports/tertial?year=2024&tertial=1')).json();
    const done = await postCsv(manager, '/api/imports/cases', file);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ ok: true, imported: rows.length, skipped: 0 });
    const after = (await manager.get('/api/reports/tertial?year=2024&tertial=1')).json();
    expect(after.cases['2024']).toBe(before.cases['2024'] + expectedReport(rows, { kind: 'tertial', year: 2024, tertial: 1, municipality: null }).cases['2024']);
    expect((await postCsv(manager, '/api/imports/cases', file)).json()).toMatchObject({ imported: 0, skipped: rows.length });
    const event = await t.deps.database.db.selectFrom('audit_event').select(['action', 'details']).where('action', '=', 'cases.imported').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ rows: rows.length, imported: 0, skipped: rows.length });

    const population = await postCsv(manager, '/api/imports/population', 'year,municipality,population\n2026,0160,77100\n');
    expect(population.statusCode, population.body).toBe(200);
    expect(population.json()).toMatchObject({ ok: true, imported: 1, replaced: 1 });

    for (const user of ['demo.controller', 'demo.kommun', 'demo.socialsekreterare']) {
      const agent = await t.signIn(user);
      expect((await postCsv(agent, '/api/imports/cases/preview', file)).statusCode, user).toBe(403);
    }
    const json = await manager.post('/api/imports/cases', { rows: [] });
    expect(json.statusCode).toBe(400);
  });

  it('streams progress and then the result or the errors, for the progress bar', async () => {
    const manager = await t.signIn('demo.enhetschef');
    const rows = generateCaseRows(3000, 7, 'P-');
    const file = caseCsv(rows);
    const lines = (body: string) => body.trim().split('\n').map((l) => JSON.parse(l) as { type: string; phase?: string; bytes?: number; totalBytes?: number; rows?: number; result?: Record<string, unknown>; status?: number; error?: { message: string; details?: { errors: unknown[] } } });

    const preview = await postCsv(manager, '/api/imports/cases/preview', file, 'application/x-ndjson');
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toContain('application/x-ndjson');
    const previewLines = lines(preview.body);
    const progress = previewLines.filter((l) => l.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p) => p.totalBytes === Buffer.byteLength(file) && p.phase === 'check')).toBe(true);
    expect(progress.at(-1)!.bytes).toBe(Buffer.byteLength(file));
    expect(previewLines.at(-1)).toEqual({ type: 'result', result: { ok: true, rows: rows.length, imported: rows.length, skipped: 0, replaced: 0, errorCount: 0, errors: [] } });
    expect(await t.deps.database.db.selectFrom('jour_case').select('id').where('external_id', 'like', 'P-%').execute()).toEqual([]);

    const bad = caseCsv([...rows.slice(0, 10), { ...rows[10]!, category: 'okand' }]);
    const refused = lines((await postCsv(manager, '/api/imports/cases', bad, 'application/x-ndjson')).body).at(-1)!;
    expect(refused.type).toBe('error');
    expect(refused.status).toBe(400);
    expect(refused.error!.message).toBe('Filen har 1 fel; inget importerades.');
    expect(refused.error!.details!.errors).toEqual([expect.objectContaining({ line: 12, column: 'category', value: 'okand' })]);

    const done = lines((await postCsv(manager, '/api/imports/cases', file, 'application/x-ndjson')).body);
    expect(done.filter((l) => l.type === 'progress').map((l) => l.phase)).toContain('write');
    expect(done.at(-1)).toMatchObject({ type: 'result', result: { ok: true, imported: rows.length, skipped: 0 } });
    expect(await t.deps.database.db.selectFrom('jour_case').select('id').where('external_id', 'like', 'P-%').execute()).toHaveLength(rows.length);
  });

  it('imports nothing when the file changes between its two readings', async () => {
    const rows = generateCaseRows(5, 1, 'C-');
    const versions = [caseCsv(rows), caseCsv(rows.map((r) => ({ ...r, category: 'ovrigt', youth_crime: '' })))];
    let opened = 0;
    // Opened three times: the delimiter, the check, the import.
    const open = () => Readable.from([Buffer.from(versions[++opened <= 2 ? 0 : 1]!)]);
    await expect(inTransaction(t.deps, systemPrincipal(t.organisationId, 'test'), null, (ctx) => importCases(ctx, open, { fileName: 'changing.csv' }))).rejects.toThrow(/ändrades/);
    expect(opened).toBe(3);
    const stored = await t.deps.database.db.selectFrom('jour_case').select('id').where('external_id', 'like', 'C-%').execute();
    expect(stored).toEqual([]);
  });
});
