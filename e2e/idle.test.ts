// Idle sign-out: after the idle timeout without the user's own activity the
// app warns, then signs out to the login page, which says why. The page's
// clock is fast-forwarded (Playwright's clock); the server's session is fresh.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, signIn, skipReason } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!hasChromium)(hasChromium ? 'idle sign-out' : skipReason, () => {
  it('warns a minute before, then signs out to the login page with the reason, without an error page', async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    try {
      await page.clock.install();
      await signIn(page, 'demo.socialsekreterare');
      // a case open on screen when the session ends (its page reads the user, the case and more)
      const caseId = await page.evaluate(async () => {
        const board = (await (await fetch('/api/board')).json()) as { openCases: { id: string }[]; recentlyClosed: { id: string }[] };
        return [...board.openCases, ...board.recentlyClosed][0]!.id;
      });
      await page.goto(`/arenden/${caseId}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.clock.fastForward('29:10');
      await page.getByRole('dialog', { name: 'Du loggas snart ut' }).waitFor();
      await page.clock.fastForward('01:00');
      await page.getByText('Du loggades ut efter en tids inaktivitet.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      expect(await page.getByText('Unexpected Application Error').count()).toBe(0);
      expect(errors).toEqual([]);
      // and the session is over on the server too
      const session = await page.evaluate(async () => (await (await fetch('/api/session')).json()) as { stage: string });
      expect(session.stage).toBe('anonymous');
    } finally {
      await context.close();
    }
  });
});
