import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, systemPrincipal } from '../src/app/context.ts';
import { closePeriod } from '../src/features/money/service.ts';
import { findFirstOrganisationId } from '../src/features/organisation/repository.ts';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';
import { jourbok } from './support/cli.ts';
import { newCliTarget, removeCliTargets, scratchDir, type CliTarget } from './support/cli-target.ts';
import { nordostMembers } from './support/case-files.ts';

/**
 * The expected allocation worked out here on its own: exact shares as
 * fractions of BigInts, floors, then the öre left over one at a time to the
 * largest remainder (ties: lower kommunkod), following the contract's words.
 */
function expectedHalf(amount: bigint, weights: { code: string; w: bigint }[]): Map<string, bigint> {
  const total = weights.reduce((a, x) => a + x.w, 0n);
  const out = new Map<string, bigint>();
  const rest: { code: string; r: bigint }[] = [];
  let given = 0n;
  for (const x of weights) {
    const floor = (amount * x.w) / total;
    out.set(x.code, floor);
    given += floor;
    rest.push({ code: x.code, r: amount * x.w - floor * total });
  }
  rest.sort((a, b) => (a.r === b.r ? a.code.localeCompare(b.code) : a.r > b.r ? -1 : 1));
  for (let i = 0; amount - given > 0n; i++, given++) out.set(rest[i]!.code, out.get(rest[i]!.code)! + 1n);
  return out;
}
const money = (ore: bigint) => `${ore / 100n}.${String(ore % 100n).padStart(2, '0')}`;

const population2023: Record<string, number> = { '0162': 33_400, '0186': 48_100, '0188': 64_300, '0160': 74_800, '0115': 35_100, '0187': 12_300, '0117': 48_300 };
/** Cases of 2023: [external id, received (Swedish time), kommunkod, minutes]. */
const cases: [string, string, string, number][] = [
  ['m1', '2023-01-01 00:05', '0162', 95],
  ['m2', '2023-02-14 21:30', '0187', 240],
  ['m3', '2023-03-26 02:30', '0160', 61], // the spring DST night
  ['m4', '2023-05-31 23:30', '0186', 17], // last minutes of period 1
  ['m5', '2023-06-01 00:10', '0186', 500], // period 2
  ['m6', '2023-04-02 18:00', '0180', 900], // Stockholm: Annan kommun, not shared
  ['m7', '2023-04-03 18:00', '0160', 1234],
  ['m8', '2022-12-31 23:59', '0115', 300], // previous year
  ['m9', '2023-05-01 12:00', '0117', 0],
];
const periodOne = cases.filter(([, at, code]) => at >= '2023-01-01' && at < '2023-06-01' && code in population2023);

function expected(amountOre: bigint, minutes: Map<string, number>) {
  const codes = nordostMembers.map(([c]) => c);
  const P = amountOre - amountOre / 2n;
  const T = amountOre - P;
  const pop = expectedHalf(P, codes.map((code) => ({ code, w: BigInt(population2023[code]!) })));
  const anyTime = [...minutes.values()].some((v) => v > 0);
  const time = expectedHalf(T, codes.map((code) => ({ code, w: BigInt(anyTime ? (minutes.get(code) ?? 0) : population2023[code]!) })));
  return nordostMembers.map(([code, name]) => ({ code, name, populationPart: money(pop.get(code)!), timePart: money(time.get(code)!), total: money(pop.get(code)! + time.get(code)!) }));
}

