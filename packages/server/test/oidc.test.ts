import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';
import { startTestIdp, type TestIdp } from './support/oidc-provider.ts';

/**
 * Single sign-on through a municipality's OpenID provider: a real provider
 * (oidc-provider) on 127.0.0.1, Jourbok through app.inject. Jourbok believes
 * it is reachable at PUBLIC_URL; the provider's redirect back is handed to
 * Jourbok by the test, in the same cookie jar that started the sign-in.
 */
const PUBLIC_URL = 'http://127.0.0.1:3999';
const CALLBACK = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CLIENT_SECRET = 'test-secret-7b1e9c04d2';
const FAILED = '/logga-in?sso=fel';

let t: TestApp;
let idp: TestIdp;
let admin: Agent;
let providerId: string;

beforeAll(async () => {
  idp = await startTestIdp({ clientId: 'jourbok-nordost', clientSecret: CLIENT_SECRET, redirectUri: CALLBACK });
  t = await createTestApp({ JOURBOK_PUBLIC_URL: PUBLIC_URL });
  admin = await t.signIn('demo.admin');
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

function providerInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Täby kommun',
    issuer: idp.issuer,
    clientId: 'jourbok-nordost',
    clientSecret: CLIENT_SECRET,
    scopes: 'openid profile email jourbok',
    roleClaim: 'jourbok_role',
    municipalityClaim: 'kommunkod',
    roleMap: { 'jour-kommun': 'kommun', 'jour-socialsekreterare': 'socialsekreterare' },
    defaultMunicipalityCode: null,
    isActive: true,
    ...overrides,
  };
}

/** Start in a browser, sign in at the provider, and come back: the provider's redirect to Jourbok's callback. */
async function authorize(accountId: string, browser = t.agent()) {
  const start = await browser.get(`/api/auth/oidc/${providerId}/start`);
  expect(start.statusCode, start.body).toBe(302);
  const location = String(start.headers.location);
  expect(location.startsWith(`${idp.issuer}/`)).toBe(true);
  const back = await idp.signIn(location, accountId);
  expect(back.startsWith(`${CALLBACK}?`)).toBe(true);
  return { browser, callbackPath: back.slice(PUBLIC_URL.length), state: new URL(back).searchParams.get('state')! };
}

async function signInThroughProvider(accountId: string) {
  const { browser, callbackPath, state } = await authorize(accountId);
  const callback = await browser.get(callbackPath);
  expect(callback.statusCode).toBe(302);
  return { browser, callback, callbackPath, state };
}

const auditOf = (action: string) => t.deps.database.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('seq').execute();
const userBySubject = (subject: string) => t.deps.database.db.selectFrom('app_user').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
const openSessions = async (userId: string) =>
  (await t.deps.database.db.selectFrom('app_session').select('token_hash').where('user_id', '=', userId).where('ended_at', 'is', null).execute()).length;

