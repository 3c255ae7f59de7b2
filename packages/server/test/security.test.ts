import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/features/auth/crypto.ts';
import { DEMO_PASSWORD, demoAccounts } from '../src/seed/demo.ts';
import { createTestApp, type Agent, type TestApp } from './support/app.ts';

/**
 * Attacks on sessions and accounts, over HTTP: a planted session cookie, a
 * session replayed after logout or a password change, abuse of password
 * reset and second-factor enrolment, and the rate limits. (The browser side,
 * stored script and the content security policy, is in e2e/security.test.ts;
 * every role × route × foreign resource in access.test.ts; fuzzing in fuzz.test.ts.)
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ JOURBOK_THROTTLE_ATTEMPTS: '5' });
});
afterAll(() => t.close());

const secretOf = (username: string) => demoAccounts.find((a) => a.username === username)!.totpSecret!;

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.deps.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', userId).orderBy('seq').execute();
  return rows.map((r) => r.action);
}

async function userId(username: string) {
  return (await t.deps.database.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

describe('security headers', () => {
  it('every response carries a content security policy without inline script, and the API is never cached', async () => {
    for (const url of ['/api/session', '/api/health', '/api/board', '/finns-inte']) {
      const res = await t.app.inject({ method: 'GET', url });
      const policy = res.headers['content-security-policy'] as string;
      expect(policy, url).toContain("script-src 'self'");
      expect(policy, url).toContain("default-src 'self'");
      expect(policy, url).not.toContain('unsafe-inline');
      expect(policy, url).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      if (url.startsWith('/api/')) expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('the session cookie is HttpOnly and SameSite=Strict', async () => {
    const a = t.agent();
    await a.refreshCsrf();
    const res = await a.request('POST', '/api/auth/login', { username: 'demo.controller', password: DEMO_PASSWORD }, { 'x-csrf-token': a.csrf! });
    const cookie = ([res.headers['set-cookie']].flat() as string[]).find((c) => c.startsWith('jb_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });
});

describe('session fixation', () => {
  it('a session id planted before sign-in is not adopted: the server issues its own', async () => {
    const planted = 'A'.repeat(43);
    const victim = t.agent();
    victim.cookies.set('jb_session', planted);
    const login = await victim.post('/api/auth/login', { username: 'demo.controller', password: DEMO_PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(victim.cookies.get('jb_session')).not.toBe(planted);
    expect((await victim.get('/api/board')).statusCode).not.toBe(401);
    const attacker = t.agent();
    attacker.cookies.set('jb_session', planted);
    expect((await attacker.get('/api/organisation')).statusCode).toBe(401);
  });

  it('a token stolen at the password step is worthless once the second factor is given', async () => {
    t.clock.advance(60_000);
    const victim = t.agent();
    await victim.post('/api/auth/login', { username: 'demo.enhetschef', password: DEMO_PASSWORD });
    const halfway = victim.cookies.get('jb_session')!;
    // the half-signed-in token opens nothing
    const early = t.agent();
    early.cookies.set('jb_session', halfway);
    expect((await early.get('/api/board')).statusCode).toBe(401);
    await victim.post('/api/auth/totp', { code: totpCode(secretOf('demo.enhetschef'), t.clock.now()) });
    expect((await early.get('/api/board')).statusCode).toBe(401);
    expect((await victim.get('/api/board')).statusCode).toBe(200);
  });
});

describe('reuse after logout', () => {
  it('a logged-out session cannot read or write, even with its CSRF token', async () => {
    const a = await t.signIn('demo.socialsekreterare');
    await a.refreshCsrf();
    const cookie = a.cookies.get('jb_session')!;
    const csrf = a.csrf!;
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = t.agent();
    replay.cookies.set('jb_session', cookie);
    expect((await replay.get('/api/board')).statusCode).toBe(401);
    const write = await replay.request('POST', '/api/board/notes', { body: 'Efter utloggning' }, { 'x-csrf-token': csrf });
    expect([401, 403]).toContain(write.statusCode);
    const notes = await t.deps.database.db.selectFrom('shift_note').select('body').where('body', '=', 'Efter utloggning').execute();
    expect(notes).toHaveLength(0);
  });

  it('a password change signs out every other session of the user', async () => {
    const admin = await t.signIn('demo.admin');
    const created = (await admin.post('/api/users', { username: 'byter.losen', displayName: 'Byter Lösen', email: null, role: 'controller', municipalityCode: null })).json();
    const thief = t.agent();
    await thief.post('/api/auth/login', { username: 'byter.losen', password: created.initialPassword });
    expect((await thief.get('/api/session')).json().user?.username).toBe('byter.losen');
    const owner = t.agent();
    await owner.post('/api/auth/login', { username: 'byter.losen', password: created.initialPassword });
    expect((await owner.post('/api/auth/password', { currentPassword: created.initialPassword, newPassword: 'en lång och egen lösenfras' })).statusCode).toBe(200);
    expect((await thief.get('/api/session')).json().user).toBeNull();
    expect((await owner.get('/api/session')).json().user?.username).toBe('byter.losen');
  });
});

describe('password reset', () => {
  it('only an administrator can reset, each reset is logged, and it ends the user’s sessions', async () => {
    const target = await userId('maria.sandberg');
    const chef = await t.signIn('demo.enhetschef');
    const refused = await chef.post(`/api/users/${target}/reset-password`);
    expect(refused.statusCode).toBe(403);
    expect(await auditActions(target)).not.toContain('user.password_reset');

    const session = t.agent();
    expect((await session.post('/api/auth/login', { username: 'maria.sandberg', password: DEMO_PASSWORD })).statusCode).toBe(200);
    const admin = await t.signIn('demo.admin');
    const reset = await admin.post(`/api/users/${target}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().initialPassword.length).toBeGreaterThanOrEqual(12);
    expect(await auditActions(target)).toContain('user.password_reset');
    expect((await session.get('/api/session')).json().user).toBeNull();
    // the old password no longer works; the one-time password leads to enrolment of a second factor, then a new password
    const old = await t.agent().post('/api/auth/login', { username: 'maria.sandberg', password: DEMO_PASSWORD });
    expect(old.statusCode).toBe(401);
    const fresh = await t.agent().post('/api/auth/login', { username: 'maria.sandberg', password: reset.json().initialPassword });
    expect(fresh.json().stage).toBe('enroll');
  });

  it('a reset in another organisation’s user id space finds nothing', async () => {
    const admin = await t.signIn('demo.admin');
    const res = await admin.post('/api/users/00000000-0000-4000-8000-000000000000/reset-password');
    expect(res.statusCode).toBe(404);
  });
});

describe('second-factor enrolment', () => {
  it('cannot replace the factor of an enrolled account: enrolment needs a session in the enrolment stage', async () => {
    const enrolled = t.agent();
    await enrolled.post('/api/auth/login', { username: 'demo.kommun', password: DEMO_PASSWORD });
    // password step done, second factor pending: no enrolment offered, none accepted
    expect((await enrolled.get('/api/auth/totp/enrollment')).statusCode).toBe(401);
    expect((await enrolled.post('/api/auth/totp/enroll', { code: '123456' })).statusCode).toBe(401);
    const full = await t.signIn('demo.kommun');
    expect((await full.get('/api/auth/totp/enrollment')).statusCode).toBe(401);
    expect((await full.post('/api/auth/totp/enroll', { code: '123456' })).statusCode).toBe(401);
    const secret = (await t.deps.database.db.selectFrom('app_user').select('totp_secret').where('username', '=', 'demo.kommun').executeTakeFirstOrThrow()).totp_secret;
    expect(secret).toBe(secretOf('demo.kommun'));
  });

  it('an enrolment secret is bound to its session: another session cannot confirm it', async () => {
    const admin = await t.signIn('demo.admin');
    const created = (await admin.post('/api/users', { username: 'ny.jour', displayName: 'Ny Jour', email: null, role: 'socialsekreterare', municipalityCode: null })).json();
    const first = t.agent();
    expect((await first.post('/api/auth/login', { username: 'ny.jour', password: created.initialPassword })).json().stage).toBe('enroll');
    const secret = (await first.get('/api/auth/totp/enrollment')).json().secret as string;
    const second = t.agent();
    expect((await second.post('/api/auth/login', { username: 'ny.jour', password: created.initialPassword })).json().stage).toBe('enroll');
    // the second session has a secret of its own; the first one's code does not enrol it
    const code = totpCode(secret, t.clock.now());
    const other = (await second.get('/api/auth/totp/enrollment')).json().secret as string;
    expect(other).not.toBe(secret);
    if (totpCode(other, t.clock.now()) !== code) expect((await second.post('/api/auth/totp/enroll', { code })).statusCode).toBe(400);
    expect((await first.post('/api/auth/totp/enroll', { code })).statusCode).toBe(200);
    const stored = (await t.deps.database.db.selectFrom('app_user').select('totp_secret').where('username', '=', 'ny.jour').executeTakeFirstOrThrow()).totp_secret;
    expect(stored).toBe(secret);
  });
});

describe('rate limits', () => {
  it('wrong passwords from one address are throttled across usernames, and the lock holds for the account', async () => {
    t.clock.advance(16 * 60_000); // out of the window of earlier failures in this file
    const attacker = t.agent();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attacker.post('/api/auth/login', { username: i % 2 ? 'demo.controller' : `gissning${i}`, password: `fel-${i}` })).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // throttled means throttled: the right password does not get through either
    const right = await attacker.post('/api/auth/login', { username: 'demo.controller', password: DEMO_PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toMatch(/För många/);
  });

  it('guessing second-factor codes locks the account', async () => {
    t.clock.advance(16 * 60_000); // past the throttling of the test before
    const agent: Agent = t.agent();
    await agent.post('/api/auth/login', { username: 'demo.socialsekreterare', password: DEMO_PASSWORD });
    let last = 0;
    for (let i = 0; i < 12 && last !== 423; i++) last = (await agent.post('/api/auth/totp', { code: String(100000 + i) })).statusCode;
    expect(last).toBe(423);
    const id = await userId('demo.socialsekreterare');
    expect(await auditActions(id)).toContain('auth.account_locked');
    // the right code does not help now
    const again = t.agent();
    const login = await again.post('/api/auth/login', { username: 'demo.socialsekreterare', password: DEMO_PASSWORD });
    expect(login.statusCode).toBe(423);
  });
});
