// The unit manager writes the follow-up of a goal and finds it in the
// assembled tertial report; the statistics dashboard shows the demo data's figures.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, screenshot, signIn, skipReason, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

describe.skipIf(!hasChromium)(hasChromium ? 'the report document and the dashboard' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;
  let manager: Session;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    manager = await openPage(browser, server.url);
    await signIn(manager.page, 'demo.enhetschef', '/verksamhetsplan');
  });

  afterAll(async () => {
    await manager?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('writes a goal follow-up and sees it in the assembled report', async () => {
    const { page } = manager;
    const year = new Date().getFullYear();
    const tertial = new Date().getMonth() < 4 ? 1 : new Date().getMonth() < 8 ? 2 : 3;
    await page.getByRole('heading', { level: 1, name: `Verksamhetsplan ${year}` }).waitFor();
    if (year === 2026) await page.getByText('Socialjouren åtar sig att socialjouren ska visa på en budget i balans.').waitFor();
    await page.getByRole('link', { name: `Skriv uppföljning: Tertial ${tertial} ${year}` }).click();
    await page.getByRole('heading', { level: 1, name: `Uppföljning Tertial ${tertial} ${year}` }).waitFor();

    const text = 'E2E: telefonkö infördes i oktober; inga samtal till jouren har gått förlorade.';
    const firstGoal = page.getByRole('group', { name: 'Måluppfyllelse' }).first();
    await firstGoal.getByLabel('Delvis uppnått').check();
    await page.getByLabel('Uppföljning av målet').first().fill(text);
    await page.getByLabel('Viktiga frågor som uppkommit under perioden').fill('Platsbristen på SiS kvarstår.');
    await page.getByLabel('Sammanfattande anteckning').fill('Fler ärenden än samma period förra året.');
    await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await page.getByText('Uppföljningen är sparad.').waitFor();
    // The period has not ended: it cannot be finished yet, and the page says why.
    await page.getByText(/uppföljningen kan bli klar först efter det/).waitFor();
    // A second save carries the new version (no stale refusal).
    await page.getByLabel('Sammanfattande anteckning').fill('Fler ärenden än samma period förra året, särskilt i Norrtälje.');
    await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await page.getByText('Uppföljningen är sparad.').waitFor();

    await page.getByRole('link', { name: 'Visa den sammanställda rapporten' }).click();
    await page.getByRole('heading', { level: 1, name: `Tertialrapport ${tertial} ${year}` }).waitFor();
    await page.getByText('Utkast: uppföljningen är inte markerad som klar.').waitFor();
    await page.getByText(text).waitFor();
    await page.getByText('Målet anses delvis uppnått').first().waitFor();
    await page.getByText('Platsbristen på SiS kvarstår.').waitFor();
    await page.getByText('Fler ärenden än samma period förra året, särskilt i Norrtälje.').waitFor();
    await page.getByRole('heading', { name: 'Antal ärenden per kommun' }).first().waitFor();
    await page.getByText('Bilaga 2: Danderyd (0162)').waitFor();
    // The PDF of the same document.
    const href = await page.getByRole('link', { name: 'Ladda ner PDF' }).getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'plans-report');

    // The finished T1 report of the demo.
    if (year === 2026) {
      await page.goto('/verksamhetsplan/2026/T1/rapport');
      await page.getByRole('heading', { level: 1, name: 'Tertialrapport 1 2026' }).waitFor();
      await page.getByText('Liksom i tidigare rapporter kvarstår problemet med att få plats på SiS.', { exact: false }).waitFor();
      expect(await page.getByText('Utkast:').count()).toBe(0);
    }
    expect(unexpectedErrors(manager.errors)).toEqual([]);
  });

  it('shows the dashboard with the figures of the demo data', async () => {
    const { page } = manager;
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Statistiköversikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistiköversikt' }).waitFor();
    const api = await (await page.request.get('/api/dashboard/statistics?months=12')).json();
    expect(api.totals.cases).toBeGreaterThan(2000);
    const kpi = (label: string) => page.locator(`[data-kpi="${label}"]`);
    await expect.poll(() => kpi('Ärenden').textContent()).toBe(String(api.totals.cases));
    expect(await kpi('Utryckningar').textContent()).toBe(String(api.turnOuts.count));
    expect(await kpi('Rör barn och unga').textContent()).toBe(`${Math.round((api.totals.youthCases / api.totals.cases) * 100)} %`);
    const decisions = api.decisions.reduce((s: number, d: { count: number }) => s + d.count, 0);
    expect(await kpi('Beslut').textContent()).toBe(String(decisions));
    // The figures add up: members and categories each sum to the cases.
    expect(api.byMunicipality.reduce((s: number, m: { cases: number }) => s + m.cases, 0)).toBe(api.totals.cases);
    expect(api.byCategory.reduce((s: number, c: { cases: number }) => s + c.cases, 0)).toBe(api.totals.cases);
    // The tertial so far against last year.
    const tertialTable = page.getByRole('table', { name: /hittills jämfört med samma period förra året/ });
    const casesRow = tertialTable.getByRole('row', { name: /^Ärenden\s/ });
    await expect.poll(() => casesRow.getByRole('cell').nth(1).textContent()).toBe(String(api.tertial.current.cases));
    expect(await casesRow.getByRole('cell').nth(0).textContent()).toBe(String(api.tertial.lastYear.cases));
    // A bar of the chart tells its value when focused.
    const category = api.byCategory[0];
    await page.getByRole('img', { name: new RegExp(`^${category.name}: ${category.cases} ärenden`) }).focus();
    await page.getByText(new RegExp(`^${category.name}: ${category.cases} ärenden`)).first().waitFor();
    // Another period reloads the figures.
    await page.getByRole('combobox', { name: 'Period' }).selectOption('3');
    const api3 = await (await page.request.get('/api/dashboard/statistics?months=3')).json();
    await expect.poll(() => kpi('Ärenden').textContent()).toBe(String(api3.totals.cases));
    await screenshot(page, 'plans-dashboard');
    expect(unexpectedErrors(manager.errors)).toEqual([]);
  });
});
