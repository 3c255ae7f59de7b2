// Chromium through playwright-core: a browser per test file, a fresh context per test.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, demoAccounts, totpCode } from './server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const skipReason = `Browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium).`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Errors the page logged or threw (a CSP violation shows up here). */
  errors: string[];
}

/** A fresh context (own cookies) with Swedish locale and Stockholm time. */
export async function openPage(browser: Browser, baseURL: string): Promise<Session> {
  const context = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1360, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[13]/.test(message.text())) errors.push(message.text());
  });
  return { context, page, errors };
}

/** Time steps already used per account: the server refuses a code twice, so a second sign-in takes the next step's code. */
const usedSteps = new Map<string, number>();

function nextCode(username: string, secret: string, now = Date.now()): string {
  let step = Math.floor(now / 30_000);
  if ((usedSteps.get(username) ?? -1) >= step) step = (usedSteps.get(username) ?? step) + 1;
  usedSteps.set(username, step);
  return totpCode(secret, new Date(Math.max(now, step * 30_000)));
}

/**
 * Sign in through the real login page: username and the demo password, then
 * the second-factor code when the page asks for it. Ends on the signed-in app.
 */
export async function signIn(page: Page, username: string, target = '/', serverNow?: () => Date): Promise<void> {
  const account = demoAccounts.find((a) => a.username === username);
  await page.goto(target === '/' ? '/logga-in' : `/logga-in?till=${encodeURIComponent(target)}`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  if (account?.totpSecret) {
    const code = page.getByLabel('Kod', { exact: true });
    await code.waitFor();
    // A server on a test clock checks the code at its own time.
    await code.fill(nextCode(username, account.totpSecret, serverNow?.().getTime()));
    await page.getByRole('button', { name: 'Fortsätt' }).click();
  }
  await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
}

/** Screenshots for a human to look at, when JOURBOK_E2E_SCREENSHOTS names a directory. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.JOURBOK_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/**
 * The page's errors, less the failed requests a test provoked on purpose (a
 * refused decision is a 400 in the browser's console, and must be).
 */
export function unexpectedErrors(errors: readonly string[], expectedStatuses: readonly number[] = []): string[] {
  if (expectedStatuses.length === 0) return [...errors];
  const provoked = new RegExp(`status of (${expectedStatuses.join('|')})`);
  return errors.filter((error) => !provoked.test(error));
}

/** `2026-11-23T01:30`: an instant as Stockholm wall clock, the value of a datetime-local field. */
export function stockholmLocal(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
