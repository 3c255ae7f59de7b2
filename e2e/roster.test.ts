// Staffing in the browser: the unit manager generates a roster with the solver, moves a
// shift by hand and sees the weekly-rest violation it causes, then records a long standby
// call-out and is proposed a substitute for the shift whose rest it broke.
//
// The server runs on its own clock, set to a Tuesday 11:00 in Stockholm, so that a call-out
// ending in the morning always falls within 11 hours of that day's 16:30 shift.
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, checkRoster, dayTypeOf, defaultRosterRules, isoWeekday, nordostCalendar, type Assignment } from '../packages/domain/src/index.ts';
import { inTransaction, systemPrincipal } from '../packages/server/src/app/context.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { createLogger } from '../packages/server/src/log.ts';
import { seedDemo } from '../packages/server/src/seed/demo.ts';
import { hasChromium, launchBrowser, openPage, skipReason, type Session } from './support/browser.ts';
import { DEMO_PASSWORD, demoAccounts, ensureWebBuilt, totpCode, webDist } from './support/server.ts';

interface RosterJson {
  id: string;
  startDate: string;
  weeks: number;
  staff: { id: string; name: string }[];
  assignments: { id: string; staffId: string; date: string; kind: Assignment['kind'] }[];
}

/** A Tuesday that is an ordinary workday (opening 16:30), at least a week ahead. */
function fakeToday(): string {
  let date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  while (isoWeekday(date) !== 2 || dayTypeOf(date, nordostCalendar) !== 'workday') date = addDays(date, 1);
  return date;
}

