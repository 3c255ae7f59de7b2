// Security in the browser: script stored in text fields stays text on every
// page that shows it, and the built app runs under a content security policy
// that allows no inline script (any violation is an error the page logs).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, signIn, skipReason, type Session } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

/** Each payload, if it ran, would set window.__xss; the marker makes each field's text findable. */
const payloads = (marker: string) => [
  `${marker}<script>window.__xss='${marker}'</script>`,
  `${marker}<img src=x onerror="window.__xss='${marker}'">`,
  `${marker}"><svg onload="window.__xss='${marker}'">`,
];

async function api(page: Page, method: 'POST' | 'PUT', url: string, data: unknown): Promise<Record<string, unknown>> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const response = await page.request.fetch(url, { method, headers: { 'x-csrf-token': session.csrfToken }, data });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const person = (firstName: string, lastName: string, address: string) => ({
  identityKind: 'unknown',
  identityNumber: null,
  reserveIssuer: null,
  firstName,
  lastName,
  birthYearApprox: 1990,
  homeMunicipalityCode: null,
  address,
  phone: null,
  email: null,
  protection: 'none',
  hiddenResidence: false,
  confirmedNew: true,
});

/** Visit a page, wait for it to settle, and say whether any planted script ran. */
async function visit(s: Session, path: string): Promise<void> {
  await s.page.goto(path);
  await s.page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
  await s.page.waitForLoadState('networkidle').catch(() => {});
  const ran = await s.page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null);
  expect(ran, `script ran on ${path}`).toBeNull();
}

describe.skipIf(!hasChromium)(hasChromium ? 'security in the browser' : skipReason, () => {
  let server: TestServer;
  let browser: Browser;
  let jour: Session;
  let chef: Session;
  let admin: Session;
  let kommun: Session;
  const dialogs: string[] = [];
  let caseId = '';
  let personId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    jour = await openPage(browser, server.url);
    chef = await openPage(browser, server.url);
    admin = await openPage(browser, server.url);
    kommun = await openPage(browser, server.url);
    for (const s of [jour, chef, admin, kommun]) s.page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await signIn(jour.page, 'demo.socialsekreterare');
    await signIn(chef.page, 'demo.enhetschef');
    await signIn(admin.page, 'demo.admin');
    await signIn(kommun.page, 'demo.kommun');

    // Script in the text fields of a case, its person, journal and handover note ...
    const [summary] = payloads('XSS-SUMMARY');
    const created = await api(jour.page, 'POST', '/api/cases', {
      caseType: 'arende',
      contactChannel: 'polis',
      reporterName: payloads('XSS-REPORTER')[1],
      reporterOrganisation: payloads('XSS-REPORTERORG')[2],
      municipalityCode: '0160',
      categoryCode: 'barn_unga',
      summary,
      persons: [{ person: person(payloads('XSS-FIRST')[1]!, payloads('XSS-LAST')[0]!, payloads('XSS-ADDRESS')[2]!), role: 'adult' }],
    });
    caseId = created.id as string;
    const view = (await (await jour.page.request.get(`/api/cases/${caseId}`)).json()) as { persons: { id: string }[] };
    personId = view.persons[0]!.id;
    await api(jour.page, 'POST', `/api/cases/${caseId}/journal`, { kind: 'note', body: payloads('XSS-JOURNAL')[1] });
    await api(jour.page, 'POST', '/api/board/notes', { body: payloads('XSS-NOTE')[2] });
    // ... in a municipality's notice and assignment ...
    await api(kommun.page, 'POST', '/api/notices', {
      persons: [{ personId }],
      level: 'must_read',
      title: payloads('XSS-NOTICE')[1],
      shouldNotDo: payloads('XSS-SHOULDNOT')[0],
      instructions: ['no_economic_aid'],
      validFrom: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      validTo: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
      contactName: payloads('XSS-CONTACT')[2],
      contactPhone: '08-555 000 00',
    });
    await api(kommun.page, 'POST', '/api/assignments', {
      title: payloads('XSS-ASSIGNMENT')[1],
      persons: [{ personId }],
      windowFrom: new Date(Date.now() - 3_600_000).toISOString(),
      windowTo: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      recurrence: 'daily',
      dailyFrom: '19:00',
      dailyTo: '21:00',
      contactName: payloads('XSS-ACONTACT')[0],
      contactPhone: '08-555 000 00',
    });
    // ... and in what the administrator names: a user, a category.
    await api(admin.page, 'POST', '/api/users', { username: 'xss.user', displayName: payloads('XSS-USER')[1], email: null, role: 'controller', municipalityCode: null });
    await api(chef.page, 'POST', '/api/organisation/categories', { code: 'xss_kategori', name: payloads('XSS-CATEGORY')[0], sortOrder: 99, isPrioritised: false, isActive: true });
  }, 600_000);

  afterAll(async () => {
    for (const s of [jour, chef, admin, kommun]) await s?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('serves every page with a content security policy that allows no inline script, and the built app has none', async () => {
    const response = await jour.page.request.get('/');
    const policy = response.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    const html = await response.text();
    // every script is a file from the same origin
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(tag).toMatch(/\ssrc="\/[^"]+"/);
      expect(tag.replace(/<script\b[^>]*>/, '').replace('</script>', '').trim()).toBe('');
    }
    for (const path of ['/api/session', '/logga-in', '/finns-inte']) {
      expect((await jour.page.request.get(path)).headers()['content-security-policy'], path).toBe(policy);
    }
  });

  it('shows stored script as text on the case and person pages, and runs none of it', async () => {
    await visit(jour, `/arenden/${caseId}`);
    const text = await jour.page.locator('main').innerText();
    expect(text).toContain("XSS-SUMMARY<script>window.__xss='XSS-SUMMARY'</script>");
    expect(text).toContain('XSS-JOURNAL<img src=x onerror=');
    await visit(jour, `/personer/${personId}`);
    expect(await jour.page.locator('main').innerText()).toContain('XSS-FIRST<img src=x onerror=');
  });

  it('runs no planted script on any page of any role, and the pages break no policy', async () => {
    const pages: [Session, string[]][] = [
      [jour, ['/', '/arenden/nytt', '/aviseringar', '/uppdrag', '/kalender', `/arenden/${caseId}`, `/personer/${personId}`]],
      [chef, ['/', '/organisation', '/logg', '/aviseringar', '/uppdrag', `/arenden/${caseId}`]],
      [admin, ['/', '/anvandare', '/organisation', '/logg/integritet', '/inloggningstjanster']],
      [kommun, ['/', '/inkorg', '/aviseringar', '/uppdrag']],
    ];
    for (const [session, paths] of pages) for (const path of paths) await visit(session, path);
    expect(dialogs).toEqual([]);
    for (const s of [jour, chef, admin, kommun]) {
      const violations = s.errors.filter((e) => /Content Security Policy|Refused to/i.test(e));
      expect(violations).toEqual([]);
    }
    // the planted text did reach the pages that list it
    await visit(jour, '/');
    expect(await jour.page.locator('main').innerText()).toContain('XSS-NOTE');
    await visit(admin, '/anvandare');
    expect(await admin.page.locator('main').innerText()).toContain('XSS-USER<img src=x');
  });
});
