// Intake details: search before create finds a known person and the earlier
// cases; a personnummer with a wrong check digit is named next to the field;
// two users editing the same case do not overwrite each other.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../packages/domain/src/persons/identity.ts';
import { hasChromium, launchBrowser, openPage, screenshot, signIn, skipReason, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/** `YYYYMMDD-NNNC` with the right check digit (or a wrong one). */
function personnummer(yyyymmdd: string, serial: string, wrongCheck = false): string {
  const check = luhnCheckDigit(`${yyyymmdd.slice(2)}${serial}`);
  return `${yyyymmdd}-${serial}${wrongCheck ? (check + 1) % 10 : check}`;
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** Register a case through the API, as an earlier shift would have. */
async function registerCase(page: Page, data: Record<string, unknown>): Promise<{ id: string; caseNumber: string }> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/cases', { headers: { 'x-csrf-token': session.csrfToken }, data });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { id: string; caseNumber: string };
}

const person = (identityNumber: string, firstName: string, lastName: string) => ({
  identityKind: 'personnummer',
  identityNumber,
  reserveIssuer: null,
  firstName,
  lastName,
  birthYearApprox: null,
  homeMunicipalityCode: null,
  address: null,
  phone: null,
  email: null,
  protection: 'none',
  hiddenResidence: false,
});

describe.skipIf(!hasChromium)(hasChromium ? 'intake' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;
  let a: Session;
  let b: Session;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    a = await openPage(browser, server.url);
    b = await openPage(browser, server.url);
    await signIn(a.page, 'demo.socialsekreterare');
    await signIn(b.page, 'demo.enhetschef');
  });

  afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('search before create finds an existing person by personnummer and shows the earlier cases', async () => {
    const { page } = a;
    const pnr = personnummer('20090307', '962');
    const earlier = await registerCase(page, {
      caseType: 'arende',
      contactChannel: 'enskild',
      municipalityCode: '0186',
      categoryCode: 'barn_unga',
      summary: 'Tonåring som inte vill sova hemma. Stödsamtal.',
      persons: [{ person: person(pnr, 'Ebba', 'Sökesson-Jourbok'), role: 'child' }],
    });

    await page.goto('/arenden/nytt');
    await page.getByRole('heading', { level: 1, name: 'Nytt ärende' }).waitFor();
    // The short form, as a caller reads it out: 090307-9623.
    const search = page.getByLabel('Sök person');
    await search.fill(pnr.slice(2));
    const hit = page.getByRole('list', { name: 'Sökträffar' }).getByRole('listitem').filter({ hasText: 'Ebba Sökesson-Jourbok' });
    await hit.waitFor();
    const text = (await hit.textContent()) ?? '';
    expect(text).toContain(pnr);
    expect(text).toContain('1 tidigare ärende');
    expect(text).toContain(`senast ${today()}`);
    await screenshot(page, 'intag-sokning');

    // Enter in the search box adds the one person found by the number; it does not register the case.
    await hit.getByRole('button', { name: 'Lägg till Ebba Sökesson-Jourbok' }).waitFor();
    await search.press('Enter');
    expect(new URL(page.url()).pathname).toBe('/arenden/nytt');
    const chosen = page.getByRole('list', { name: 'Personer i ärendet' });
    await chosen.getByText('Ebba Sökesson-Jourbok').waitFor();
    expect(await chosen.getByLabel('Roll för Ebba Sökesson-Jourbok').inputValue()).toBe('child');
    // The search is cleared for the next person.
    expect(await search.inputValue()).toBe('');
    await page.getByRole('list', { name: 'Sökträffar' }).waitFor({ state: 'detached' });

    await page.getByLabel('Kontaktväg').selectOption({ label: 'Enskild person' });
    await page.getByLabel('Hemkommun').selectOption({ label: 'Lidingö' });
    await page.getByLabel('Kategori').selectOption({ label: 'Barn och ungdom' });
    await page.getByLabel('Kort redogörelse').fill('Ebba ringer själv igen, bråk hemma.');
    // Enter in a one-line field registers the case.
    await page.getByLabel('Anmälarens namn').fill('Ebba själv');
    await page.getByLabel('Anmälarens namn').press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Ärende \d{4}-\d{5}$/ }).waitFor();
    const caseNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace('Ärende ', '');

    // The person page: earlier cases first, then the details.
    await page.getByRole('link', { name: 'Personsida för Ebba Sökesson-Jourbok' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ebba Sökesson-Jourbok' }).waitFor();
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.indexOf('Tidigare ärenden')).toBeLessThan(headings.indexOf('Uppgifter'));
    await page.getByRole('link', { name: earlier.caseNumber }).waitFor();
    await page.getByRole('link', { name: caseNumber }).waitFor();
    await page.getByText(pnr).waitFor();
    await screenshot(page, 'intag-personsida');
    expect(unexpectedErrors(a.errors)).toEqual([]);
  });

  it('names a personnummer with a wrong check digit next to the field', async () => {
    const { page } = a;
    const wrong = personnummer('20150412', '238', true);
    await page.goto('/arenden/nytt');
    const search = page.getByLabel('Sök person');
    await search.fill(wrong);
    await page.getByText('Kontrollsiffran stämmer inte').first().waitFor();
    expect(await search.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await search.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('Kontrollsiffran stämmer inte');

    // Creating the person anyway: the server refuses the number, next to the number.
    await page.getByRole('button', { name: 'Ny person', exact: true }).click();
    const form = page.getByRole('group', { name: 'Ny person' });
    const number = form.getByRole('textbox', { name: 'Personnummer' });
    await number.fill(wrong);
    await form.getByLabel('Förnamn').fill('Felix');
    await form.getByLabel('Efternamn').fill('Kontrollsson');
    await form.getByRole('button', { name: 'Skapa och lägg till' }).click();
    await form.getByText('Personnummer: Kontrollsiffran stämmer inte.').waitFor();
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await number.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'intag-kontrollsiffra');
    expect(unexpectedErrors(a.errors, [400])).toEqual([]);
  });

  it('shows a protected person as such, and the details only after a logged reason', async () => {
    const { page } = a;
    const pnr = personnummer('19880521', '474');
    const created = await registerCase(page, {
      caseType: 'arende',
      contactChannel: 'polis',
      municipalityCode: '0117',
      categoryCode: 'vald_nara_relation',
      summary: 'Kvinna utsatt för våld av partner, behöver skyddat boende.',
      persons: [{ person: { ...person(pnr, 'Hemlig', 'Skyddsdotter'), address: 'Hemliga gatan 1', protection: 'skyddad_folkbokforing' }, role: 'adult' }],
    });

    // Found by the number, but neither name nor number is shown.
    await page.goto('/arenden/nytt');
    await page.getByLabel('Sök person').fill(pnr);
    const hit = page.getByRole('list', { name: 'Sökträffar' }).getByRole('listitem').first();
    await hit.getByText('Skyddade personuppgifter: Skyddad folkbokföring').waitFor();
    const hitText = (await hit.textContent()) ?? '';
    expect(hitText).toContain('Person med skyddade personuppgifter');
    expect(hitText).not.toContain('Skyddsdotter');
    expect(hitText).not.toContain(pnr);

    // The case: the person is marked; the details come only with a reason, in a dialog that warns it is logged.
    await page.goto(`/arenden/${created.id}`);
    const persons = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Personer', exact: true }) });
    await persons.getByText('Skyddade personuppgifter').waitFor();
    expect(await persons.textContent()).not.toContain('Skyddsdotter');
    await persons.getByRole('button', { name: 'Visa uppgifter' }).click();
    let dialog = page.getByRole('dialog', { name: 'Visa skyddade personuppgifter' });
    await dialog.getByText(/loggas och granskas/).waitFor();
    const reason = dialog.getByLabel('Skäl till att du behöver uppgifterna');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reason.fill('Behövs');
    await dialog.getByRole('button', { name: 'Visa och logga' }).click();
    await dialog.getByText('Ange skälet (minst 10 tecken)').waitFor();
    await reason.fill('Polisen behöver adressen för att skydda henne i natt.');
    await dialog.getByRole('button', { name: 'Visa och logga' }).click();
    dialog = page.getByRole('dialog', { name: 'Hemlig Skyddsdotter' });
    await dialog.getByText('Hemliga gatan 1').waitFor();
    await dialog.getByText(pnr).waitFor();
    await screenshot(page, 'intag-visa-skyddad');
    await dialog.getByRole('button', { name: 'Stäng' }).first().click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText('Hemliga gatan 1').count()).toBe(0);
    expect(unexpectedErrors(a.errors, [400])).toEqual([]);
  });

  it('refuses a stale edit in Swedish, shows what changed and keeps what the user typed', async () => {
    const created = await registerCase(a.page, {
      caseType: 'arende',
      contactChannel: 'sos_112',
      municipalityCode: '0188',
      categoryCode: 'boende',
      summary: 'Man utan bostad söker logi.',
      shelterRequested: true,
    });

    // A starts to edit the account …
    await a.page.goto(`/arenden/${created.id}`);
    await a.page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    const dialogA = a.page.getByRole('dialog', { name: 'Ändra ärendets uppgifter' });
    await dialogA.getByLabel('Kort redogörelse').fill('Man utan bostad söker logi. Hänvisad till härbärget på Storgatan.');

    // … while B changes the same case and saves first.
    await b.page.goto(`/arenden/${created.id}`);
    await b.page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    const dialogB = b.page.getByRole('dialog', { name: 'Ändra ärendets uppgifter' });
    await dialogB.getByLabel('Kort redogörelse').fill('Man utan bostad söker logi. Polisen kör honom till akutboendet.');
    await dialogB.getByRole('button', { name: 'Spara' }).click();
    await dialogB.waitFor({ state: 'detached' });
    await b.page.getByText('Ärendets uppgifter är sparade.').waitFor();

    // A saves: refused, in Swedish, with B's change and the current version; A's text is still there.
    await dialogA.getByRole('button', { name: 'Spara' }).click();
    await dialogA.getByText('Någon annan har ändrat ärendet medan du arbetade.', { exact: false }).waitFor();
    await dialogA.getByText('Polisen kör honom till akutboendet.', { exact: false }).waitFor();
    await dialogA.getByText(/Ärendet har nu version \d+/).waitFor();
    expect(await dialogA.getByLabel('Kort redogörelse').inputValue()).toBe('Man utan bostad söker logi. Hänvisad till härbärget på Storgatan.');
    await screenshot(a.page, 'intag-samtidig-andring');

    // A decides that their text is right and saves again, on the current version.
    await dialogA.getByRole('button', { name: 'Spara igen' }).click();
    await dialogA.waitFor({ state: 'detached' });
    await a.page.getByText('Hänvisad till härbärget på Storgatan.', { exact: false }).first().waitFor();
    // B's page follows without reloading.
    await b.page.getByText('Hänvisad till härbärget på Storgatan.', { exact: false }).first().waitFor();
    expect(unexpectedErrors(a.errors, [400, 409])).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
