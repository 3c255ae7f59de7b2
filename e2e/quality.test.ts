// Systematic quality work in the browser: a social worker registers a
// deviation flagged as a possible lex Sarah matter and the unit manager sees
// it raised, assesses and closes it; the telephony system posts a missed call
// and the board shows a callback task until someone has called back; a
// planned self-inspection becomes due at midnight and is recorded.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../packages/domain/src/calendar/dates.ts';
import { localDateOf, startOfDay } from '../packages/domain/src/calendar/time.ts';
import { hasChromium, launchBrowser, openPage, screenshot, signIn, skipReason, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

const TZ = 'Europe/Stockholm';

describe.skipIf(!hasChromium)(hasChromium ? 'quality work' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;
  let worker: Session;
  let chef: Session;
  let admin: Session;
  // The server's clock runs with the real one, moved forward when the test says so.
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ clock, env: { JOURBOK_SESSION_IDLE_MINUTES: '1440', JOURBOK_SESSION_MAX_HOURS: '72' } }), launchBrowser()]);
    worker = await openPage(browser, server.url);
    chef = await openPage(browser, server.url);
    admin = await openPage(browser, server.url);
    await signIn(worker.page, 'demo.socialsekreterare');
    await signIn(chef.page, 'demo.enhetschef');
    await signIn(admin.page, 'demo.admin');
  });

  afterAll(async () => {
    for (const s of [worker, chef, admin]) await s?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('a deviation flagged as possible lex Sarah is raised to the unit manager, assessed and closed', async () => {
    const title = 'Uppdrag över helgen blev inte utfört';
    const page = worker.page;
    await page.goto('/avvikelser');
    await page.getByRole('heading', { level: 1, name: 'Avvikelser och klagomål' }).waitFor();
    await page.getByRole('button', { name: 'Registrera avvikelse eller klagomål' }).click();
    await page.getByLabel('Område').selectOption('handling');
    await page.getByLabel('Rubrik').fill(title);
    await page.getByLabel('Vad hände?').fill('Ett uppdrag från kommunen över helgen utfördes inte och dokumenterades inte för nästa pass.');
    await page.getByLabel('Kan vara ett lex Sarah-ärende').check();
    await page.getByLabel('Varför?').fill('Barnet fick inte den tillsyn kommunen beställt.');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByText(/AV-\d{4}-\d{3} är registrerad\./).waitFor();
    await page.getByText('Lex Sarah – ska bedömas').first().waitFor();

    // The unit manager's board raises it.
    const boss = chef.page;
    await boss.goto('/');
    const raised = boss.getByRole('list', { name: 'Möjliga lex Sarah-ärenden att bedöma' });
    await raised.getByRole('link', { name: new RegExp(title) }).click();
    await boss.getByRole('heading', { name: new RegExp(title) }).waitFor();
    await screenshot(boss, 'quality-deviation');
    await boss.getByLabel('Ansvarig', { exact: true }).selectOption({ label: 'Lotta Stensö' });
    await boss.getByRole('button', { name: 'Utse ansvarig' }).click();
    await boss.getByLabel('Analys: varför hände det?').fill('Passet bemannades av vikarier; rutin för inkomna uppdrag saknades.');
    await boss.getByLabel('Åtgärd', { exact: true }).fill('Ny rutin: uppdrag över helg förs in i Jourbok och kvitteras av varje pass.');
    await boss.getByRole('button', { name: 'Spara analys och åtgärd' }).click();
    await boss.getByText('Dokumenterad av Lotta Stensö').waitFor();
    await boss.getByRole('button', { name: 'Avsluta' }).click();
    await boss.getByText('Bedöm först om det är ett lex Sarah-ärende.').waitFor();
    await boss.getByLabel('Bedömning').selectOption('investigation');
    await boss.getByLabel('Motivering').fill('Utreds enligt rutinen för lex Sarah.');
    await boss.getByRole('button', { name: 'Spara bedömning' }).click();
    await boss.getByText('Lex Sarah: Utreds enligt lex Sarah').waitFor();
    await boss.getByLabel('Kommentar vid avslut').fill('Genomgånget på gruppmöte.');
    await boss.getByRole('button', { name: 'Avsluta' }).click();
    await boss.getByText(/Avslutad av Lotta Stensö/).waitFor();

    await boss.goto('/');
    await boss.getByRole('heading', { name: 'Kvalitet' }).waitFor();
    expect(await boss.getByRole('link', { name: new RegExp(title) }).count()).toBe(0);
    expect(unexpectedErrors(worker.errors)).toEqual([]);
    expect(unexpectedErrors(chef.errors, [409])).toEqual([]);
  });

  it('a missed call posted by the telephony system shows a callback task on the board until someone calls back', async () => {
    const page = admin.page;
    await page.goto('/telefonikopplingar');
    await page.getByLabel('Namn på systemet').fill('Växeln');
    await page.getByRole('button', { name: 'Lägg till system' }).click();
    const token = (await page.getByTestId('new-token').textContent())!.trim();
    expect(token).toMatch(/^jbt_/);

    const board = worker.page;
    await board.goto('/');
    await board.getByRole('heading', { name: 'Ring upp' }).waitFor();
    const post = (auth: string, body: unknown) => fetch(`${server.url}/api/telephony/calls`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify(body) });
    const call = { occurredAt: new Date(clock.now().getTime() - 60_000).toISOString(), line: '2', outcome: 'missed', callerNumber: '070-555 66 77', externalId: 'e2e-1' };
    expect((await post('Bearer jbt_not-a-token', call)).status).toBe(401);
    const res = await post(`Bearer ${token}`, call);
    expect(res.status).toBe(200);

    // The board updates live: no reload.
    const tasks = board.getByRole('list', { name: 'Ring upp' });
    const task = tasks.locator('li', { hasText: '070-555 66 77' });
    await task.waitFor();
    await screenshot(board, 'quality-board-callbacks');
    await task.getByRole('button', { name: 'Uppringd' }).click();
    await task.waitFor({ state: 'detached' });

    await board.goto('/samtal');
    await board.getByRole('cell', { name: '070-555 66 77' }).waitFor();
    await board.getByRole('row', { name: /070-555 66 77/ }).getByText('Uppringd').waitFor();

    // A revoked token is refused.
    await page.getByRole('button', { name: 'Återkalla' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Återkalla' }).click();
    await page.getByText(/Återkallad av Anna Berg/).waitFor();
    expect((await post(`Bearer ${token}`, { ...call, externalId: 'e2e-2' })).status).toBe(401);
    expect(unexpectedErrors(worker.errors)).toEqual([]);
    expect(unexpectedErrors(admin.errors)).toEqual([]);
  });

  it('a planned self-inspection becomes due at midnight and is recorded', async () => {
    const today = localDateOf(clock.now().toISOString(), TZ);
    const tomorrow = addDays(today, 1);
    const page = chef.page;
    await page.goto('/egenkontroller');
    await page.getByRole('button', { name: 'Planera egenkontroll' }).click();
    await page.getByLabel('Slag av kontroll').selectOption('case_sampling');
    await page.getByLabel('Benämning').fill('Stickprov e2e');
    await page.getByLabel('Dag i månaden').fill(String(Number(tomorrow.slice(8))));
    await page.getByLabel('Första kontrolldatum').fill(tomorrow);
    await page.getByLabel('Antal ärenden i stickprovet').fill('3');
    await page.getByRole('button', { name: 'Spara plan' }).click();
    const plan = page.locator('li[data-plan="Stickprov e2e"]');
    await plan.getByText('Snart').waitFor();
    await page.goto('/');
    await page.getByRole('list', { name: 'Egenkontroller att göra' }).locator('li', { hasText: 'Stickprov e2e' }).getByText(`Snart, ${tomorrow}`).waitFor();
    await screenshot(page, 'quality-manager-board');

    // Five minutes past midnight: it is due today.
    offsetMs = startOfDay(tomorrow, TZ).epochMilliseconds + 5 * 60_000 - Date.now();
    await page.reload();
    await page.getByRole('list', { name: 'Egenkontroller att göra' }).locator('li', { hasText: 'Stickprov e2e' }).getByText(`Ska göras i dag, ${tomorrow}`).waitFor();
    await page.goto('/egenkontroller');
    await plan.getByText('Ska göras i dag').waitFor();
    await plan.getByRole('button', { name: 'Gör kontrollen' }).click();
    const sample = plan.getByRole('list', { name: 'Slumpmässigt utvalda avslutade ärenden' });
    await sample.waitFor();
    expect(await sample.getByRole('link').count()).toBe(3);
    await screenshot(page, 'quality-self-inspection');
    await plan.getByLabel('Utförd av').selectOption({ label: 'Sara Lindqvist' });
    await plan.getByLabel('Vad visade kontrollen?').fill('Ett av tre ärenden saknade skyddsbedömning i journalen.');
    await plan.getByLabel('Vad följer av den?').fill('Tas upp på gruppmötet.');
    await plan.getByRole('button', { name: 'Dokumentera kontrollen' }).click();
    await page.getByText('Kontrollen är dokumenterad.').waitFor();
    await plan.getByText('Tidigare kontroller').click();
    await plan.getByText(new RegExp(`${tomorrow}: utförd av Sara Lindqvist`)).waitFor();
    await plan.getByText('Planerad').waitFor();
    expect(unexpectedErrors(chef.errors, [409])).toEqual([]);
  });
});
