// Statistics in the browser: the unit manager opens the T1 2024 report and
// sees the seed's table (seeds/001: cases per member and per category, youth
// crime, decisions, 40 % accommodation granted, 22 % closed at the jour) for
// 2022, 2023 and 2024; a kommun user sees only its own appendix; an import
// through the page with a bad row lists the errors and changes nothing, and
// then a good file imports.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, screenshot, signIn, skipReason, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/** The rows of a table on the page: label → the texts of its cells. */
async function tableRows(page: Page, name: string): Promise<Record<string, string[]>> {
  const table = page.getByRole('table', { name });
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())));
  return Object.fromEntries(rows.map(([label, ...cells]) => [label!, cells]));
}

const pct = (n: number, total: number) => `${n} (${Math.round((n / total) * 100)} %)`;
const totals = [797, 777, 812];
const cells = (counts: number[]) => counts.map((n, i) => pct(n, totals[i]!));

describe.skipIf(!hasChromium)(hasChromium ? 'statistics' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;
  let manager: Session;
  let kommun: Session;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    manager = await openPage(browser, server.url);
    kommun = await openPage(browser, server.url);
    await signIn(manager.page, 'demo.enhetschef');
    await signIn(kommun.page, 'demo.kommun');
  });

  afterAll(async () => {
    await manager?.context.close();
    await kommun?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the unit manager the T1 report of seeds/001 for 2022, 2023 and 2024', async () => {
    const { page } = manager;
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Statistik', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
    const form = page.getByRole('form', { name: 'Välj rapport' });
    await form.getByLabel('Rapport', { exact: true }).selectOption('tertial');
    await form.getByLabel('År', { exact: true }).selectOption('2024');
    await form.getByLabel('Tertial', { exact: true }).selectOption('1');
    await page.getByRole('heading', { level: 2, name: 'Tertialrapport 1 2024' }).waitFor();
    expect(page.url()).toContain('rapport=tertial&ar=2024&tertial=1');

    const municipalities = await tableRows(page, 'Antal ärenden per kommun');
    expect(municipalities['Antal ärenden']).toEqual(['797', '777', '812']);
    expect(municipalities['Danderyd']).toEqual(cells([70, 52, 53]));
    expect(municipalities['Lidingö']).toEqual(cells([114, 98, 125]));
    expect(municipalities['Norrtälje']).toEqual(['193 (24 %)', '204 (26 %)', '247 (30 %)']);
    expect(municipalities['Täby']).toEqual(['144 (18 %)', '145 (19 %)', '142 (17 %)']);
    expect(municipalities['Vallentuna']).toEqual(cells([72, 103, 92]));
    expect(municipalities['Vaxholm']).toEqual(cells([11, 14, 17]));
    expect(municipalities['Österåker']).toEqual(cells([149, 119, 96]));
    expect(municipalities['Annan kommun']).toEqual(cells([44, 42, 40]));
    expect(Object.keys(municipalities)).toEqual(['Antal ärenden', 'Danderyd', 'Lidingö', 'Norrtälje', 'Täby', 'Vallentuna', 'Vaxholm', 'Österåker', 'Annan kommun']);

    const categories = await tableRows(page, 'Antal ärenden utifrån karaktär');
    expect(categories['Barn och ungdom']).toEqual(cells([412, 406, 427]));
    expect(categories['varav kriminalitet']).toEqual(cells([13, 24, 47]));
    expect(categories['Boende']).toEqual(cells([116, 122, 138]));
    expect(categories['Våld i nära relation']).toEqual(cells([70, 38, 68]));
    expect(categories['Äldre']).toEqual(cells([43, 54, 52]));
    expect(categories['Vuxna missbruk/psyk']).toEqual(cells([113, 117, 95]));

    const decisions = await tableRows(page, 'Beslut');
    const in2024 = (name: string) => Object.entries(decisions).find(([label]) => label.includes(name))![1][2];
    expect(in2024('43 § LVU')).toBe('19');
    expect(in2024('6 § LVU')).toBe('4');
    expect(in2024('13 § LVM')).toBe('1');
    expect(in2024('skyddat boende')).toBe('1');
    expect(in2024('socialtjänstlagen')).toBe('8');

    const keyFigures = await tableRows(page, 'Boende, avslut på jouren och barn och unga');
    expect(keyFigures['Beviljat boende, andel av sökta']![2]).toMatch(/\(40 %\)$/);
    expect(keyFigures['Handlagda och avslutade på jouren']![2]).toBe('179 (22 %)');
    expect(keyFigures['Andel ärenden som rör barn och unga']).toEqual(['52 %', '52 %', '53 %']);

    // The charts: a bar per member and year, read out on hover; a year can be switched off.
    const chart = page.getByRole('figure', { name: 'Diagram: Antal ärenden per kommun' });
    const bar = chart.getByRole('img', { name: 'Täby, 2024: 142 (17 %)' });
    await bar.hover();
    await chart.getByText('Täby, 2024: 142 (17 %)', { exact: true }).and(chart.locator('.chart__readout')).waitFor();
    await chart.getByRole('button', { name: '2022' }).click();
    expect(await chart.getByRole('img', { name: /, 2022: / }).count()).toBe(0);
    expect(await chart.getByRole('img', { name: /, 2024: / }).count()).toBe(8);
    await screenshot(page, 'statistics-t1-2024');

    // An appendix, and the downloads.
    await form.getByLabel('Omfattning').selectOption('0188');
    await page.getByRole('heading', { level: 2, name: /Bilaga: Norrtälje \(0188\)/ }).waitFor();
    expect((await tableRows(page, 'Antal ärenden per kommun'))['Antal ärenden']).toEqual(['193', '204', '247']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner som Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toBe('tertialrapport-2024-T1-0188.xlsx');
    expect(unexpectedErrors(manager.errors)).toEqual([]);
  });

  it('shows a kommun user its own appendix only', async () => {
    const { page } = kommun;
    await page.goto('/statistik?rapport=tertial&ar=2024&tertial=1&kommun=0186');
    await page.getByRole('heading', { level: 2, name: /Tertialrapport 1 2024\s*Bilaga: Täby \(0160\)/ }).waitFor();
    await page.getByText('Du ser bilagan för Täby (0160).').waitFor();
    expect(await page.getByLabel('Omfattning').count()).toBe(0);
    const municipalities = await tableRows(page, 'Antal ärenden per kommun');
    expect(municipalities).toEqual({ 'Antal ärenden': ['144', '145', '142'], Täby: ['144 (100 %)', '145 (100 %)', '142 (100 %)'] });
    // The demo organisation protects small numbers in appendices: below 5 reads "< 5".
    await page.getByText('< 5 = färre än 5 ärenden, dolt för att skydda enskilda.', { exact: false }).waitFor();
    expect(await page.getByRole('cell', { name: '< 5', exact: true }).count()).toBeGreaterThan(0);
    const body = await page.locator('main').innerText();
    for (const other of ['Norrtälje', 'Lidingö', 'Danderyd', 'Annan kommun']) expect(body).not.toContain(other);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner som PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('tertialrapport-2024-T1-0160.pdf');
    // Another municipality's appendix is refused by the server too.
    expect((await page.request.get('/api/reports/tertial?year=2024&tertial=1&municipality=0186')).status()).toBe(403);
    // No import page for the municipality.
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Import' }).count()).toBe(0);
    expect(unexpectedErrors(kommun.errors)).toEqual([]);
  });

  it('imports through the page: a file with a bad row lists its errors and changes nothing; a good file imports', async () => {
    const { page } = manager;
    const header = 'external_id;received_at;municipality;category;youth_crime;closed_at_jour;decisions';
    const good = [header, 'E2E-1;2025-02-03 22:15;0160;barn_unga;1;0;LVU43', 'E2E-2;2025-03-14 01:40;0188;boende;0;1;', 'E2E-3;2025-04-02 23:05;0117;aldre;0;0;'].join('\n') + '\n';
    const bad = [header, 'E2E-1;2025-02-03 22:15;0160;barn_unga;1;0;LVU43', 'E2E-2;igår;0188;boende;0;1;', 'E2E-3;2025-04-02 23:05;0117;katter;1;0;'].join('\n') + '\n';
    const casesIn2025 = async () => ((await (await page.request.get('/api/reports/tertial?year=2025&tertial=1')).json()) as { cases: Record<string, number> }).cases['2025']!;
    const before = await casesIn2025();

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByLabel('Ärendehistorik').check();
    await page.getByLabel('Fil (CSV)').setInputFiles({ name: 'historik-fel.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    await page.getByText('Filen har 3 fel. Inget kommer att importeras förrän alla är rättade.').waitFor();
    const errors = await page.getByRole('table', { name: 'Varje fel med rad och kolumn' }).locator('tbody tr').allInnerTexts();
    expect(errors.map((e) => e.split('\t').slice(0, 3))).toEqual([
      ['3', 'received_at', 'igår'],
      ['4', 'category', 'katter'],
      ['4', 'youth_crime', '1'],
    ]);
    expect(await page.getByRole('button', { name: 'Importera' }).count()).toBe(0);
    expect(await casesIn2025()).toBe(before);
    await screenshot(page, 'import-errors');

    await page.getByLabel('Fil (CSV)').setInputFiles({ name: 'historik.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    await page.getByText('Filen är korrekt.', { exact: true }).first().waitFor();
    expect(await casesIn2025()).toBe(before);
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByText('Importen är klar: 3 importerade.').waitFor();
    expect(await casesIn2025()).toBe(before + 3);

    // The same file again: every row skipped, nothing changes.
    await page.getByRole('button', { name: 'Välj en annan fil' }).click();
    await page.getByLabel('Fil (CSV)').setInputFiles({ name: 'historik.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByText('Importen är klar: 0 importerade, 3 hoppades över (redan importerade).').waitFor();
    expect(await casesIn2025()).toBe(before + 3);
    expect(unexpectedErrors(manager.errors)).toEqual([]);
  });
});
