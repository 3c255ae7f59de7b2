// The whole night in two browsers. A social worker (A) takes a call from the
// police about a child, registers and triages the case, documents, gets an
// immediate care order from the on-call politician, requests police
// assistance, records time and a taxi, is stopped from closing without a
// protection assessment, writes it and hands the case over; the handover
// report comes out as PDF and JSON. The unit manager (B) watches the shift
// board, which follows every step live, without reloading.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../packages/domain/src/persons/identity.ts';
import { hasChromium, launchBrowser, openPage, screenshot, signIn, skipReason, stockholmLocal, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/** A valid personnummer for a child born 2015-04-12 (a serial the demo data is unlikely to hold). */
function childPersonnummer(): string {
  const serial = '947';
  return `20150412-${serial}${luhnCheckDigit(`150412${serial}`)}`;
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });
const section = (page: Page, name: string) => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });

describe.skipIf(!hasChromium)(hasChromium ? 'a night at the jour' : skipReason, () => {
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

  it('registers, documents, decides and hands over a child case while the board follows live', async () => {
    const { page } = a;
    const board = b.page;

    // Both start on the shift board.
    await page.getByRole('heading', { level: 1, name: 'Passöversikt' }).waitFor();
    await board.getByRole('heading', { level: 1, name: 'Passöversikt' }).waitFor();
    await board.getByText('Uppdateras direkt').waitFor();
    expect(await mainNav(page).getByRole('link').allTextContents()).toEqual(['Passöversikt', 'Nytt ärende', 'Aviseringar', 'Uppdrag', 'Schema', 'Beredskap', 'Samtalslogg', 'Avvikelser', 'Kalender', 'Organisation']);

    // B leaves a handover note; A's board shows it without reloading.
    await board.getByLabel('Ny anteckning till nästa pass').fill('Täby har aviserat att familjen Nattugglesson kan höra av sig i natt.');
    await board.getByRole('button', { name: 'Spara överlämning' }).click();
    await board.getByText('Överlämningen är sparad.').waitFor();
    await page.getByText('Täby har aviserat att familjen Nattugglesson kan höra av sig i natt.').waitFor();

    // The phone rings: N opens a new case, with the cursor in the contact channel.
    await page.getByRole('heading', { level: 1, name: 'Passöversikt' }).click();
    await page.keyboard.press('n');
    await page.getByRole('heading', { level: 1, name: 'Nytt ärende' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('contactChannel');
    await page.getByLabel('Kontaktväg').selectOption({ label: 'Polisen' });
    await page.getByLabel('Anmälarens namn').fill('Inspektör Kim Berg');
    await page.getByLabel('Organisation').fill('Polisen region Stockholm');
    await page.getByLabel('Telefon', { exact: true }).fill('114 14');
    // The police are mandated reporters: ticked for the user.
    expect(await page.getByLabel(/^Anmälningsskyldig/).isChecked()).toBe(true);
    await page.getByLabel('Hemkommun').selectOption({ label: 'Täby' });
    await page.getByLabel('Kategori').selectOption({ label: 'Barn och ungdom' });
    await page.getByLabel('Kort redogörelse').fill('Polisen på plats i bostad i Täby efter larm om bråk. Nioårig flicka ensam hemma, vårdnadshavaren omhändertagen av polis.');

    // Search before create: the child is not in Jourbok; create her from the search.
    const pnr = childPersonnummer();
    await page.getByLabel('Sök person').fill(pnr);
    await page.getByText('Ingen person hittades.').waitFor();
    await page.getByRole('button', { name: `Ny person med ${pnr}` }).click();
    const newPerson = page.getByRole('group', { name: 'Ny person' });
    expect(await newPerson.getByRole('textbox', { name: 'Personnummer' }).inputValue()).toBe(pnr);
    await newPerson.getByLabel('Förnamn').fill('Nova');
    await newPerson.getByLabel('Efternamn').fill('Nattugglesson');
    await newPerson.getByRole('button', { name: 'Skapa och lägg till' }).click();
    const chosen = page.getByRole('list', { name: 'Personer i ärendet' });
    await chosen.getByText('Nova Nattugglesson').waitFor();
    // The search is cleared for the next person.
    expect(await page.getByLabel('Sök person').inputValue()).toBe('');
    await page.getByRole('list', { name: 'Sökträffar' }).waitFor({ state: 'detached' });
    // Under 18: a child, by default.
    expect(await chosen.getByLabel('Roll för Nova Nattugglesson').inputValue()).toBe('child');
    await chosen.getByLabel('Var personen är nu: Nova Nattugglesson').fill('Hemma med polisen, Storgatan');

    // Triage: police on site with a child → 1 Akut, suggested live.
    const suggestion = page.getByRole('status').filter({ hasText: 'Föreslagen prioritet' });
    await page.getByLabel('Polis på plats').check();
    await suggestion.getByText('Akut').waitFor();
    expect(await suggestion.textContent()).toContain('1');
    await page.getByLabel('Barn utan vårdnadshavare på plats').check();
    await suggestion.getByText('Polis på plats med barn utan vårdnadshavare').waitFor();
    await screenshot(page, 'natt-nytt-arende');
    await page.getByRole('button', { name: 'Registrera ärende' }).click();

    const heading = page.getByRole('heading', { level: 1, name: /^Ärende \d{4}-\d{5}$/ });
    await heading.waitFor();
    const caseNumber = ((await heading.textContent()) ?? '').replace('Ärende ', '');
    await page.getByText(`Ärende ${caseNumber} är registrerat.`).waitFor();
    await page.getByText('1 Akut').first().waitFor();
    await page.getByText('Skyddsbedömning ska dokumenteras senast').waitFor();

    // B's board shows the new case at once, at the top, as a child case with priority 1.
    const row = board.getByRole('row').filter({ has: board.getByRole('link', { name: caseNumber }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('1 Akut');
    expect(await row.textContent()).toContain('Barn');
    expect(await row.textContent()).toContain('Nova Nattugglesson');
    expect(await row.textContent()).toMatch(/väntat \d+ min/);
    const firstRow = board.locator('.board-table tbody tr').first();
    expect(await firstRow.textContent()).toContain('1 Akut');
    await screenshot(board, 'natt-passoversikt-b');

    // Journal: a fact, an assessment, a turn-out; then a correction of the fact.
    const journal = section(page, 'Journal');
    const body = journal.getByLabel(/^Faktauppgift – vad som hänt/);
    await body.fill('Polisen ringer 01:05. Flickan sitter i köket, lugn. Pappan tagen till arresten.');
    await journal.getByRole('button', { name: 'Spara anteckning' }).click();
    await journal.getByRole('article').filter({ hasText: 'Pappan tagen till arresten' }).waitFor();

    await journal.getByLabel('Bedömning', { exact: true }).check();
    await journal.getByLabel(/^Bedömning – din professionella/).fill('Barnet kan inte lämnas ensamt; ingen annan vårdnadshavare nås. Omedelbart omhändertagande bedöms nödvändigt.');
    await journal.getByRole('button', { name: 'Spara anteckning' }).click();
    const assessment = journal.getByRole('article').filter({ hasText: 'Omedelbart omhändertagande bedöms nödvändigt' });
    await assessment.waitFor();
    expect(await assessment.getAttribute('class')).toContain('journal-entry--assessment');

    await journal.getByLabel('Insats', { exact: true }).check();
    await journal.getByLabel('Vilken insats').selectOption({ label: 'Utryckning' });
    const now = Date.now();
    await journal.getByLabel('Larmad').fill(stockholmLocal(new Date(now - 50 * 60_000)));
    await journal.getByLabel('Framme').fill(stockholmLocal(new Date(now - 10 * 60_000)));
    await journal.getByLabel('Vad jouren gjorde').fill('Jouren på plats i bostaden.');
    await journal.getByRole('button', { name: 'Spara anteckning' }).click();
    const turnOut = journal.getByRole('article').filter({ hasText: 'Jouren på plats i bostaden.' });
    await turnOut.getByText(/Utryckning: 40 min från larm till ankomst/).waitFor();
    await turnOut.getByText('inom riktvärdet 2 timmar').waitFor();

    const fact = journal.getByRole('article').filter({ hasText: 'Polisen ringer 01:05' });
    await fact.getByRole('button', { name: /^Rätta/ }).click();
    await journal.getByText(/Du skriver en rättelse av anteckningen/).waitFor();
    await journal.getByLabel('Rättelse', { exact: true }).fill('Rättelse: polisen ringde 01:15, inte 01:05.');
    await journal.getByRole('button', { name: 'Spara rättelse' }).click();
    await fact.getByText('Rättad', { exact: true }).waitFor();
    await fact.getByRole('link', { name: /Se rättelsen/ }).click();
    const correction = journal.getByRole('article').filter({ hasText: 'polisen ringde 01:15' });
    expect(await correction.evaluate((el) => el === document.activeElement)).toBe(true);
    await correction.getByRole('link', { name: /anteckningen/ }).waitFor();

    // The on-call politician decides on an immediate care order (6 § LVU).
    const decisions = section(page, 'Beslut');
    await decisions.getByRole('button', { name: 'Nytt beslut' }).click();
    let dialog = page.getByRole('dialog', { name: 'Nytt beslut' });
    await dialog.getByLabel('Beslutstyp').selectOption({ label: 'Omedelbart omhändertagande 6 § LVU' });
    expect(await dialog.getByLabel('Jourhavande politiker').isChecked()).toBe(true);
    expect(await dialog.getByLabel('Beslutet gäller').inputValue()).not.toBe('');
    // The form offers Täby's politicians on call now and takes the first (the chair).
    await dialog.getByRole('button', { name: /^Använd .+ \(Ordförande\)$/ }).first().waitFor();
    expect(await dialog.getByLabel('Beslutsfattarens namn').inputValue()).not.toBe('');
    expect(await dialog.getByLabel('Befattning eller uppdrag').inputValue()).toContain('Ordförande');
    await dialog.getByLabel('Beslutsfattarens namn').fill('Eva Ordförande');
    await dialog.getByLabel('Befattning eller uppdrag').fill('Ordförande i socialnämnden, Täby');
    await dialog.getByLabel('Skäl för beslutet').fill('Barnet riskerar allvarlig skada; rättens beslut kan inte avvaktas.');
    await dialog.getByRole('button', { name: 'Registrera beslut' }).click();
    await dialog.waitFor({ state: 'detached' });
    const lvu6 = decisions.getByRole('article', { name: 'Omedelbart omhändertagande 6 § LVU' });
    await lvu6.waitFor();
    const lvu6Text = (await lvu6.textContent()) ?? '';
    expect(lvu6Text).toContain('6 § lagen (1990:52)');
    expect(lvu6Text).toContain('Eva Ordförande');
    expect(lvu6Text).toContain('Jourhavande politiker');
    expect(lvu6Text).toMatch(/Underställning till förvaltningsrätten/);
    expect(lvu6Text).toMatch(/Senast \p{L}+ \d{4}-\d{2}-\d{2}/u);
    // The court deadline reaches the board too.
    await board.getByRole('link', { name: `Ärende ${caseNumber}` }).first().waitFor();
    await screenshot(page, 'natt-beslut-lvu6');

    // Police assistance (43 § LVU): the rules answer with every problem at once, next to its field.
    await decisions.getByRole('button', { name: 'Nytt beslut' }).click();
    dialog = page.getByRole('dialog', { name: 'Nytt beslut' });
    await dialog.getByLabel('Beslutstyp').selectOption({ label: 'Handräckning 43 § LVU' });
    expect(await dialog.getByLabel('Tjänsteman med delegation').isChecked()).toBe(true);
    expect(await dialog.getByLabel('LVU-beslut som ska genomföras').inputValue()).not.toBe('');
    await dialog.getByRole('group', { name: 'Enligt vilken lag är barnet placerat?' }).getByLabel('Socialtjänstlagen (SoL)').check();
    await dialog.getByLabel('Beslutsfattarens namn').fill('Sara Lindqvist');
    await dialog.getByLabel('Skäl för beslutet').fill('Barnet ska föras till jourhemmet enligt beslutet om omedelbart omhändertagande.');
    await dialog.getByRole('button', { name: 'Registrera beslut' }).click();
    await dialog.getByText(/Handräckning enligt 43 § LVU kan bara begäras/).waitFor();
    await dialog.getByText(/Beskriv skriftligt de särskilda omständigheter/).waitFor();
    const special = dialog.getByLabel('Särskilda omständigheter');
    expect(await special.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'natt-beslut-regelfel');
    await dialog.getByRole('group', { name: 'Enligt vilken lag är barnet placerat?' }).getByLabel('LVU', { exact: true }).check();
    await special.fill('Pappan har hotat personalen med våld och väntas tillbaka från arresten; beslutet kan inte genomföras utan polisens hjälp.');
    await dialog.getByRole('button', { name: 'Registrera beslut' }).click();
    await dialog.waitFor({ state: 'detached' });
    const lvu43 = decisions.getByRole('article', { name: 'Handräckning 43 § LVU' });
    await lvu43.waitFor();
    expect(await lvu43.textContent()).toContain('Omedelbart omhändertagande 6 § LVU');
    await lvu43.getByRole('button', { name: 'Återkalla' }).waitFor();

    // The basis falls away: the police assistance is withdrawn, with a reason.
    await lvu43.getByRole('button', { name: 'Återkalla' }).click();
    dialog = page.getByRole('dialog', { name: 'Återkalla Handräckning 43 § LVU' });
    await dialog.getByLabel('Skäl till återkallelsen').fill('Pappan släpptes inte; barnet kunde föras till jourhemmet utan polisens hjälp.');
    await dialog.getByRole('button', { name: 'Återkalla beslutet' }).click();
    await dialog.waitFor({ state: 'detached' });
    await lvu43.getByText(/Återkallat .*: Pappan släpptes inte/).waitFor();

    // Re-triage: the child is safe now; a lower priority than suggested needs a reason, and is recorded.
    const triageSection = section(page, 'Prioritering');
    await triageSection.getByRole('button', { name: 'Prioritera om' }).click();
    await triageSection.getByLabel('Vald prioritet').selectOption({ label: '2 I natt' });
    await triageSection.getByRole('button', { name: 'Spara prioritering' }).click();
    await triageSection.getByText(/Ange skälet till att prioritet 2 väljs i stället för den föreslagna prioriteten 1/).waitFor();
    await triageSection.getByLabel('Skäl till annan prioritet').fill('Barnet är i säkerhet i jourhemmet; resten kan vänta till morgonen.');
    await triageSection.getByRole('button', { name: 'Spara prioritering' }).click();
    await triageSection.getByText('Ärendet har prioritet 2 I natt.').waitFor();
    const history = triageSection.getByRole('table');
    expect(await history.getByRole('row').count()).toBe(3);
    await history.getByText('Förslaget var 1 Akut').waitFor();
    await history.getByText('Barnet är i säkerhet i jourhemmet', { exact: false }).waitFor();
    await row.getByText('2 I natt').waitFor();

    // Time and a taxi.
    const time = section(page, 'Tid');
    await time.getByLabel('Minuter').fill('95');
    await time.getByLabel('Minuter').press('Enter');
    await time.getByText('Summa: 1 h 35 min (95 min)').waitFor();
    const costs = section(page, 'Kostnader');
    await costs.getByLabel('Slag').selectOption('travel');
    await costs.getByLabel('Belopp (kr)').fill('487,50');
    await costs.getByLabel('Kommentar').fill('Taxi till jourhemmet');
    await costs.getByRole('button', { name: 'Registrera kostnad' }).click();
    await costs.getByText(/Summa: 487,50\s+kr/).waitFor();

    // Closing is refused without a protection assessment; the refusal leads to writing it.
    await page.getByRole('button', { name: 'Avsluta / överlämna' }).click();
    dialog = page.getByRole('dialog', { name: 'Avsluta eller överlämna ärendet' });
    await dialog.getByLabel('Vad hemkommunen behöver göra').fill('Täby: ansök om vård hos förvaltningsrätten och kontakta mamman i Göteborg.');
    await dialog.getByRole('button', { name: 'Avsluta och skapa jourrapport' }).click();
    await dialog.getByText(/en skyddsbedömning måste dokumenteras/).waitFor();
    await screenshot(page, 'natt-avslut-nekat');
    await dialog.getByRole('button', { name: 'Skriv skyddsbedömning' }).click();
    await dialog.waitFor({ state: 'detached' });
    const assessmentBody = journal.getByLabel(/^Skyddsbedömning – barnets skydd/);
    expect(await assessmentBody.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await journal.getByLabel('Skyddsbedömning', { exact: true }).isChecked()).toBe(true);
    await assessmentBody.fill('Skyddsbedömning: barnet är i säkerhet i jourhemmet; ingen risk i natt.');
    await journal.getByRole('button', { name: 'Spara anteckning' }).click();
    await page.getByText('Skyddsbedömning dokumenterad').waitFor();

    await page.getByRole('button', { name: 'Avsluta / överlämna' }).click();
    dialog = page.getByRole('dialog', { name: 'Avsluta eller överlämna ärendet' });
    await dialog.getByLabel('Vad hemkommunen behöver göra').fill('Täby: ansök om vård hos förvaltningsrätten och kontakta mamman i Göteborg.');
    await dialog.getByRole('button', { name: 'Avsluta och skapa jourrapport' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Ärendet är avslutat och jourrapporten är skapad.').waitFor();
    await page.getByText(/Överlämnat till hemkommunen/).first().waitFor();
    expect(await page.getByRole('button', { name: 'Nytt beslut' }).count()).toBe(0);
    await screenshot(page, 'natt-overlamnat');

    // The handover report: a PDF that opens in a new tab, and the structured record.
    const pdfLink = page.getByRole('link', { name: /Jourrapport \(PDF\)/ });
    expect(await pdfLink.getAttribute('target')).toBe('_blank');
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(bytes.length).toBeGreaterThan(2048);
    const jsonLink = page.getByRole('link', { name: /Jourrapport \(strukturerad, JSON\)/ });
    const report = (await (await page.request.get((await jsonLink.getAttribute('href'))!)).json()) as {
      payload: { case: { caseNumber: string; decisions: { typeCode: string; makerName: string }[]; totalMinutes: number; totalCostSek: string }; toDo: string[] };
    };
    expect(report.payload.case.caseNumber).toBe(caseNumber);
    expect(report.payload.case.decisions.map((d) => d.typeCode)).toEqual(['LVU6', 'LVU43']);
    expect(report.payload.case.decisions[0]!.makerName).toBe('Eva Ordförande');
    expect(report.payload.case.totalMinutes).toBe(95);
    expect(report.payload.case.totalCostSek).toBe('487.50');
    const toDo = report.payload.toDo.join('\n');
    expect(toDo).toContain('ansök om vård hos förvaltningsrätten och kontakta mamman');
    expect(toDo).toMatch(/Underställning till förvaltningsrätten \(Omedelbart omhändertagande 6 § LVU\): senast \d{4}-\d{2}-\d{2}/);

    // On B's board the case has left the open cases and shows as handed over.
    await row.waitFor({ state: 'detached' });
    await board.getByRole('listitem').filter({ hasText: caseNumber }).filter({ hasText: 'Överlämnat till hemkommunen' }).waitFor();
    await screenshot(board, 'natt-passoversikt-b-efter');

    expect(unexpectedErrors(a.errors, [400])).toEqual([]);
    expect(b.errors).toEqual([]);

    // Täby's social worker reads the case the next morning, without a single form.
    const caseId = new URL(page.url()).pathname.split('/').pop()!;
    const kommun = await openPage(browser, server.url);
    try {
      await signIn(kommun.page, 'demo.kommun', `/arenden/${caseId}`);
      await kommun.page.getByRole('heading', { level: 1, name: `Ärende ${caseNumber}` }).waitFor();
      await kommun.page.getByText('Du kan läsa ärendet men inte ändra det.').waitFor();
      await kommun.page.getByRole('article', { name: 'Omedelbart omhändertagande 6 § LVU' }).waitFor();
      await kommun.page.getByRole('link', { name: /Jourrapport \(PDF\)/ }).waitFor();
      expect(await kommun.page.locator('main form').count()).toBe(0);
      expect(await kommun.page.getByRole('button', { name: /Rätta|Nytt beslut|Ändra uppgifter|Prioritera om|Avsluta/ }).count()).toBe(0);
      expect(await mainNav(kommun.page).getByRole('link').allTextContents()).not.toContain('Nytt ärende');
      await screenshot(kommun.page, 'natt-kommun-las');
      expect(kommun.errors).toEqual([]);
    } finally {
      await kommun.context.close();
    }
  });
});
