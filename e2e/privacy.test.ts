// The unit manager's privacy work in the browser: an access review that finds
// the planted unusual access and is recorded with a conclusion; a subject
// access extract downloaded as PDF (the personnummer never in the address);
// a retention dry run, then the run.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, openPage, signIn, skipReason, unexpectedErrors, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/** The visible part of the page, for a human to look at, when JOURBOK_E2E_SCREENSHOTS names a directory. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.JOURBOK_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

describe.skipIf(!hasChromium)(hasChromium ? 'privacy: access review, subject access, retention' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;
  let chef: Session;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    chef = await openPage(browser, server.url);
    await signIn(chef.page, 'demo.enhetschef');
  });

  afterAll(async () => {
    await chef?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('access review: finds the unusual access and records the review with a conclusion', async () => {
    const { page } = chef;
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Loggkontroll' }).click();
    await page.getByRole('heading', { level: 1, name: 'Loggkontroll' }).waitFor();
    await page.getByRole('button', { name: 'Granska' }).click();
    await page.getByRole('heading', { name: 'Ovanlig åtkomst' }).waitFor();
    // The demo's planted accesses: a person of an old case opened outside the user's shifts, a protected identity, a burst of reads.
    await page.locator('tr[data-finding="outside_shift_cases"]', { hasText: 'Sara Lindqvist' }).first().waitFor();
    await page.locator('tr[data-finding="protected_identity"]').first().waitFor();
    await page.locator('tr[data-finding="volume"]').first().waitFor();
    await page.getByRole('heading', { name: 'Öppnade personuppgifter' }).waitFor();
    await page.getByRole('heading', { name: 'Ovanlig åtkomst' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'privacy-access-review');

    await page.getByLabel('Slutsats').fill('Sara Lindqvists läsning av ett gammalt ärende utreds; samtal bokat.');
    await page.getByRole('button', { name: 'Spara granskningen' }).click();
    await page.getByText('Granskningen är sparad.').waitFor();
    await page.getByRole('cell', { name: 'Sara Lindqvists läsning av ett gammalt ärende utreds; samtal bokat.' }).waitFor();

    // The thresholds are configuration.
    await page.getByText('Gränser för ovanlig åtkomst').click();
    await page.getByLabel('Ovanligt: gånger normalvärdet').fill('4');
    await page.getByRole('button', { name: 'Spara gränserna' }).click();
    await page.getByText('Gränserna är sparade.').waitFor();
    expect(unexpectedErrors(chef.errors)).toEqual([]);
  });

  it('subject access: the extract for a personnummer, downloaded as PDF', async () => {
    const { page } = chef;
    // A guardian of one of the demo's recent cases.
    const person = await server.database.db
      .selectFrom('person as p')
      .innerJoin('case_person as cp', 'cp.person_id', 'p.id')
      .innerJoin('jour_case as c', 'c.id', 'cp.case_id')
      .select(['p.identity_number', 'p.first_name', 'p.last_name'])
      .where('cp.role', '=', 'guardian')
      .where('p.protection', '=', 'none')
      .where('c.received_at', '>', new Date(Date.now() - 10 * 86_400_000))
      .executeTakeFirstOrThrow();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Registerutdrag' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registerutdrag' }).waitFor();
    await page.getByLabel('Personnummer').fill('19121212-1213');
    await page.getByRole('button', { name: 'Ta fram registerutdrag' }).click();
    await page.getByText('Personnumret är inte giltigt').waitFor();

    const number = person.identity_number!;
    await page.getByLabel('Personnummer').fill(`${number.slice(0, 8)}-${number.slice(8)}`);
    await page.getByRole('button', { name: 'Ta fram registerutdrag' }).click();
    await page.getByRole('heading', { name: `Registerutdrag för ${person.first_name} ${person.last_name}` }).waitFor();
    await page.getByText('Gör en sekretessprövning innan utdraget lämnas ut.').waitFor();
    expect(page.url()).not.toContain(number.slice(2, 8));

    await screenshot(page, 'privacy-subject-access');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hämta PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^registerutdrag-.*\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hämta JSON' }).click()]);
    const extract = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(extract.person).toMatchObject({ firstName: person.first_name, lastName: person.last_name });
    expect(extract.cases.length).toBeGreaterThan(0);
    expect(unexpectedErrors(chef.errors, [400])).toEqual([]);
    // The refused number above was a 400 on purpose.
    chef.errors.length = 0;
  });

  it('retention: a dry run lists what would go, then the run clears it', async () => {
    const { page } = chef;
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Gallring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gallring' }).waitFor();
    // The rules are configuration: an invalid change is refused with the field named, a valid one saved.
    await page.getByText('Gallras 5 år efter sista anteckningen').waitFor();
    await page.getByRole('button', { name: 'Ändra regler' }).click();
    await page.getByLabel('Antal år efter sista anteckningen').fill('0');
    await page.getByRole('button', { name: 'Spara reglerna' }).click();
    await page.locator('.field--invalid', { hasText: 'Antal år efter sista anteckningen' }).waitFor();
    await page.getByLabel('Antal år efter sista anteckningen').fill('5');
    await page.getByRole('button', { name: 'Spara reglerna' }).click();
    await page.getByText('Reglerna är sparade.').waitFor();
    chef.errors.length = 0;

    await page.getByRole('button', { name: 'Provkör (visa vad som gallras)' }).click();
    await page.getByRole('heading', { name: 'Provkörning' }).waitFor();
    await page.getByText(/\d+ ärenden gallras \(\d+ efter sista dag\), \d+ personer tas bort\./).waitFor();
    await page.locator('tr[data-verdict="remove"]').first().waitFor();
    await page.locator('tr[data-verdict="keep_birth_day"]').first().waitFor();
    const toRemove = await page.locator('tr[data-verdict="remove"]').count();
    await screenshot(page, 'privacy-retention');
    expect(toRemove).toBeGreaterThan(10);

    await page.getByRole('button', { name: 'Gallra nu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('tas bort för alltid').waitFor();
    await dialog.getByRole('button', { name: 'Gallra nu' }).click();
    await page.getByText(`Gallringen är klar: ${toRemove} ärenden gallrade.`).waitFor();
    await page.getByRole('cell', { name: new RegExp(`^${toRemove} ärenden, \\d+ anteckningar, \\d+ personer$`) }).waitFor();

    // A new dry run finds nothing more to remove.
    await page.getByRole('button', { name: 'Provkör (visa vad som gallras)' }).click();
    await page.getByText('Inget att gallra i dag.').waitFor();
    const retained = await server.database.db.selectFrom('jour_case').select('id').where('retained_at', 'is not', null).execute();
    expect(retained.length).toBe(toRemove);
    expect(unexpectedErrors(chef.errors)).toEqual([]);
  });
});
