// The municipality and the jour working together: a Täby kommun user registers
// a notice ("no economic aid") about a person new to Jourbok; a social worker
// at the jour looking the person up sees the notice in the search results.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../packages/domain/src/persons/identity.ts';
import { hasChromium, launchBrowser, openPage, signIn, skipReason, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/** A valid personnummer for an adult born 1988-03-21 (a serial the demo data is unlikely to hold). */
function adultPersonnummer(): string {
  const serial = '618';
  return `19880321-${serial}${luhnCheckDigit(`880321${serial}`)}`;
}

describe.skipIf(!hasChromium)(hasChromium ? 'a notice from the municipality' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;
  let kommun: Session;
  let jour: Session;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    kommun = await openPage(browser, server.url);
    jour = await openPage(browser, server.url);
    await signIn(kommun.page, 'demo.kommun', '/aviseringar');
    await signIn(jour.page, 'demo.socialsekreterare');
  });

  afterAll(async () => {
    await kommun?.context.close();
    await jour?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the jour a notice the municipality registered', async () => {
    const pnr = adultPersonnummer();
    const title = 'Inget ekonomiskt bistånd – pågående utredning';

    // Täby registers the notice about a person Jourbok does not know yet.
    const { page } = kommun;
    await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
    await page.getByRole('button', { name: 'Ny avisering' }).click();
    await page.getByLabel('Rubrik').fill(title);
    // The person is new to Jourbok: not found by the search, added by personnummer and name.
    await page.getByLabel('Sök person').fill(pnr);
    await page.getByText('Ingen person hittades.').waitFor();
    await page.getByRole('button', { name: 'Ny person', exact: true }).click();
    const newPerson = page.getByRole('group', { name: 'Ny person (finns inte i Jourbok)' });
    await newPerson.getByLabel('Förnamn').fill('Lova');
    await newPerson.getByLabel('Efternamn').fill('Aviseradsson');
    await newPerson.getByRole('button', { name: 'Lägg till ny person' }).click();
    await page.getByRole('list', { name: 'Valda personer' }).getByText('Lova Aviseradsson', { exact: true }).waitFor();
    await page.getByLabel('Inget ekonomiskt bistånd').check();
    await page.getByLabel('Jouren bör inte').fill('Bevilja inte ekonomiskt bistånd; hänvisa till handläggaren på måndag.');
    await page.getByLabel('Kontaktperson', { exact: true }).fill('Handläggare Eva Ek');
    await page.getByLabel('Kontaktpersonens telefon').fill('08-555 000 00');
    await page.getByRole('button', { name: 'Registrera aviseringen' }).click();
    await page.getByText(`Aviseringen ”${title}” är registrerad.`).waitFor();
    await page.getByRole('cell', { name: new RegExp(title) }).first().waitFor();

    // The jour looks the person up when registering a case and sees the notice.
    const jourPage = jour.page;
    await jourPage.getByRole('heading', { level: 1, name: 'Passöversikt' }).waitFor();
    await jourPage.goto('/arenden/nytt');
    await jourPage.getByLabel('Sök person').fill(pnr);
    const results = jourPage.getByRole('list', { name: 'Sökträffar' });
    await results.getByText('Lova Aviseradsson').waitFor();
    await jourPage.getByText(new RegExp(`${title}.*Inget ekonomiskt bistånd`)).waitFor();

    expect(unexpectedErrors(kommun.errors)).toEqual([]);
    expect(unexpectedErrors(jour.errors)).toEqual([]);
  });
});
