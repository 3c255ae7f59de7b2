// Money: the controller enters outcome for May, allocates period 1 between the
// members, closes it and downloads the invoice basis; a social worker then
// records time dated in period 1, which is booked into period 2 and leaves the
// closed figures exactly as they were.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, screenshot, signIn, skipReason, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

describe.skipIf(!hasChromium)(hasChromium ? 'money: allocate and close a period' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;
  let controller: Session;
  let jour: Session;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    controller = await openPage(browser, server.url);
    jour = await openPage(browser, server.url);
    await signIn(controller.page, 'demo.controller', '/ekonomi');
    await signIn(jour.page, 'demo.socialsekreterare');
  });

  afterAll(async () => {
    await controller?.context.close();
    await jour?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('enters outcome, allocates period 1, closes it, downloads the invoice basis; later time does not change it', async () => {
    const { page } = controller;
    const year = new Date().getFullYear();
    await page.getByRole('heading', { level: 1, name: 'Ekonomi' }).waitFor();
    await page.getByRole('heading', { name: 'Budget och utfall' }).waitFor();
    // No personal data on the money page: no personnummer anywhere.
    expect(await page.locator('main').innerText()).not.toMatch(/\b(19|20)\d{6}-\d{4}\b/);

    await page.getByRole('heading', { name: `Fördelning period 1 ${year}` }).waitFor();
    const amountLine = page.getByText(/^Belopp att fördela:/);
    const amountBefore = await amountLine.innerText();

    // Outcome for May: an interpreter invoice that came late.
    const outcomeForm = page.getByRole('form', { name: 'Registrera utfall för en månad' });
    await outcomeForm.getByLabel('Månad').selectOption('5');
    await outcomeForm.getByLabel('Tolkkostnader').fill('9 999,99');
    await outcomeForm.getByRole('button', { name: 'Spara utfall' }).click();
    await page.getByText('Utfallet är sparat.').waitFor();

    // Period 1 is shown with the population and minutes behind each part.
    await page.getByRole('heading', { name: `Fördelning period 1 ${year}` }).waitFor();
    const vaxholm = page.locator('tr[data-municipality="0187"]');
    await vaxholm.getByText('Varför betalar Vaxholm detta?').click();
    await expect.poll(() => vaxholm.innerText()).toMatch(/Vaxholm har [\d\s]+ av medlemmarnas [\d\s]+ invånare/);
    await expect.poll(() => vaxholm.innerText()).toMatch(/minuter på Vaxholms ärenden/);
    const table = page.getByRole('table', { name: `Fördelning period 1 ${year}` });
    await expect.poll(() => amountLine.innerText()).not.toBe(amountBefore);
    const before = await table.innerText();
    await screenshot(page, 'money-period-1');

    // Close it.
    await page.getByRole('button', { name: 'Stäng period 1' }).click();
    await page.getByRole('button', { name: 'Ja, stäng period 1' }).click();
    await page.getByText('Period 1 är stängd och fakturaunderlaget fryst.').waitFor();
    await page.getByText(/Fryst: perioden stängdes/).waitFor();
    expect(await table.innerText()).toBe(before);

    // Download the invoice basis: Vaxholm's PDF and all members' CSV.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF Vaxholm' }).click()]);
    expect(pdf.suggestedFilename()).toBe(`fakturaunderlag-${year}-P1-0187.pdf`);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Alla kommuner (CSV för fakturering)' }).click()]);
    const csvLines = readFileSync((await csv.path())!, 'utf8').trim().split('\r\n');
    expect(csvLines).toHaveLength(8);
    expect(csvLines[0]).toContain('invoice_total');

    // A social worker records time dated in period 1 on a case.
    const jp = jour.page;
    await jp.getByRole('heading', { level: 1, name: 'Passöversikt' }).waitFor();
    // an open case on the board (time is recorded on open cases)
    // The day shift has no open cases: a call comes in from Vaxholm.
    await jp.goto('/arenden/nytt');
    await jp.getByRole('heading', { level: 1, name: 'Nytt ärende' }).waitFor();
    await jp.getByLabel('Kontaktväg').selectOption({ label: 'Polisen' });
    await jp.getByLabel('Hemkommun').selectOption({ label: 'Vaxholm' });
    await jp.getByLabel('Kategori').selectOption({ label: 'Övrigt' });
    await jp.getByLabel('Kort redogörelse').fill('Polisen ringer om en äldre man som irrar vid färjeläget; ingen akut fara.');
    await jp.getByRole('button', { name: 'Registrera ärende' }).click();
    await jp.getByRole('heading', { level: 1, name: /^Ärende \d{4}-\d{5}$/ }).waitFor();
    const time = jp.locator('section').filter({ has: jp.getByRole('heading', { level: 2, name: 'Tid', exact: true }) });
    await time.getByLabel('Minuter').fill('240');
    await time.getByLabel('Datum').fill(`${year}-03-10`);
    await time.getByRole('button', { name: 'Registrera tid' }).click();
    await jp.getByText('Tiden är registrerad.').waitFor();
    await jp.getByText(`Period 1 ${year} är stängd för fakturering. Posten räknas i stället i perioden från ${year}-06-01.`).waitFor();

    // The closed figures are unchanged.
    await page.reload();
    await page.getByRole('heading', { name: `Fördelning period 1 ${year}` }).waitFor();
    await page.getByText(/Fryst: perioden stängdes/).waitFor();
    await vaxholm.getByText('Varför betalar Vaxholm detta?').click();
    expect(await page.getByRole('table', { name: `Fördelning period 1 ${year}` }).innerText()).toBe(before);

    expect(unexpectedErrors(controller.errors)).toEqual([]);
    expect(unexpectedErrors(jour.errors)).toEqual([]);
  });
});
