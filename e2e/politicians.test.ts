// On-call politicians and what follows from their decisions, in the browser:
// Täby keeps its on-call politicians; the jour sends the politician a one-time
// signing link for a decision taken by phone (the e-mail, over SMTP, carries
// only the link) and reads a six-digit code; the politician opens the link,
// outside the signed-in app, signs in with the code, reads the decision and
// signs it. A used, a replaced and an expired link each say so in Swedish. The
// unit manager's follow-up lists what still awaits a signature, Täby reports
// the signed decision to its committee, and the public routing page answers
// who serves Täby without a sign-in.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../packages/domain/src/persons/identity.ts';
import { startTestSmtp, type TestSmtp } from '../packages/server/test/support/smtp.ts';
import { hasChromium, launchBrowser, openPage, screenshot, signIn, skipReason, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

function childPersonnummer(): string {
  const serial = '352';
  return `20140918-${serial}${luhnCheckDigit(`140918${serial}`)}`;
}

// The test's clock: now, and later three days on (a signing link lasts 72 hours).
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

/** A JSON request as the signed-in page would make it (with the CSRF token). */
async function post<T>(page: Page, path: string, body: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const response = await page.request.post(path, { data: body, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

const signingLink = (text: string) => /\/signera#[A-Za-z0-9_-]+/.exec(text)?.[0];

describe.skipIf(!hasChromium)(hasChromium ? 'on-call politicians and remote signing' : skipReason, () => {
  let server: TestServer;
  let smtp: TestSmtp;
  let browser: Browser;
  let kommun: Session;
  let jour: Session;
  let chef: Session;
  let politician: Session;
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    [server, browser] = await Promise.all([startServer({ now: clock, env: { JOURBOK_SMTP_URL: smtp.url } }), launchBrowser()]);
    [kommun, jour, chef, politician] = await Promise.all([openPage(browser, server.url), openPage(browser, server.url), openPage(browser, server.url), openPage(browser, server.url)]);
    await signIn(kommun.page, 'demo.kommun', '/politiker', clock);
    await signIn(jour.page, 'demo.socialsekreterare', '/', clock);
  });

  afterAll(async () => {
    for (const s of [kommun, jour, chef, politician]) await s?.context.close();
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('Täby adds, changes and removes an on-call politician', async () => {
    const k = kommun.page;
    await k.getByRole('heading', { level: 1, name: 'Politiker i beredskap' }).waitFor();
    // Only Täby's own politicians (the demo's chair), never another municipality's.
    await k.getByRole('cell', { name: /^Gunilla Ek/ }).waitFor();
    expect(await k.getByRole('cell', { name: /^Karl Sjöberg/ }).count()).toBe(0);

    await k.getByRole('button', { name: 'Lägg till politiker' }).click();
    await k.getByLabel('Namn').fill('Pia Politiker');
    await k.getByLabel('Roll').selectOption({ label: 'Ledamot' });
    await k.getByLabel('Telefon').fill('070-555 12 34');
    await k.getByLabel('E-post (för signeringslänkar)').fill('inte-en-adress');
    const from = new Date(clock().getTime() - 3_600_000);
    const to = new Date(clock().getTime() + 10 * 86_400_000);
    const local = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d).replace(' ', 'T');
    await k.getByLabel('Beredskap från').fill(local(from));
    await k.getByLabel('Beredskap till').fill(local(to));
    await k.getByRole('button', { name: 'Spara' }).click();
    // A wrong address is named at its field.
    await k.getByText('Ange en giltig e-postadress').waitFor();
    await k.getByLabel('E-post (för signeringslänkar)').fill('pia.politiker@taby.example.se');
    await k.getByRole('button', { name: 'Spara' }).click();
    await k.getByText('Pia Politiker är sparad.').waitFor();
    const row = k.getByRole('row').filter({ hasText: 'Pia Politiker' });
    await row.getByText('I beredskap nu').waitFor();
    expect(await row.textContent()).toContain('Ledamot');

    await row.getByRole('button', { name: 'Ändra Pia Politiker' }).click();
    await k.getByLabel('Roll').selectOption({ label: 'Vice ordförande' });
    await k.getByRole('button', { name: 'Spara' }).click();
    await k.getByText('Pia Politiker är sparad.').waitFor();
    await row.getByText('Vice ordförande').waitFor();

    // A second one, removed again.
    await k.getByRole('button', { name: 'Lägg till politiker' }).click();
    await k.getByLabel('Namn').fill('Tillfällig Ledamot');
    await k.getByLabel('Telefon').fill('070-000 00 00');
    await k.getByLabel('Beredskap från').fill(local(from));
    await k.getByLabel('Beredskap till').fill(local(to));
    await k.getByRole('button', { name: 'Spara' }).click();
    await k.getByText('Tillfällig Ledamot är sparad.').waitFor();
    await k.getByRole('button', { name: 'Ta bort Tillfällig Ledamot' }).click();
    await k.getByRole('dialog', { name: 'Ta bort Tillfällig Ledamot?' }).getByRole('button', { name: 'Ta bort' }).click();
    await k.getByText('Tillfällig Ledamot är borttagen.').waitFor();
    // the message comes first, the refetched list a moment later
    await k.getByRole('row').filter({ hasText: 'Tillfällig Ledamot' }).waitFor({ state: 'detached' });
    expect(await k.getByRole('row').filter({ hasText: 'Tillfällig Ledamot' }).count()).toBe(0);
    await screenshot(k, 'politiker');
  });

  it('the jour sends a signing link; the politician signs with the code read by phone', async () => {
    // A child case with two decisions by the on-call politician, recorded by phone.
    const j = jour.page;
    const child = await post<{ id: string }>(j, '/api/persons', {
      identityKind: 'personnummer',
      identityNumber: childPersonnummer(),
      reserveIssuer: null,
      firstName: 'Iris',
      lastName: 'Signeradsson',
      birthYearApprox: null,
      homeMunicipalityCode: '0160',
      address: null,
      phone: null,
      email: null,
      protection: 'none',
      hiddenResidence: false,
      confirmedNew: true,
    });
    const created = await post<{ id: string; caseNumber: string }>(j, '/api/cases', {
      caseType: 'arende',
      contactChannel: 'polis',
      municipalityCode: '0160',
      categoryCode: 'barn_unga',
      summary: 'Polisen har hittat Iris ensam hemma.',
      persons: [{ personId: child.id, role: 'child' }],
    });
    caseId = created.id;
    caseNumber = created.caseNumber;
    const decision = { makerKind: 'politician', makerName: 'Pia Politiker', makerCapacity: 'Vice ordförande, Täby', communicatedVia: 'phone', subjectPersonId: child.id };
    await post(j, `/api/cases/${caseId}/decisions`, { ...decision, typeCode: 'LVU6', grounds: 'Iris riskerar allvarlig skada; rättens beslut kan inte avvaktas.' });

    // The decision on the case page: "Skicka signeringslänk" to the politician on call.
    await j.goto(`/arenden/${caseId}`);
    const article = j.getByRole('article', { name: 'Omedelbart omhändertagande 6 § LVU' });
    await article.getByRole('button', { name: 'Skicka signeringslänk' }).click();
    const dialog = j.getByRole('dialog', { name: 'Signeringslänk: Omedelbart omhändertagande 6 § LVU' });
    await dialog.getByLabel(/Pia Politiker, Vice ordförande/).check();
    smtp.clear();
    await dialog.getByRole('button', { name: 'Skicka länken' }).click();
    await dialog.getByText('Länken är skickad till Pia Politiker (pia.politiker@taby.example.se).').waitFor();
    const code = ((await dialog.getByLabel('Läs upp koden för politikern').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{6}$/);
    await screenshot(j, 'signering-kod');
    await dialog.getByRole('button', { name: 'Klar' }).click();

    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['pia.politiker@taby.example.se']);
    for (const secret of ['Iris', 'Signeradsson', childPersonnummer(), caseNumber, code, 'allvarlig skada']) expect(mail!.text).not.toContain(secret);
    const link = signingLink(mail!.text)!;
    expect(link).toBeDefined();

    // The politician, not signed in to Jourbok: the link alone shows nothing of the decision.
    const p = politician.page;
    const requested: string[] = [];
    p.on('request', (r) => requested.push(r.url()));
    await p.goto(link);
    await p.getByRole('heading', { level: 1, name: 'Signera beslut' }).waitFor();
    await p.getByRole('heading', { name: 'Logga in med koden' }).waitFor();
    expect(await p.getByText('Iris').count()).toBe(0);
    // The token stays in the fragment: no request URL carries it.
    const token = link.split('#')[1]!;
    expect(requested.some((u) => u.includes(token))).toBe(false);

    const wrong = code === '000000' ? '111111' : '000000';
    await p.getByLabel('Kod från jouren').fill(wrong);
    await p.getByRole('button', { name: 'Visa beslutet' }).click();
    await p.getByText(/Fel kod\. Kontrollera koden som jouren läste upp \(4 försök kvar\)/).waitFor();
    await p.getByLabel('Kod från jouren').fill(code);
    await p.getByRole('button', { name: 'Visa beslutet' }).click();
    const shown = p.getByRole('article', { name: 'Beslut: Omedelbart omhändertagande 6 § LVU' });
    await shown.getByText('Iris riskerar allvarlig skada; rättens beslut kan inte avvaktas.').waitFor();
    await shown.getByText(caseNumber).waitFor();
    await shown.getByText(/Iris Signeradsson/).waitFor();
    await p.getByRole('button', { name: 'Signera beslutet' }).click();
    await p.getByText('Bekräfta att du har läst beslutet.').waitFor();
    await p.getByLabel('Jag har läst beslutet och signerar det som mitt beslut.').check();
    await p.getByRole('button', { name: 'Signera beslutet' }).click();
    await p.getByText(/Beslutet är signerat .*Tack!/).waitFor();
    await screenshot(p, 'signering-klar');
    expect(requested.some((u) => u.includes(token))).toBe(false);

    // The link once used says so.
    await p.reload();
    await p.getByText('Länken är redan använd').waitFor();

    // The jour's case page shows the decision signed.
    await j.reload();
    await article.waitFor();
    expect(await article.getByRole('button', { name: 'Skicka signeringslänk' }).count()).toBe(0);
    expect(unexpectedErrors(politician.errors, [400, 404, 409])).toEqual([]);
  });

  it('a replaced and an expired link say so; the follow-up lists the decision awaiting a signature', async () => {
    const j = jour.page;
    const decision = await post<{ id: string }>(j, `/api/cases/${caseId}/decisions`, {
      typeCode: 'LVU6',
      makerKind: 'politician',
      makerName: 'Gunilla Ek',
      makerCapacity: 'Ordförande, Täby',
      communicatedVia: 'phone',
      grounds: 'Ett andra beslut att signera senare.',
      subjectPersonId: (await (await j.request.get(`/api/cases/${caseId}`)).json()).persons[0].id,
    });
    smtp.clear();
    await post(j, `/api/decisions/${decision.id}/signature-requests`, { politicianId: null, recipientName: 'Gunilla Ek', recipientEmail: 'gunilla.ek@taby.example.se' });
    await post(j, `/api/decisions/${decision.id}/signature-requests`, { politicianId: null, recipientName: 'Gunilla Ek', recipientEmail: 'gunilla.ek@taby.example.se' });
    const [first, second] = await smtp.waitFor(2);
    const p = politician.page;
    await p.goto(signingLink(first!.text)!);
    await p.getByText(/Länken har ersatts av en nyare eller dragits tillbaka/).waitFor();

    // The unit manager's follow-up lists it, with the latest link.
    await signIn(chef.page, 'demo.enhetschef', '/uppfoljning', clock);
    const c = chef.page;
    await c.getByRole('heading', { level: 1, name: 'Uppföljning' }).waitFor();
    const signatures = c.getByRole('list', { name: 'Beslut som väntar på signatur' });
    await signatures.getByRole('listitem').filter({ hasText: caseNumber }).filter({ hasText: 'Gunilla Ek' }).getByText(/Signeringslänk skickad – Gunilla Ek/).waitFor();
    expect(await signatures.getByRole('listitem').filter({ hasText: 'Pia Politiker' }).count()).toBe(0);
    await c.getByRole('heading', { name: /Försenade uppdrag/ }).waitFor();
    await c.getByRole('heading', { name: /Okvitterade jourrapporter/ }).waitFor();
    await screenshot(c, 'uppfoljning');

    // Three days on, the newer link has expired.
    offsetMs = 73 * 3_600_000;
    await p.goto('about:blank');
    await p.goto(signingLink(second!.text)!);
    await p.getByText('Länken har gått ut. Be jouren skicka en ny länk.').waitFor();
    // A link cut short says what to do.
    await p.goto('/signera');
    await p.getByText(/Länken saknar sin kod/).waitFor();
    offsetMs = 0;
  });

  it('Täby reports the signed decision to its committee', async () => {
    // A fresh browser (the morning after; the session from before has idled out on the test clock).
    await kommun.context.close();
    kommun = await openPage(browser, server.url);
    await signIn(kommun.page, 'demo.kommun', '/anmalan-till-namnd', clock);
    const k = kommun.page;
    await k.getByRole('heading', { level: 1, name: 'Anmälan till nämnd' }).waitFor();
    const row = k.getByRole('row').filter({ hasText: 'Pia Politiker' }).filter({ hasText: caseNumber });
    await row.waitFor();
    expect(await row.getByText('Inte signerat').count()).toBe(0);
    await row.getByRole('button', { name: `Markera som anmält: ${caseNumber}` }).first().click();
    const dialog = k.getByRole('dialog', { name: /Anmält till nämnd/ });
    await dialog.getByLabel('Sammanträdesdatum').fill('2026-12-15');
    await dialog.getByRole('button', { name: 'Markera som anmält' }).click();
    await k.getByText(`${caseNumber} är markerat som anmält.`).waitFor();
    await k.getByLabel('Visa').selectOption({ label: 'Anmälda' });
    await k.getByRole('row').filter({ hasText: 'Pia Politiker' }).getByText(/Anmält till sammanträdet 2026-12-15/).waitFor();
    expect(unexpectedErrors(kommun.errors)).toEqual([]);
  });

  it('the public routing page answers who serves Täby, without a sign-in', async () => {
    const anonymous = await openPage(browser, server.url);
    try {
      const page = anonymous.page;
      await page.goto('/vem-svarar');
      await page.getByRole('heading', { level: 1, name: 'Vem svarar?' }).waitFor();
      await page.getByLabel('Sök kommun').fill('täby');
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Täby' }) });
      await row.waitFor();
      expect(await row.textContent()).toContain('Socialjouren Nordost');
      expect(await row.textContent()).toMatch(/Öppen|Beredskap|Stängd/);
      expect(await page.getByRole('rowheader').count()).toBe(1);
      expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).count()).toBe(0);
      await screenshot(page, 'vem-svarar');
      expect(anonymous.errors).toEqual([]);
    } finally {
      await anonymous.context.close();
    }
  });
});