describe('identity provider administration', () => {
  it('an administrator adds a provider: audited, and the secret is never returned', async () => {
    const res = await admin.post('/api/identity-providers', providerInput());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(CLIENT_SECRET);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Täby kommun', issuer: idp.issuer, version: 1, redirectUri: CALLBACK });
    providerId = created.id;

    const list = await admin.get('/api/identity-providers');
    expect(list.statusCode).toBe(200);
    expect(list.json().map((p: { id: string }) => p.id)).toContain(providerId);
    expect(list.body).not.toContain(CLIENT_SECRET);

    const [event] = (await auditOf('identity_provider.created')).filter((e) => e.entity_id === providerId);
    expect(event).toBeDefined();
    expect(event!.details).toMatchObject({ fields: expect.arrayContaining(['issuer', 'roleMap', 'clientSecret']) });
    expect(JSON.stringify(event)).not.toContain(CLIENT_SECRET);
  });

  it('refuses a role map to a non-role, a non-member default municipality, and plain http to another host', async () => {
    const badRole = await admin.post('/api/identity-providers', providerInput({ roleMap: { chef: 'superuser' } }));
    expect(badRole.statusCode).toBe(400);
    const notMember = await admin.post('/api/identity-providers', providerInput({ defaultMunicipalityCode: '0180' }));
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().error.field).toBe('defaultMunicipalityCode');
    const http = await admin.post('/api/identity-providers', providerInput({ issuer: 'http://idp.taby.se' }));
    expect(http.statusCode).toBe(400);
    expect(http.json().error.field).toBe('issuer');
    const noSecret = await admin.post('/api/identity-providers', providerInput({ clientSecret: '' }));
    expect(noSecret.statusCode).toBe(400);
    expect(noSecret.json().error.field).toBe('clientSecret');
  });

  it('an update with an empty secret keeps the stored one; a stale version is refused', async () => {
    const res = await admin.put(`/api/identity-providers/${providerId}`, providerInput({ name: 'Täby kommun (Azure)', clientSecret: '', version: 1 }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Täby kommun (Azure)', version: 2 });
    const row = await t.deps.database.db.selectFrom('identity_provider').select('client_secret').where('id', '=', providerId).executeTakeFirstOrThrow();
    expect(row.client_secret).toBe(CLIENT_SECRET);
    const [event] = (await auditOf('identity_provider.updated')).filter((e) => e.entity_id === providerId);
    expect(event!.details).toEqual({ fields: ['name'] });

    const stale = await admin.put(`/api/identity-providers/${providerId}`, providerInput({ name: 'Något annat', clientSecret: '', version: 1 }));
    expect(stale.statusCode).toBe(409);
  });

  it('a user without the permission cannot manage providers', async () => {
    const controller = await t.signIn('demo.controller');
    expect((await controller.get('/api/identity-providers')).statusCode).toBe(403);
    expect((await controller.post('/api/identity-providers', providerInput())).statusCode).toBe(403);
    expect((await controller.put(`/api/identity-providers/${providerId}`, providerInput({ version: 2 }))).statusCode).toBe(403);
  });
});

describe('sign-in through the provider', () => {
  let firstBrowser: Agent;

  it('a municipality employee is created at the first sign-in, with role kommun and her municipality', async () => {
    idp.accounts.set('karin-4711', { name: 'Karin Åberg', email: 'karin.aberg@taby.se', jourbok_role: ['alla-anstallda', 'jour-kommun'], kommunkod: '0160' });
    const { browser, callback, state } = await signInThroughProvider('karin-4711');
    expect(callback.headers.location).toBe('/');
    expect(browser.cookies.get('jb_session')).toBeDefined();
    firstBrowser = browser;

    const session = (await browser.get('/api/session')).json();
    expect(session.stage).toBe('full');
    expect(session.user).toMatchObject({ role: 'kommun', municipalityCode: '0160', displayName: 'Karin Åberg', username: 'karin-4711@127.0.0.1' });
    expect(session.abilities).toContain('cases.read');

    const user = await userBySubject('karin-4711');
    expect(user).toMatchObject({ oidc_issuer: idp.issuer, password_hash: null, totp_secret: null, email: 'karin.aberg@taby.se' });
    expect((await auditOf('user.created')).some((e) => e.entity_id === user!.id)).toBe(true);
    const succeeded = (await auditOf('auth.oidc_login_succeeded')).filter((e) => e.entity_id === user!.id);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.actor_user_id).toBe(user!.id);
    // The pending sign-in is gone.
    expect(await t.deps.database.db.selectFrom('oidc_login').select('state').where('state', '=', state).executeTakeFirst()).toBeUndefined();
  });

  it('a later sign-in with changed claims changes the role, ends the older sessions, and is audited', async () => {
    const before = await userBySubject('karin-4711');
    idp.accounts.set('karin-4711', { given_name: 'Karin', family_name: 'Åberg-Lind', jourbok_role: 'jour-socialsekreterare' });
    const { browser, callback } = await signInThroughProvider('karin-4711');
    expect(callback.headers.location).toBe('/');

    const session = (await browser.get('/api/session')).json();
    expect(session.user).toMatchObject({ id: before!.id, role: 'socialsekreterare', municipalityCode: null, displayName: 'Karin Åberg-Lind' });
    expect((await firstBrowser.get('/api/session')).json().user).toBeNull();
    expect(await openSessions(before!.id)).toBe(1);

    const changed = (await auditOf('user.role_changed')).filter((e) => e.entity_id === before!.id);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.details).toMatchObject({ fromRole: 'kommun', toRole: 'socialsekreterare', fromMunicipalityCode: '0160', municipalityCode: null });
  });

  it('a role claim that maps to no role is refused, audited, and gives no session', async () => {
    idp.accounts.set('besokare-1', { name: 'Bo Besökare', jourbok_role: 'alla-anstallda', kommunkod: '0160' });
    const before = (await auditOf('auth.oidc_login_failed')).length;
    const { browser, callback, callbackPath } = await signInThroughProvider('besokare-1');
    expect(callback.headers.location).toBe(FAILED);
    expect(browser.cookies.has('jb_session')).toBe(false);
    expect((await browser.get('/api/session')).json().user).toBeNull();
    expect(await userBySubject('besokare-1')).toBeUndefined();

    const failures = await auditOf('auth.oidc_login_failed');
    expect(failures).toHaveLength(before + 1);
    const failure = failures.at(-1)!;
    expect(failure).toMatchObject({ entity_type: 'identity_provider', entity_id: providerId, organisation_id: t.organisationId });
    expect(failure.details).toEqual({ reason: 'no_role', subject: 'besokare-1' });
    // No code, no tokens in the log.
    const code = new URL(callbackPath, PUBLIC_URL).searchParams.get('code')!;
    expect(JSON.stringify(failure)).not.toContain(code);
  });

  it('a callback cannot be used twice', async () => {
    idp.accounts.set('karin-4711', { name: 'Karin Åberg', jourbok_role: 'jour-kommun', kommunkod: '0160' });
    const { browser, callback, callbackPath, state } = await signInThroughProvider('karin-4711');
    expect(callback.headers.location).toBe('/');
    const user = await userBySubject('karin-4711');
    const sessions = await openSessions(user!.id);

    // The same browser (state cookie and all) replays the provider's redirect.
    browser.cookies.set('jb_oidc_state', state);
    browser.cookies.delete('jb_session');
    const replay = await browser.get(callbackPath);
    expect(replay.statusCode).toBe(302);
    expect(replay.headers.location).toBe(FAILED);
    expect(browser.cookies.has('jb_session')).toBe(false);
    expect(await openSessions(user!.id)).toBe(sessions);
  });

  it('a callback opened in another browser than the one that started is refused (login CSRF)', async () => {
    const { callbackPath } = await authorize('karin-4711');
    const victim = t.agent();
    const res = await victim.get(callbackPath);
    expect(res.headers.location).toBe(FAILED);
    expect(victim.cookies.has('jb_session')).toBe(false);
    expect((await auditOf('auth.oidc_login_failed')).at(-1)!.details).toEqual({ reason: 'browser_mismatch' });
  });

  it('a sign-in left pending for more than ten minutes is refused', async () => {
    const { browser, callbackPath } = await authorize('karin-4711');
    t.clock.advance(11 * 60_000);
    const res = await browser.get(callbackPath);
    expect(res.headers.location).toBe(FAILED);
    expect((await auditOf('auth.oidc_login_failed')).at(-1)!.details).toEqual({ reason: 'expired' });
  });

  it('a user deactivated in Jourbok is refused', async () => {
    await t.deps.database.db.updateTable('app_user').set({ is_active: false }).where('oidc_subject', '=', 'karin-4711').execute();
    const { browser, callback } = await signInThroughProvider('karin-4711');
    expect(callback.headers.location).toBe(FAILED);
    expect(browser.cookies.has('jb_session')).toBe(false);
    expect((await auditOf('auth.oidc_login_failed')).at(-1)!.details).toEqual({ reason: 'user_inactive', subject: 'karin-4711' });
  });

  it('an unknown provider or a callback without a pending sign-in goes back to the sign-in page', async () => {
    const a = t.agent();
    expect((await a.get('/api/auth/oidc/00000000-0000-4000-8000-000000000000/start')).headers.location).toBe(FAILED);
    expect((await a.get('/api/auth/oidc/not-a-uuid/start')).headers.location).toBe(FAILED);
    expect((await a.get('/api/auth/oidc/callback?code=x&state=unknown')).headers.location).toBe(FAILED);
    expect((await a.get('/api/auth/oidc/callback')).headers.location).toBe(FAILED);
  });
});