describe('jourbok costs allocate (spawned)', { timeout: 600_000 }, () => {
  let target: CliTarget;
  let dir: string;
  beforeAll(async () => {
    target = await newCliTarget();
    dir = scratchDir();
    expect((await jourbok(['init', '--preset', 'nordost', ...target.args])).code).toBe(0);
    const casesFile = join(dir, 'cases.csv');
    writeFileSync(casesFile, ['external_id;received_at;municipality;category;minutes', ...cases.map(([id, at, code, min]) => `${id};${at};${code};ovrigt;${min}`)].join('\n') + '\n');
    const imported = await jourbok(['import', 'cases', casesFile, ...target.args]);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => removeCliTargets());

  it('refuses a year without population, naming the members (exit 2)', async () => {
    const res = await jourbok(['costs', 'allocate', '--year', '2023', '--period', '1', '--amount', '100', '--format', 'json', ...target.args]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('jourbok costs allocate: no population for 2023');
    expect(res.stderr).toContain('0187 Vaxholm');
    expect(res.stdout).toBe('');
  });

  it('splits the amount to the öre as the contract says, and checks its options', async () => {
    const popFile = join(dir, 'population.csv');
    writeFileSync(popFile, ['year,municipality,population', ...Object.entries(population2023).map(([c, p]) => `2023,${c},${p}`)].join('\n') + '\n');
    expect((await jourbok(['import', 'population', popFile, ...target.args])).code).toBe(0);

    const res = await jourbok(['costs', 'allocate', '--year', '2023', '--period', '1', '--amount', '2626105.07', '--format', 'json', ...target.args]);
    expect(res.code, res.stderr).toBe(0);
    const doc = JSON.parse(res.stdout);
    const minutes = new Map<string, number>();
    for (const [, , code, min] of periodOne) minutes.set(code, (minutes.get(code) ?? 0) + min);
    expect(Object.keys(doc)).toEqual(['organisation', 'year', 'period', 'from', 'to', 'amount', 'municipalities', 'unallocatedMinutes', 'totals']);
    expect(doc).toMatchObject({ organisation: 'Socialjouren Nordost', year: 2023, period: 1, from: '2023-01-01', to: '2023-05-31', amount: '2626105.07', unallocatedMinutes: 900 });
    const exp = expected(262_610_507n, minutes);
    expect(doc.municipalities.map((m: { code: string }) => m.code)).toEqual(nordostMembers.map(([c]) => c));
    for (const [i, m] of doc.municipalities.entries()) {
      expect(m).toMatchObject({ ...exp[i], population: population2023[m.code], minutes: minutes.get(m.code) ?? 0, directCosts: '0.00', invoiceTotal: exp[i]!.total });
      expect(m.populationShare).toBe(population2023[m.code]! / 316_300);
    }
    expect(doc.municipalities.find((m: { code: string }) => m.code === '0186').minutes).toBe(17);
    expect(doc.totals).toEqual({ population: 316_300, minutes: 95 + 240 + 61 + 17 + 1234, populationPart: '1313052.54', timePart: '1313052.53', total: '2626105.07', directCosts: '0.00', invoiceTotal: '2626105.07' });

    // A few öre: 3 öre → population half 2, time half 1.
    const tiny = JSON.parse((await jourbok(['costs', 'allocate', '--year', '2023', '--period', '1', '--amount', '0.03', '--format', 'json', ...target.args])).stdout);
    expect(tiny.municipalities.map((m: { total: string }) => m.total)).toEqual(expected(3n, minutes).map((m) => m.total));
    expect(tiny.totals.total).toBe('0.03');

    // Period 3 has no time at all: both halves by population.
    const p3 = JSON.parse((await jourbok(['costs', 'allocate', '--year', '2023', '--period', '3', '--amount', '1000', '--format', 'json', ...target.args])).stdout);
    expect(p3.totals.minutes).toBe(0);
    expect(p3.municipalities.map((m: { timePart: string }) => m.timePart)).toEqual(expected(100_000n, new Map()).map((m) => m.timePart));

    // Without --amount: the cost recorded in Jourbok (no outcome yet: 0).
    const recorded = JSON.parse((await jourbok(['costs', 'allocate', '--year', '2023', '--period', '2', '--format', 'json', ...target.args])).stdout);
    expect(recorded.amount).toBe('0.00');
    expect(recorded.municipalities.find((m: { code: string }) => m.code === '0186').minutes).toBe(500);

    const text = await jourbok(['costs', 'allocate', '--year', '2023', '--period', '1', '--amount', '2626105.07', ...target.args]);
    expect(text.stdout).toMatch(/0187 Vaxholm\s+12300\s+240/);
    const csv = await jourbok(['costs', 'allocate', '--year', '2023', '--period', '1', '--amount', '2626105.07', '--format', 'csv', ...target.args]);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(8);

    for (const bad of [['--period', '4'], ['--period', 'x'], ['--amount', '12.345'], ['--amount', '-5'], ['--format', 'html']]) {
      const args = ['costs', 'allocate', '--year', '2023', '--period', '1', ...bad, ...target.args];
      const r = await jourbok(args);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.stderr).toContain('jourbok costs allocate:');
    }
  });

  it('a closed period answers with its frozen basis, also after more history is imported into it', async () => {
    // Close period 1 with an entered amount, as the money page does.
    const database = await target.open();
    try {
      const organisationId = (await database.db.transaction().execute((trx) => findFirstOrganisationId(trx)))!;
      await database.db.insertInto('invoice_period').values({ organisation_id: organisationId, year: 2023, period: 1, amount_ore: 100_000_00, amount_set_by_name: 'Test' }).execute();
      await inTransaction({ database, clock: { now: () => new Date('2023-06-02T08:00:00Z') } }, systemPrincipal(organisationId, 'test'), null, (ctx) => closePeriod(ctx, 2023, 1));
    } finally {
      await database.close();
    }
    const before = (await jourbok(['costs', 'allocate', '--year', '2023', '--period', '1', '--format', 'json', ...target.args])).stdout;
    expect(JSON.parse(before).amount).toBe('100000.00');
    const more = join(dir, 'more.csv');
    writeFileSync(more, 'external_id;received_at;municipality;category;minutes\nlate1;2023-02-01 10:00;0162;ovrigt;5000\n');
    expect((await jourbok(['import', 'cases', more, ...target.args])).code).toBe(0);
    const after = (await jourbok(['costs', 'allocate', '--year', '2023', '--period', '1', '--format', 'json', ...target.args])).stdout;
    expect(after).toBe(before);
  });
});

describe('money pages (API)', { timeout: 120_000 }, () => {
  let t: TestApp;
  let controller: Agent;
  let chef: Agent;
  let worker: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    controller = await t.signIn('demo.controller');
    chef = await t.signIn('demo.enhetschef');
    worker = await t.signIn('demo.socialsekreterare');
  });
  afterAll(() => t.close());

  const ok = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body);
  };

  it('shows budget, outcome, forecast and the periods of the demo year', async () => {
    const o = ok(await controller.get('/api/money/overview?year=2026'));
    expect(o.monthsWithOutcome).toBe(10);
    expect(o.lines.map((l: { code: string }) => l.code)).toContain('substitutes');
    expect(Number(o.total.budget)).toBeGreaterThan(6_000_000);
    expect(o.periods.map((p: { period: number; ended: boolean; closed: unknown }) => [p.period, p.ended, p.closed])).toEqual([[1, true, null], [2, false, null], [3, false, null]]);
    // last year's three periods are closed and reconcile to the year's outcome
    const last = ok(await controller.get('/api/money/overview?year=2025'));
    expect(last.periods.every((p: { closed: unknown }) => p.closed !== null)).toBe(true);
    expect(last.reconciliation.difference).toBe('0.00');
    expect(last.reconciliation.periodsTotal).toBe(last.total.outcomeToDate);
  });

  it('budget, outcome and the ledger import; a wrong file imports nothing', async () => {
    ok(await chef.put('/api/money/budget', { year: 2027, lines: [{ line: 'salaries', amountSek: '4 500 000' }, { line: 'phones', amountSek: '60000,50' }] }));
    ok(await controller.put('/api/money/outcome', { year: 2027, month: 1, lines: [{ line: 'salaries', amountSek: '380000' }, { line: 'phones', amountSek: '-1200' }] }));
    const imported = ok(await controller.post('/api/money/outcome/import', { csv: 'year;month;line;amount;text\n2027;2;salaries;375 000,00;Löner feb\n2027;2;Telefoni;5000;\n2027;2;phones;1000,25;\n' }));
    expect(imported).toEqual({ rows: 3, months: 1, total: '381000.25' });
    const bad = await controller.post('/api/money/outcome/import', { csv: 'year;month;line;amount\n2027;3;salaries;1000\n2027;13;coffee;x\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('line 3: month must be 1–12');
    const o = ok(await controller.get('/api/money/overview?year=2027'));
    expect(o.monthsWithOutcome).toBe(2);
    const phones = o.lines.find((l: { code: string }) => l.code === 'phones');
    expect(phones).toMatchObject({ budget: '60000.50', outcomeToDate: '4800.25' });
    // forecast = outcome so far + the budget of the ten months left
    const salaries = o.lines.find((l: { code: string }) => l.code === 'salaries');
    expect(salaries).toMatchObject({ outcomeToDate: '755000.00', forecast: '4505000.00', deviation: '-5000.00' });
    expect((await worker.get('/api/money/overview?year=2027')).statusCode).toBe(403);
  });

  it('allocates period 1 from the outcome, closes it, and later time and costs go to period 2 and say so', async () => {
    const overview = ok(await controller.get('/api/money/overview?year=2026'));
    const p1 = overview.periods[0];
    const live = ok(await controller.get('/api/money/allocation?year=2026&period=1'));
    expect(live.amountSource).toBe('outcome');
    expect(live.document.amount).toBe(p1.outcome);
    const sum = (k: string) => live.document.municipalities.reduce((a: bigint, m: Record<string, string>) => a + BigInt(m[k]!.replace('.', '')), 0n);
    expect(money(sum('total'))).toBe(live.document.amount);
    expect(money(sum('directCosts'))).toBe(live.document.totals.directCosts);
    expect(live.directCosts.length).toBeGreaterThan(0);
    expect(Object.keys(live.directCosts[0]).sort()).toEqual(['amount', 'caseNumber', 'costDate', 'date', 'kind', 'municipalityCode']);

    // Period 2 has not ended: it cannot be closed yet; period 1 can, once.
    expect((await controller.post('/api/money/periods/2026/2/close')).statusCode).toBe(409);
    const closed = ok(await controller.post('/api/money/periods/2026/1/close'));
    expect(closed.closed.byName).toBeTruthy();
    expect(closed.document).toEqual(live.document);
    expect((await controller.post('/api/money/periods/2026/1/close')).statusCode).toBe(409);
    expect((await controller.put('/api/money/outcome', { year: 2026, month: 3, lines: [{ line: 'it', amountSek: '1' }] })).statusCode).toBe(409);
    expect((await controller.put('/api/money/periods/2026/1/amount', { amountSek: '1' })).statusCode).toBe(409);

    const p2Before = ok(await controller.get('/api/money/allocation?year=2026&period=2'));
    const db = t.deps.database.db;
    const taby = await db.selectFrom('jour_case').select(['id', 'case_number', 'municipality_code']).where('is_member', '=', true).where('is_imported', '=', false).orderBy('case_number').executeTakeFirstOrThrow();
    const code = taby.municipality_code.trim();
    const time = ok(await worker.post(`/api/cases/${taby.id}/time`, { minutes: 333, workDate: '2026-03-10', note: null }));
    expect(time.bookedOn).toBe('2026-06-01');
    expect(time.notice).toContain('Period 1 2026 är stängd');
    const cost = ok(await worker.post(`/api/cases/${taby.id}/costs`, { kind: 'travel', amountSek: '123,45', costDate: '2026-04-01', note: null }));
    expect(cost.bookedOn).toBe('2026-06-01');

    const p1After = ok(await controller.get('/api/money/allocation?year=2026&period=1'));
    expect(p1After).toEqual(closed);
    const p2After = ok(await controller.get('/api/money/allocation?year=2026&period=2'));
    const minutesOf = (b: { document: { municipalities: { code: string; minutes: number }[] } }) => b.document.municipalities.find((m) => m.code === code)!.minutes;
    expect(minutesOf(p2After) - minutesOf(p2Before)).toBe(333);
    expect(p2After.directCosts).toContainEqual({ caseNumber: taby.case_number, municipalityCode: code, date: '2026-06-01', costDate: '2026-04-01', kind: 'travel', amount: '123.45' });
    // Time in an open period stays where it is.
    expect(ok(await worker.post(`/api/cases/${taby.id}/time`, { minutes: 5, workDate: '2026-07-01', note: null })).notice).toBeNull();

    // An entered amount for period 2 shows as a difference against the year's outcome.
    ok(await chef.put('/api/money/periods/2026/2/amount', { amountSek: '1000000' }));
    const after = ok(await controller.get('/api/money/overview?year=2026'));
    const p2 = after.periods[1];
    expect(p2).toMatchObject({ amountSource: 'entered', amount: '1000000.00' });
    const diff = BigInt(p2.outcome.replace('.', '')) - 100_000_000n;
    expect(after.reconciliation.difference).toBe(money(diff < 0n ? -diff : diff).replace(/^/, diff < 0n ? '-' : ''));
    ok(await chef.put('/api/money/periods/2026/2/amount', { amountSek: null }));
    expect(ok(await controller.get('/api/money/overview?year=2026')).reconciliation.difference).toBe('0.00');
  });

  it('invoice basis downloads: PDF and XLSX per member (numbers as numbers), one CSV for all', async () => {
    const basis = ok(await controller.get('/api/money/allocation?year=2025&period=1'));
    const vaxholm = basis.document.municipalities.find((m: { code: string }) => m.code === '0187');
    const pdf = await controller.get('/api/money/allocation?year=2025&period=1&format=pdf&municipality=0187');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await controller.get('/api/money/allocation?year=2025&period=1&format=xlsx&municipality=0187');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Fakturaunderlag')!;
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === '0187')!;
    expect(row.getCell(3).value).toBe(vaxholm.population);
    expect(row.getCell(11).value).toBe(Number(vaxholm.invoiceTotal));
    const csv = await controller.get('/api/money/allocation?year=2025&period=1&format=csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(8);
    const total = lines.slice(1).reduce((a, l) => a + BigInt(l.split(';')[15]!.replace('.', '')), 0n);
    expect(money(total)).toBe(basis.document.totals.invoiceTotal);
    const monthly = await controller.get('/api/money/direct-costs?year=2026&month=6&format=csv');
    expect(monthly.statusCode).toBe(200);
    expect(monthly.body.split('\r\n')[0]).toBe('municipality_code;municipality_name;case_number;date;kind;amount');
  });

  it('monthly direct costs: the period invoice leaves them out when the organisation invoices them monthly', async () => {
    ok(await controller.put('/api/money/settings', { directCosts: 'monthly' }));
    const b = ok(await controller.get('/api/money/allocation?year=2026&period=2'));
    expect(b.directCostMode).toBe('monthly');
    expect(b.document.totals.directCosts).toBe('0.00');
    expect(b.document.totals.invoiceTotal).toBe(b.document.totals.total);
    ok(await controller.put('/api/money/settings', { directCosts: 'period' }));
  });

  it('never shows the controller personal data, and reads none', async () => {
    const db = t.deps.database.db;
    const persons = await db.selectFrom('person').select(['first_name', 'last_name', 'identity_number']).execute();
    const controllerId = (await db.selectFrom('app_user').select('id').where('username', '=', 'demo.controller').executeTakeFirstOrThrow()).id;
    const before = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('actor_user_id', '=', controllerId).where('kind', '=', 'read').executeTakeFirstOrThrow();
    const bodies = [
      (await controller.get('/api/money/overview?year=2026')).body,
      (await controller.get('/api/money/allocation?year=2026&period=1')).body,
      (await controller.get('/api/money/allocation?year=2026&period=2')).body,
      (await controller.get('/api/money/allocation?year=2026&period=1&format=csv')).body,
      (await controller.get('/api/money/direct-costs?year=2026&month=4')).body,
    ];
    for (const body of bodies) {
      expect(body).not.toMatch(/\b(19|20)\d{6}-?\d{4}\b/);
      for (const p of persons) {
        for (const text of [p.identity_number, p.last_name && p.first_name ? `${p.first_name} ${p.last_name}` : null]) if (text) expect(body).not.toContain(text);
      }
    }
    const after = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('actor_user_id', '=', controllerId).where('kind', '=', 'read').executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // and the case pages stay closed to the controller
    expect((await controller.get('/api/board')).statusCode).toBe(403);
  });
});
