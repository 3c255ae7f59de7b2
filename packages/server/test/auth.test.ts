import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/features/auth/crypto.ts';
import { DEMO_PASSWORD, demoAccounts } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const secretOf = (username: string) => demoAccounts.find((a) => a.username === username)!.totpSecret!;

describe('sign-in', () => {
  it('a role without personal data signs in with a password alone', async () => {
    const a = t.agent();
    const res = await a.post('/api/auth/login', { username: 'demo.controller', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: 'done' });
    const session = (await a.get('/api/session')).json();
    expect(session.stage).toBe('full');
    expect(session.user.role).toBe('controller');
    expect(session.abilities).toContain('costs.read');
    expect(session.abilities).not.toContain('persons.read');
  });

  it('a role that sees personal data needs the second factor before anything', async () => {
    const a = t.agent();
    const res = await a.post('/api/auth/login', { username: 'demo.socialsekreterare', password: DEMO_PASSWORD });
    expect(res.json()).toEqual({ stage: 'totp' });
    const denied = await a.get('/api/organisation');
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.code).toBe('second_factor_required');
    const wrong = await a.post('/api/auth/totp', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.field).toBe('code');
    const ok = await a.post('/api/auth/totp', { code: totpCode(secretOf('demo.socialsekreterare'), t.clock.now()) });
    expect(ok.json()).toEqual({ stage: 'done' });
    expect((await a.get('/api/organisation')).statusCode).toBe(200);
  });

  it('a TOTP code cannot be used twice', async () => {
    t.clock.advance(60_000);
    const code = totpCode(secretOf('demo.enhetschef'), t.clock.now());
    const a = t.agent();
    await a.post('/api/auth/login', { username: 'demo.enhetschef', password: DEMO_PASSWORD });
    expect((await a.post('/api/auth/totp', { code })).statusCode).toBe(200);
    const b = t.agent();
    await b.post('/api/auth/login', { username: 'demo.enhetschef', password: DEMO_PASSWORD });
    const replay = await b.post('/api/auth/totp', { code });
    expect(replay.statusCode).toBe(401);
  });

  it('a new session token is issued at each step (no session fixation) and logout ends it for good', async () => {
    t.clock.advance(60_000);
    const a = t.agent();
    await a.post('/api/auth/login', { username: 'demo.kommun', password: DEMO_PASSWORD });
    const before = a.cookies.get('jb_session');
    await a.post('/api/auth/totp', { code: totpCode(secretOf('demo.kommun'), t.clock.now()) });
    const after = a.cookies.get('jb_session');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    // The pre-second-factor token is worthless now.
    const stale = t.agent();
    stale.cookies.set('jb_session', before!);
    expect((await stale.get('/api/organisation')).statusCode).toBe(401);

    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = t.agent();
    replay.cookies.set('jb_session', after!);
    expect((await replay.get('/api/organisation')).statusCode).toBe(401);
  });

  it('wrong credentials get one message that does not tell which part was wrong', async () => {
    const a = t.agent();
    const unknown = await a.post('/api/auth/login', { username: 'nobody', password: 'x' });
    const wrong = await a.post('/api/auth/login', { username: 'demo.admin', password: 'wrong password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('an empty username is refused with the field named in Swedish', async () => {
    const res = await t.agent().post('/api/auth/login', { username: '', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('username');
    expect(res.json().error.message).toContain('Användarnamn');
  });

  it('the session ends after the idle timeout', async () => {
    const a = await t.signIn('demo.admin');
    expect((await a.get('/api/users')).statusCode).toBe(200);
    t.clock.advance((t.deps.config.sessionIdleMinutes + 1) * 60_000);
    expect((await a.get('/api/users')).statusCode).toBe(401);
  });
});

describe('lockout and throttling', () => {
  it('10 wrong passwords lock the account, even with the right password after', async () => {
    const admin = await t.signIn('demo.admin');
    const created = await admin.post('/api/users', { username: 'lock.me', displayName: 'Lås Mig', email: null, role: 'controller', municipalityCode: null });
    expect(created.statusCode).toBe(200);
    const { initialPassword, user } = created.json();
    const a = t.agent();
    for (let i = 1; i <= 9; i++) {
      const res = await a.post('/api/auth/login', { username: 'lock.me', password: `wrong-${i}` });
      expect(res.statusCode).toBe(401);
    }
    const tenth = await a.post('/api/auth/login', { username: 'lock.me', password: 'wrong-10' });
    expect(tenth.statusCode).toBe(423);
    const right = await a.post('/api/auth/login', { username: 'lock.me', password: initialPassword });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toContain('låst');

    const list = (await admin.get('/api/users')).json() as { id: string; isLocked: boolean }[];
    expect(list.find((u) => u.id === user.id)?.isLocked).toBe(true);
    expect((await admin.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(200);
    const again = await a.post('/api/auth/login', { username: 'lock.me', password: initialPassword });
    expect(again.statusCode).toBe(200);
    expect(again.json().stage).toBe('change_password');
  });

  it('a client address with many failures is throttled', async () => {
    const throttled = await createTestApp({ JOURBOK_THROTTLE_ATTEMPTS: '3' });
    try {
      const a = throttled.agent();
      for (let i = 0; i < 3; i++) await a.post('/api/auth/login', { username: `x${i}`, password: 'y' });
      const res = await a.post('/api/auth/login', { username: 'demo.admin', password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(429);
      throttled.clock.advance(16 * 60_000);
      const later = await a.post('/api/auth/login', { username: 'demo.admin', password: DEMO_PASSWORD });
      expect(later.statusCode).toBe(200);
    } finally {
      await throttled.close();
    }
  });
});

describe('CSRF', () => {
  it('a state-changing request without the token is refused', async () => {
    const a = await t.signIn('demo.admin');
    const res = await a.request('POST', '/api/users', { username: 'csrf.test', displayName: 'X', email: null, role: 'controller', municipalityCode: null });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    const users = (await a.get('/api/users')).json() as { username: string }[];
    expect(users.map((u) => u.username)).not.toContain('csrf.test');
  });

  it('a token from another session is refused', async () => {
    const a = await t.signIn('demo.admin');
    const b = await t.signIn('demo.controller');
    await b.refreshCsrf();
    const res = await a.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': b.csrf! });
    expect(res.statusCode).toBe(403);
  });

  it('the login itself needs the anonymous token', async () => {
    const a = t.agent();
    const res = await a.request('POST', '/api/auth/login', { username: 'demo.admin', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(403);
  });
});

describe('second factor enrolment', () => {
  it('a new user of a personal-data role enrols TOTP before getting in, and must change password', async () => {
    const admin = await t.signIn('demo.admin');
    const created = (await admin.post('/api/users', { username: 'new.worker', displayName: 'Ny Kollega', email: 'ny@example.se', role: 'socialsekreterare', municipalityCode: null })).json();
    const a = t.agent();
    const login = await a.post('/api/auth/login', { username: 'new.worker', password: created.initialPassword });
    expect(login.json().stage).toBe('enroll');
    const enrollment = (await a.get('/api/auth/totp/enrollment')).json();
    expect(enrollment.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrollment.qrSvg).toContain('<svg');
    const done = await a.post('/api/auth/totp/enroll', { code: totpCode(enrollment.secret, t.clock.now()) });
    expect(done.json().stage).toBe('change_password');
    // the temporary password opens nothing on the server until it is changed, whatever the page does
    const early = await a.get('/api/board');
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('password_change_required');
    expect(early.json().error.message).toMatch(/tillfälliga lösenord/);
    const weak = await a.post('/api/auth/password', { currentPassword: created.initialPassword, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe('newPassword');
    const changed = await a.post('/api/auth/password', { currentPassword: created.initialPassword, newPassword: 'a much longer passphrase' });
    expect(changed.statusCode).toBe(200);
    expect((await a.get('/api/session')).json().user.mustChangePassword).toBe(false);
    expect((await a.get('/api/board')).statusCode).toBe(200);
  });
});
