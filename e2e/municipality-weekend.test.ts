// A weekend between Täby and the jour, on a clock the test controls.
//
// Friday afternoon Täby's social worker registers a must-read notice "no
// economic aid" about a person new to Jourbok, and a weekend supervision
// assignment for the same person. Friday night the jour registers a case for
// that person: the notice is in front of the social worker first and must be
// acknowledged; granting economic aid is refused until a reason is given. The
// case is handed over. At 07:00 the morning delivery runs: Täby's functional
// mailbox gets an e-mail over a real SMTP conversation (a count and a link, no
// personal data); Täby opens the report from the inbox and acknowledges it.
// The assignment stays on the shift board through two shift changes until the
// Saturday night shift documents it as done, and Täby reads the documentation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../packages/domain/src/persons/identity.ts';
import { startTestSmtp, type TestSmtp } from '../packages/server/test/support/smtp.ts';
import { hasChromium, launchBrowser, openPage, screenshot, signIn, skipReason, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/** A valid personnummer for an adult born 1979-06-02 (a serial the demo data is unlikely to hold). */
function adultPersonnummer(): string {
  const serial = '734';
  return `19790602-${serial}${luhnCheckDigit(`790602${serial}`)}`;
}

// Friday 27 November 2026, 14:00 in Stockholm (CET, UTC+1): the test's clock starts here.
let now = new Date('2026-11-27T13:00:00Z');
const clock = () => now;

const section = (page: Page, name: string) => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });

describe.skipIf(!hasChromium)(hasChromium ? 'a weekend with the municipality' : skipReason, () => {
  let server: TestServer;
  let smtp: TestSmtp;
  let browser: Browser;
  let kommun: Session;
  let jour: Session;

  /**
   * Move the server's and both browsers' clocks. Between shifts the browsers
   * are closed (a page left open across hours would be signed out for idling).
   */
  async function setTime(iso: string) {
    await Promise.all([kommun.page.goto('about:blank'), jour.page.goto('about:blank')]);
    now = new Date(iso);
    await Promise.all([kommun.context.clock.setFixedTime(now), jour.context.clock.setFixedTime(now)]);
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    [server, browser] = await Promise.all([startServer({ now: clock, env: { JOURBOK_SMTP_URL: smtp.url } }), launchBrowser()]);
    kommun = await openPage(browser, server.url);
    jour = await openPage(browser, server.url);
  });

  afterAll(async () => {
    await kommun?.context.close();
    await jour?.context.close();
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('keeps the notice, the assignment and the morning report between Täby and the jour', async () => {
    const pnr = adultPersonnummer();
    const noticeTitle = 'Inget ekonomiskt bistånd – utredning pågår';
    const assignmentTitle = 'Tillsyn under helgen: hembesök hos Lova';

    // ---- Friday 14:00, Täby: the notice, with the person new to Jourbok.
    await setTime('2026-11-27T13:00:00Z');
    await signIn(kommun.page, 'demo.kommun', '/aviseringar', clock);
    const k = kommun.page;
    await k.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
    await k.getByRole('button', { name: 'Ny avisering' }).click();
    await k.getByLabel('Måste läsas').check();
    await k.getByLabel('Rubrik').fill(noticeTitle);
    await k.getByLabel('Sök person').fill(pnr);
    await k.getByText('Ingen person hittades.').waitFor();
    await k.getByRole('button', { name: 'Ny person', exact: true }).click();
    const newPerson = k.getByRole('group', { name: 'Ny person (finns inte i Jourbok)' });
    expect(await newPerson.getByLabel('Personnummer').inputValue()).toBe(pnr);
    await newPerson.getByLabel('Förnamn').fill('Lova');
    await newPerson.getByLabel('Efternamn').fill('Helgesson');
    await newPerson.getByRole('button', { name: 'Lägg till ny person' }).click();
    await k.getByRole('list', { name: 'Valda personer' }).getByText('Lova Helgesson', { exact: true }).waitFor();
    await k.getByLabel('Gäller till').fill('2026-12-11');
    await k.getByLabel('Inget ekonomiskt bistånd').check();
    await k.getByLabel('Jouren bör inte').fill('Bevilja inte ekonomiskt bistånd; hänvisa till handläggaren på måndag.');
    await k.getByLabel('Kontaktperson', { exact: true }).fill('Handläggare Eva Ek');
    await k.getByLabel('Kontaktpersonens telefon').fill('08-555 000 00');
    await k.getByRole('button', { name: 'Registrera aviseringen' }).click();
    await k.getByText(`Aviseringen ”${noticeTitle}” är registrerad.`).waitFor();

    // The weekend supervision: the person is found by the search now (Täby's person).
    await k.goto('/uppdrag');
    await k.getByRole('button', { name: 'Nytt uppdrag' }).click();
    await k.getByLabel('Vad ska göras').fill(assignmentTitle);
    await k.getByLabel('Beskrivning').fill('Hembesök en gång under helgen; se att Lova har mat och värme. Ring handläggaren vid oro.');
    await k.getByLabel('Sök person').fill(pnr);
    await k.getByRole('button', { name: 'Lägg till Lova Helgesson' }).click();
    await k.getByRole('list', { name: 'Valda personer' }).getByText('Lova Helgesson', { exact: true }).waitFor();
    await k.getByLabel('Från', { exact: true }).fill('2026-11-27T18:00');
    await k.getByLabel('Till', { exact: true }).fill('2026-11-29T22:00');
    await k.getByLabel('Kontaktperson', { exact: true }).fill('Handläggare Eva Ek');
    await k.getByLabel('Kontaktpersonens telefon').fill('08-555 000 00');
    await k.getByRole('button', { name: 'Registrera uppdraget' }).click();
    await k.getByText(`Uppdraget ”${assignmentTitle}” är registrerat.`).waitFor();
    await screenshot(k, 'helg-kommun-uppdrag');

    // ---- Friday 22:30, the night shift: the case for Lova.
    await setTime('2026-11-27T21:30:00Z');
    await signIn(jour.page, 'demo.socialsekreterare', '/', clock);
    const j = jour.page;
    await j.getByRole('heading', { level: 1, name: 'Passöversikt' }).waitFor();
    // The assignment is on the board from the start of its window.
    await section(j, 'Uppdrag').getByRole('link', { name: assignmentTitle }).waitFor();

    await j.goto('/arenden/nytt');
    await j.getByLabel('Kontaktväg').selectOption({ label: 'Enskild person' });
    await j.getByLabel('Anmälarens namn').fill('Lova Helgesson');
    await j.getByLabel('Hemkommun').selectOption({ label: 'Täby' });
    await j.getByLabel('Kategori').selectOption({ label: 'Ekonomiskt bistånd' });
    await j.getByLabel('Kort redogörelse').fill('Lova ringer och saknar pengar till mat över helgen.');
    await j.getByLabel('Sök person').fill(pnr);
    // The notice is in front of the social worker before the person is even added.
    const hits = j.getByRole('list', { name: 'Sökträffar' });
    await hits.getByText(new RegExp(`${noticeTitle}.*Inget ekonomiskt bistånd`)).waitFor();
    await hits.getByRole('button', { name: 'Lägg till Lova Helgesson' }).click();
    await j.getByRole('list', { name: 'Personer i ärendet' }).getByText('Lova Helgesson').waitFor();
    await j.getByRole('button', { name: 'Registrera ärende' }).click();
    const heading = j.getByRole('heading', { level: 1, name: /^Ärende \d{4}-\d{5}$/ });
    await heading.waitFor();
    const caseNumber = ((await heading.textContent()) ?? '').replace('Ärende ', '');

    // A must-read notice stops the case until the social worker has read it.
    const notices = j.getByRole('region', { name: 'Aviseringar' });
    await notices.getByText(`Måste läsas innan ärendet kan fortsätta: ${noticeTitle}`).waitFor();
    await notices.getByText('Bevilja inte ekonomiskt bistånd; hänvisa till handläggaren på måndag.', { exact: false }).waitFor();
    await screenshot(j, 'helg-avisering-i-arendet');
    await notices.getByRole('button', { name: 'Jag har läst' }).click();
    await notices.getByText(/Läst av .* \d/).waitFor();

    // Economic aid against the notice: asked for a reason, which is recorded.
    const decisions = section(j, 'Beslut');
    await decisions.getByRole('button', { name: 'Nytt beslut' }).click();
    const dialog = j.getByRole('dialog', { name: 'Nytt beslut' });
    await dialog.getByLabel('Beslutstyp').selectOption({ label: 'Akut ekonomiskt bistånd' });
    const subject = dialog.getByLabel('Beslutet gäller');
    await subject.selectOption((await subject.locator('option', { hasText: 'Lova Helgesson' }).getAttribute('value'))!);
    await dialog.getByLabel('Beslutsfattarens namn').fill('Sara Lindqvist');
    await dialog.getByLabel('Beviljas').check();
    await dialog.getByLabel('Belopp (kr)').fill('450');
    await dialog.getByLabel('Skäl för beslutet').fill('Lova saknar mat över helgen och kan inte nå sin handläggare.');
    await dialog.getByRole('button', { name: 'Registrera beslut' }).click();
    const reason = dialog.getByLabel('Skäl att gå emot aviseringen');
    await reason.waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText(new RegExp(noticeTitle)).first().waitFor();
    await screenshot(j, 'helg-beslut-mot-avisering');
    await reason.fill('Ingen mat i hemmet över helgen; matkasse för 450 kr, handläggaren informeras måndag.');
    await dialog.getByRole('button', { name: 'Registrera beslut' }).click();
    await dialog.waitFor({ state: 'detached' });
    await decisions.getByRole('article', { name: 'Akut ekonomiskt bistånd' }).waitFor();

    // Handed over to Täby with the handover report.
    await j.getByRole('button', { name: 'Avsluta / överlämna' }).click();
    const closing = j.getByRole('dialog', { name: 'Avsluta eller överlämna ärendet' });
    await closing.getByLabel('Vad hemkommunen behöver göra').fill('Täby: följ upp matkassen på måndag.');
    await closing.getByRole('button', { name: 'Avsluta och skapa jourrapport' }).click();
    await closing.waitFor({ state: 'detached' });
    await j.getByText('Ärendet är avslutat och jourrapporten är skapad.').waitFor();

    // ---- Saturday 07:00: the morning delivery, e-mail over SMTP with only a link.
    await setTime('2026-11-28T06:00:30Z');
    const ran = await server.runJobs();
    expect(ran.failed).toEqual([]);
    expect(ran.ran.some((r) => r.job === 'handover_delivery' && r.date === '2026-11-28')).toBe(true);
    const mails = await smtp.waitFor(1);
    const mail = mails.find((m) => m.text.includes('till Täby'));
    expect(mail, 'an e-mail to Täby').toBeDefined();
    expect(mail!.envelopeTo).toEqual(['socialtjanst@example.se']);
    expect(mail!.subject).toMatch(/jourrapport/);
    for (const personal of [pnr, pnr.replace('-', ''), 'Lova', 'Helgesson', caseNumber, 'ekonomiskt bistånd']) expect(mail!.text).not.toContain(personal);
    const link = /https?:\/\/\S+/.exec(mail!.text)?.[0];
    expect(link).toBeDefined();
    // A second run the same morning sends nothing more.
    expect((await server.runJobs()).ran.filter((r) => r.job === 'handover_delivery')).toEqual([]);

    // Täby follows the link (its session from Friday has long expired), opens the report and acknowledges it.
    await signIn(kommun.page, 'demo.kommun', new URL(link!).pathname, clock);
    await k.getByRole('heading', { level: 1, name: 'Inkorg' }).waitFor();
    const row = k.getByRole('row').filter({ hasText: caseNumber });
    await row.waitFor();
    const pdfHref = await row.getByRole('link', { name: 'PDF' }).getAttribute('href');
    const pdf = await k.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    const jsonHref = await row.getByRole('link', { name: 'JSON' }).getAttribute('href');
    const structured = (await (await k.request.get(jsonHref!)).json()) as { payload: { case: { caseNumber: string } } };
    expect(structured.payload.case.caseNumber).toBe(caseNumber);
    await row.getByRole('button', { name: 'Kvittera' }).click();
    await k.getByText(`Jourrapporten för ${caseNumber} är kvitterad.`).waitFor();
    await screenshot(k, 'helg-kommun-inkorg');

    // ---- Saturday 10:00, the first shift change: the assignment is still on the board.
    await setTime('2026-11-28T09:00:00Z');
    await signIn(jour.page, 'demo.socialsekreterare', '/', clock);
    await j.getByRole('heading', { level: 1, name: 'Passöversikt' }).waitFor();
    await section(j, 'Uppdrag').getByRole('link', { name: assignmentTitle }).waitFor();

    // ---- Saturday 22:00, the second shift change: still there, and now done and documented.
    await setTime('2026-11-28T21:00:00Z');
    await signIn(jour.page, 'demo.socialsekreterare', '/', clock);
    await j.getByRole('heading', { level: 1, name: 'Passöversikt' }).waitFor();
    await section(j, 'Uppdrag').getByRole('link', { name: assignmentTitle }).click();
    await j.getByRole('heading', { level: 1, name: 'Uppdrag' }).waitFor();
    await j.getByRole('row').filter({ hasText: assignmentTitle }).getByRole('button', { name: 'Visa' }).click();
    await j.getByRole('button', { name: 'Rapportera' }).click();
    await j.getByLabel('Utfört').check();
    await j.getByLabel('Anteckning', { exact: true }).fill('Hembesök 21:15. Lova har mat och det är varmt i lägenheten. Inget mer behövs i helgen.');
    await j.getByRole('button', { name: 'Rapportera' }).click();
    await j.getByText('Rapporten är sparad.').waitFor();
    await j.goto('/');
    await section(j, 'Uppdrag').getByText('Inga öppna uppdrag.').or(section(j, 'Uppdrag').getByRole('list')).first().waitFor();
    expect(await section(j, 'Uppdrag').getByRole('link', { name: assignmentTitle }).count()).toBe(0);

    // Täby sees the assignment done, with who did it and what they wrote.
    await signIn(kommun.page, 'demo.kommun', '/uppdrag', clock);
    await k.getByLabel('Visa').selectOption({ label: 'Klara' });
    const done = k.getByRole('row').filter({ hasText: assignmentTitle });
    await done.getByText('Klart').waitFor();
    await done.getByRole('button', { name: 'Visa' }).click();
    await k.getByText('Hembesök 21:15. Lova har mat och det är varmt i lägenheten.', { exact: false }).waitFor();
    await k.getByText(/Utfört – .+, /).waitFor();
    await screenshot(k, 'helg-kommun-uppdrag-klart');

    expect(unexpectedErrors(kommun.errors)).toEqual([]);
    expect(unexpectedErrors(jour.errors, [400])).toEqual([]);
  });
});