describe.skipIf(!hasChromium)(hasChromium ? 'the roster' : skipReason, () => {
  const today = fakeToday();
  // 10:00 UTC: 11:00 in winter, 12:00 in summer.
  const offset = Date.parse(`${today}T10:00:00Z`) - Date.now();
  const clock = { now: () => new Date(Date.now() + offset) };
  let url: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let manager: Session;

  beforeAll(async () => {
    ensureWebBuilt();
    const database = await openDatabase({ memory: true });
    await migrate(database.db);
    const config = loadConfig({ JOURBOK_DEMO: 'true', JOURBOK_LOG_LEVEL: 'silent', JOURBOK_WEB_DIST: webDist });
    const deps = { database, config, clock, log: createLogger(config) };
    await inTransaction(deps, systemPrincipal(null, 'demo'), null, seedDemo);
    const app = await buildApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    close = async () => {
      await app.close();
      await database.close();
    };
    browser = await launchBrowser();
    manager = await openPage(browser, url);
    // Sign in with a code from the server's clock.
    const { page } = manager;
    await page.goto('/logga-in?till=%2Fschema');
    await page.getByLabel('Användarnamn').fill('demo.enhetschef');
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByLabel('Kod', { exact: true }).fill(totpCode(demoAccounts.find((a) => a.username === 'demo.enhetschef')!.totpSecret!, clock.now()));
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
  });

  afterAll(async () => {
    await manager?.context.close();
    await browser?.close();
    await close?.();
  });

  const getJson = async <T>(path: string): Promise<T> => {
    const res = await manager.context.request.get(`${url}${path}`);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };

  it('generates a roster, and a shift moved by hand shows the rest violation it causes', async () => {
    const { page } = manager;
    await page.getByRole('heading', { level: 1, name: 'Schema' }).waitFor();
    await page.getByLabel('Antal veckor').fill('4');
    await page.getByLabel('Tidsgräns för lösaren (sekunder)').fill('6');
    await page.getByRole('button', { name: 'Generera schema' }).click();
    await page.getByRole('heading', { name: /Utkast/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: /Regelbrott/ }).waitFor();

    // Plan, with the domain's checker, the fewest hand moves that take away someone's weekly
    // rest: give person B the shifts of their free days in one week (all seven days, or Monday
    // to Saturday: a free Sunday ends in the next period).
    const { rosters } = await getJson<{ rosters: { id: string; status: string }[] }>('/api/rosters');
    const roster = await getJson<RosterJson>(`/api/rosters/${rosters.find((r) => r.status === 'draft')!.id}`);
    const input = { calendar: nordostCalendar, rules: defaultRosterRules, from: roster.startDate, days: roster.weeks * 7, requiredPerShift: 2, staff: roster.staff, requests: [], callOuts: [] };
    const base = roster.assignments.map((a) => ({ id: a.id, staffId: a.staffId, date: a.date, kind: a.kind }));
    let plan: { person: string; week: number; moves: RosterJson['assignments'] } | null = null;
    for (const person of roster.staff) {
      for (let week = 0; week < roster.weeks; week++) {
        const days = Array.from({ length: 7 }, (_, d) => addDays(roster.startDate, week * 7 + d));
        const free = days.filter((date) => !base.some((a) => a.staffId === person.id && a.date === date && a.kind === 'open'));
        for (const targets of [free, free.filter((date) => date !== days[6])]) {
          const moves = targets.map((date) => base.find((a) => a.date === date && a.kind === 'open' && a.staffId !== person.id)!);
          if (moves.some((m) => !m) || (plan && moves.length >= plan.moves.length)) continue;
          const moved = base.map((a) => (moves.some((m) => m.id === a.id) ? { ...a, staffId: person.id } : a));
          if (checkRoster({ ...input, assignments: moved }).some((v) => v.rule === 'weekly_rest' && v.staffId === person.id && v.date === days[0])) plan = { person: person.id, week, moves };
        }
      }
    }
    expect(plan).not.toBeNull();
    const nameOf = (id: string) => roster.staff.find((s) => s.id === id)!.name;
    const name = nameOf(plan!.person);

    await page.getByLabel('Vecka', { exact: true }).selectOption(String(plan!.week));
    for (const m of plan!.moves) {
      await page.getByRole('button', { name: `Flytta pass för ${nameOf(m.staffId)} ${m.date}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Till person').selectOption({ label: name });
      await dialog.getByRole('button', { name: 'Flytta' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: `Flytta pass för ${name} ${m.date}` }).waitFor();
    }
    const violation = page.locator('[data-rule="weekly_rest"]').first();
    await violation.waitFor();
    expect(await violation.textContent()).toContain(`${name}: veckan från`);
    expect(await violation.textContent()).toContain('minst 36 h krävs');
    // The grid marks the cell too.
    await page.locator('.roster-cell--broken').first().waitFor();
  });

  it('records a long call-out and proposes a rested substitute for the shift it broke', async () => {
    const { page } = manager;
    // Someone on today's 16:30 shift in the running (published) roster.
    const { rosters } = await getJson<{ rosters: { id: string; status: string }[] }>('/api/rosters');
    const running = await getJson<RosterJson>(`/api/rosters/${rosters.find((r) => r.status === 'published')!.id}`);
    // (not the one on standby this morning: the demo's own call-out already broke that one's rest)
    const onStandby = running.assignments.filter((a) => a.kind === 'standby' && a.date === today).map((a) => a.staffId);
    const shift = running.assignments.find((a) => a.date === today && a.kind === 'open' && !onStandby.includes(a.staffId))!;
    const name = running.staff.find((s) => s.id === shift.staffId)!.name;

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Beredskap', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Beredskap' }).waitFor();
    await page.getByLabel('Medarbetare').selectOption({ label: name });
    await page.getByLabel('Larmad').fill(`${today}T05:40`);
    await page.getByLabel('Började').fill(`${today}T06:00`);
    await page.getByLabel('Tillbaka').fill(`${today}T07:30`);
    await page.getByLabel('Anteckning (inga personuppgifter)').fill('Polisen: ungdom omhändertagen.');
    await page.getByRole('button', { name: 'Registrera utryckning' }).click();
    const alert = page.locator('.rest-alert').filter({ hasText: `${name} var ute på beredskap till 07:30` }).first();
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('9 h vila');
    expect(text).toContain('tidigast 18:30');
    // Tuesday: Leila Karimi (whole shifts) and Hanna Wik (until 24:00) are available and rested.
    expect(text).toContain('Leila Karimi (Pass');
    expect(text).toContain('Hanna Wik (Pass till 24:00');

    // The roster shows the gap with the same proposal, and the manager puts the substitute in.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Schema' }).click();
    await page.getByLabel('Schema', { exact: true }).selectOption({ index: rosters.findIndex((r) => r.id === running.id) });
    const gap = page.locator('.roster-gaps li').filter({ hasText: `${today}:` }).filter({ hasText: 'får inte dygnsvila efter en utryckning' });
    await gap.getByRole('button', { name: /Sätt in Leila Karimi/ }).click();
    await gap.waitFor({ state: 'detached' });
  });
});
