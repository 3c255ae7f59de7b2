// Each demo role signs in through the real login page and sees exactly the
// navigation its abilities allow; a forbidden page says so; the header shows
// the unit's status.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, signIn, skipReason } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

const ALL_NAV = ['Passöversikt', 'Översikt', 'Nytt ärende', 'Inkorg', 'Aviseringar', 'Uppdrag', 'Uppföljning', 'Politiker i beredskap', 'Anmälan till nämnd', 'Schema', 'Beredskap', 'Personal', 'Samtalslogg', 'Avvikelser', 'Egenkontroller', 'Kalender', 'Statistik', 'Statistiköversikt', 'Verksamhetsplan', 'Import', 'Ekonomi', 'Organisation', 'Användare', 'Logg', 'Loggens integritet', 'Loggkontroll', 'Gallring', 'Registerutdrag', 'Inloggningstjänster', 'Telefonikopplingar'] as const;
type NavLabel = (typeof ALL_NAV)[number];

interface RoleCase {
  username: string;
  roleLabel: string;
  /** the first page after signing in: the shift board for jour staff, the overview for the rest */
  home: 'Passöversikt' | 'Översikt';
  nav: NavLabel[];
  /** may change the organisation */
  editsOrganisation: boolean;
  /** a page the role may not use */
  forbidden: string;
  /** more checks on the overview */
  overview?: (page: Page) => Promise<void>;
  extra?: (page: Page) => Promise<void>;
}

const cases: RoleCase[] = [
  {
    username: 'demo.socialsekreterare',
    roleLabel: 'Socialsekreterare',
    home: 'Passöversikt',
    nav: ['Passöversikt', 'Nytt ärende', 'Aviseringar', 'Uppdrag', 'Schema', 'Beredskap', 'Samtalslogg', 'Avvikelser', 'Kalender', 'Organisation'],
    editsOrganisation: false,
    forbidden: '/anvandare',
  },
  {
    username: 'demo.enhetschef',
    roleLabel: 'Enhetschef',
    home: 'Passöversikt',
    nav: ['Passöversikt', 'Nytt ärende', 'Aviseringar', 'Uppdrag', 'Uppföljning', 'Politiker i beredskap', 'Anmälan till nämnd', 'Schema', 'Beredskap', 'Personal', 'Samtalslogg', 'Avvikelser', 'Egenkontroller', 'Kalender', 'Statistik', 'Statistiköversikt', 'Verksamhetsplan', 'Import', 'Ekonomi', 'Organisation', 'Användare', 'Logg', 'Loggkontroll', 'Gallring', 'Registerutdrag'],
    editsOrganisation: true,
    forbidden: '/inloggningstjanster',
    extra: async (page) => {
      // The access review includes the integrity check.
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logg', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Logg' }).waitFor();
      await page.getByRole('button', { name: 'Kontrollera loggens integritet' }).waitFor();
    },
  },
  {
    username: 'demo.kommun',
    roleLabel: 'Kommunhandläggare',
    home: 'Översikt',
    nav: ['Översikt', 'Inkorg', 'Aviseringar', 'Uppdrag', 'Politiker i beredskap', 'Anmälan till nämnd', 'Kalender', 'Statistik', 'Verksamhetsplan', 'Organisation'],
    editsOrganisation: false,
    forbidden: '/logg',
    overview: async (page) => {
      await page.getByText('Du ser uppgifter för Täby.').waitFor();
    },
  },
  {
    username: 'demo.controller',
    roleLabel: 'Controller',
    home: 'Översikt',
    nav: ['Översikt', 'Kalender', 'Statistik', 'Verksamhetsplan', 'Ekonomi', 'Organisation'],
    editsOrganisation: false,
    forbidden: '/anvandare',
  },
  {
    username: 'demo.admin',
    roleLabel: 'Systemadministratör',
    home: 'Översikt',
    nav: ['Översikt', 'Kalender', 'Organisation', 'Användare', 'Loggens integritet', 'Inloggningstjänster', 'Telefonikopplingar'],
    editsOrganisation: true,
    forbidden: '/logg',
    extra: async (page) => {
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Loggens integritet' }).click();
      await page.getByRole('button', { name: 'Kontrollera loggens integritet' }).click();
      await page.getByText(/Loggen är hel: \d+ händelser kontrollerade/).waitFor();
    },
  },
];

/** Screenshots for a human to look at, when JOURBOK_E2E_SCREENSHOTS names a directory. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.JOURBOK_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await nav.getByRole('link').first().waitFor();
  return (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
}

describe.skipIf(!hasChromium)(hasChromium ? 'what each role sees' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for a username and password, and refuses a wrong password in Swedish', async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    try {
      await page.goto('/organisation');
      // Not signed in: the login page, which remembers where the user was going.
      await page.waitForURL(/\/logga-in\?till=%2Forganisation$/);
      await page.getByRole('heading', { level: 1, name: 'Jourbok – logga in' }).waitFor();
      await page.getByText('Socialjouren Nordost').first().waitFor();
      await page.getByLabel('Användarnamn').fill('demo.controller');
      await page.getByLabel('Lösenord').fill('fel-lösenord');
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord.' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sends a user whose session ended back to the login page, and then to where they were going', async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    try {
      await signIn(page, 'demo.controller');
      // The session ends on the server's side (here: the cookie is gone).
      await context.clearCookies();
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
      await page.waitForURL(/\/logga-in\?till=%2Forganisation$/);
      await signIn(page, 'demo.controller', '/organisation');
      await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
      // Signing out says so, and leads to the plain login page.
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.getByText('Du är utloggad.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const role of cases) {
    it(`${role.username}: navigation, status in the header, and a forbidden page`, async () => {
      const { page, context, errors } = await openPage(browser, server.url);
      try {
        await signIn(page, role.username);
        await page.getByRole('heading', { level: 1, name: role.home }).waitFor();
        await role.overview?.(page);
        await screenshot(page, `${role.username}-oversikt`);

        // The header: who is signed in, and the unit's status right now.
        const header = page.getByRole('banner');
        await header.getByText(role.roleLabel).waitFor();
        const status = page.getByRole('status', { name: 'Enhetens läge just nu' });
        await status.getByText(/^(Öppet|Beredskap|Stängt)$/).waitFor();
        expect(await status.textContent()).toMatch(/(till|öppnar) (\p{L}+ )?\d{2}:\d{2}/u);

        // The navigation: exactly what the role may use.
        const labels = await navLabels(page);
        expect(labels).toEqual(role.nav);
        for (const label of ALL_NAV.filter((l) => !role.nav.includes(l))) expect(labels).not.toContain(label);

        // Organisation: editable or read-only.
        await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
        await page.getByRole('heading', { level: 2, name: 'Kommuner' }).waitFor();
        await page.getByRole('cell', { name: '0160' }).waitFor();
        const save = page.getByRole('button', { name: 'Spara inställningar' });
        const edit = page.getByRole('button', { name: 'Ändra Täby' });
        if (role.editsOrganisation) {
          await save.waitFor();
          await edit.waitFor();
        } else {
          await page.getByText('Du kan se men inte ändra de här uppgifterna.').waitFor();
          expect(await save.count()).toBe(0);
          expect(await edit.count()).toBe(0);
        }

        await role.extra?.(page);

        // A page the role may not use, reached by its address.
        await page.goto(role.forbidden);
        await page.getByRole('heading', { level: 1, name: 'Du har inte behörighet' }).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
