// Administration through the browser: the administrator creates a user (who
// then signs in with the one-time password, enrols a second factor and picks a
// new password); the unit manager changes a municipality's functional mailbox,
// is told in Swedish when the address is invalid, and finds the change in the log.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, signIn, skipReason } from './support/browser.ts';
import { startServer, totpCode, type TestServer } from './support/server.ts';

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.JOURBOK_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

describe.skipIf(!hasChromium)(hasChromium ? 'administration' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the administrator creates a user, who signs in with the one-time password', async () => {
    const admin = await openPage(browser, server.url);
    let initialPassword = '';
    try {
      const { page } = admin;
      await signIn(page, 'demo.admin');
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click();
      await page.getByRole('rowheader', { name: 'Sara Lindqvist' }).waitFor();

      await page.getByRole('button', { name: 'Ny användare' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ny användare' });
      // A local check first: the contract's Swedish message next to the field.
      await dialog.getByRole('button', { name: 'Skapa användare' }).click();
      await dialog.getByText('Ange namn').waitFor();
      expect(await dialog.getByLabel('Namn', { exact: true }).getAttribute('aria-invalid')).toBe('true');

      await dialog.getByLabel('Namn', { exact: true }).fill('Nils Nattsson');
      await dialog.getByLabel('Användarnamn').fill('nils.nattsson');
      await dialog.getByLabel('E-post').fill('nils.nattsson@example.se');
      await dialog.getByLabel('Roll').selectOption({ label: 'Socialsekreterare' });
      await dialog.getByRole('button', { name: 'Skapa användare' }).click();

      const shown = page.getByRole('dialog', { name: 'Engångslösenord' });
      await shown.getByText('Det visas bara nu').waitFor();
      initialPassword = ((await shown.getByTestId('one-time-password').textContent()) ?? '').trim();
      expect(initialPassword.length).toBeGreaterThanOrEqual(12);
      await shown.getByRole('button', { name: 'Kopiera' }).waitFor();
      await screenshot(page, 'admin-engangslosenord');
      await shown.getByRole('button', { name: 'Stäng', exact: true }).first().click();

      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Nils Nattsson' }) });
      await row.getByText('Aktiv').waitFor();
      expect(await row.textContent()).toContain('nils.nattsson');
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }

    // The new user: one-time password → enrol the second factor → a new password → the start page.
    const user = await openPage(browser, server.url);
    try {
      const { page } = user;
      await page.goto('/kalender');
      await page.getByLabel('Användarnamn').fill('nils.nattsson');
      await page.getByLabel('Lösenord').fill(initialPassword);
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();

      await page.getByRole('heading', { name: 'Aktivera tvåstegsverifiering' }).waitFor();
      await page.getByRole('img', { name: /QR-kod/ }).waitFor();
      const secret = ((await page.locator('.enroll__secret').textContent()) ?? '').replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await page.getByLabel('Kod', { exact: true }).fill(totpCode(secret, new Date()));
      await page.getByRole('button', { name: 'Aktivera' }).click();

      await page.getByRole('heading', { name: 'Byt lösenord innan du fortsätter' }).waitFor();
      await page.getByLabel('Nuvarande lösenord').fill(initialPassword);
      await page.getByLabel('Nytt lösenord', { exact: true }).fill('kort');
      await page.getByLabel('Upprepa nytt lösenord').fill('kort');
      await page.getByRole('button', { name: 'Byt lösenord' }).click();
      await page.getByText('Lösenordet ska ha minst 12 tecken').waitFor();

      await page.getByLabel('Nytt lösenord', { exact: true }).fill('nattjour i nordost');
      await page.getByLabel('Upprepa nytt lösenord').fill('nattjour i nordost');
      await page.getByRole('button', { name: 'Byt lösenord' }).click();

      // Back where the user was going.
      await page.getByRole('heading', { level: 1, name: 'Kalender' }).waitFor();
      await page.getByRole('banner').getByText('Nils Nattsson').waitFor();
      await page.locator('[aria-current="date"]').waitFor();
      await screenshot(page, 'kalender');
      expect(user.errors).toEqual([]);
    } finally {
      await user.context.close();
    }
  });

  it('the unit manager changes a functional mailbox and finds the change in the log', async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    try {
      await signIn(page, 'demo.enhetschef', '/organisation');
      await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();

      await page.getByRole('button', { name: 'Ändra Täby' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ändra Täby' });
      const mailbox = dialog.getByLabel('Funktionsbrevlåda');
      await mailbox.fill('socialjour.taby.se');
      await dialog.getByRole('button', { name: 'Spara' }).click();
      await dialog.getByText('Ange en giltig e-postadress').waitFor();
      expect(await mailbox.getAttribute('aria-invalid')).toBe('true');
      // The message is tied to the field for screen readers, and focus is on it.
      const describedBy = (await mailbox.getAttribute('aria-describedby')) ?? '';
      expect(await dialog.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('Ange en giltig e-postadress');
      expect(await mailbox.evaluate((el) => el === document.activeElement)).toBe(true);
      await screenshot(page, 'enhetschef-faltfel');

      await mailbox.fill('socialjour@taby.se');
      await dialog.getByRole('button', { name: 'Spara' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('”Täby” är sparad.').waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Täby' }) });
      await row.getByText('socialjour@taby.se').waitFor();

      // The access review: search the log for municipality changes.
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logg', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Logg' }).waitFor();
      await page.getByLabel('Händelse').selectOption({ label: 'Kommun ändrad' });
      await page.getByRole('button', { name: 'Sök', exact: true }).click();
      await page.waitForURL(/handelse=municipality\.updated/);
      const event = page.getByRole('row').filter({ hasText: 'Kommun ändrad' });
      await event.first().waitFor();
      // The table may re-render once more as the search settles: wait for it.
      await expect.poll(() => event.count()).toBe(1);
      const text = (await event.first().textContent()) ?? '';
      expect(text).toContain('Lotta Stensö');
      expect(text).toContain('Enhetschef');
      expect(text).toContain('Kommun: Täby');
      expect(text).toContain('Ändrat: funktionsbrevlåda');
      await screenshot(page, 'enhetschef-logg');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
