import { describe, expect, it } from 'vitest';
import { mapClaims, roleFromClaim, ssoUsername, type ClaimRules } from './claims.ts';

const rules: ClaimRules = {
  roleClaim: 'jourbok_role',
  municipalityClaim: 'kommunkod',
  roleMap: { 'jour-kommun': 'kommun', 'jour-chef': 'enhetschef', 'jour-socsek': 'socialsekreterare' },
  defaultMunicipalityCode: null,
};

describe('roleFromClaim', () => {
  it.each([
    ['jour-chef', 'enhetschef'],
    [['alla', 'jour-socsek', 'jour-chef'], 'socialsekreterare'],
    [['alla'], null],
    ['constructor', null],
    [42, null],
    [undefined, null],
  ])('%j → %s', (value, role) => {
    expect(roleFromClaim(value, rules.roleMap)).toBe(role);
  });

  it('ignores a map entry that is not a role', () => {
    expect(roleFromClaim('x', { x: 'superuser' })).toBeNull();
  });
});

describe('mapClaims', () => {
  it.each([
    [{ sub: 's', jourbok_role: 'jour-kommun', kommunkod: '0160' }, rules, { ok: true, role: 'kommun', municipalityCode: '0160' }],
    [{ sub: 's', jourbok_role: 'jour-kommun' }, { ...rules, defaultMunicipalityCode: '0186' }, { ok: true, role: 'kommun', municipalityCode: '0186' }],
    [{ sub: 's', jourbok_role: 'jour-chef', kommunkod: '0160' }, rules, { ok: true, role: 'enhetschef', municipalityCode: null }],
    [{ sub: 's', jourbok_role: 'jour-kommun' }, rules, { ok: false, reason: 'no_municipality' }],
    [{ sub: 's', jourbok_role: 'jour-kommun', kommunkod: '160' }, { ...rules, defaultMunicipalityCode: '0186' }, { ok: false, reason: 'invalid_municipality' }],
    [{ sub: 's', jourbok_role: 'gäst' }, rules, { ok: false, reason: 'no_role' }],
    [{ jourbok_role: 'jour-chef' }, rules, { ok: false, reason: 'no_subject' }],
  ])('%j', (claims, r, expected) => {
    const result = mapClaims(claims, r);
    if (!expected.ok) return expect(result).toEqual(expected);
    expect(result.ok && { ok: true, role: result.identity.role, municipalityCode: result.identity.municipalityCode }).toEqual(expected);
  });

  it('takes the name from name, else given and family name; e-mail only when it looks like one', () => {
    const named = mapClaims({ sub: 's', jourbok_role: 'jour-chef', name: ' Lotta Stensö ', email: 'lotta@taby.se' }, rules);
    expect(named.ok && named.identity).toMatchObject({ displayName: 'Lotta Stensö', email: 'lotta@taby.se' });
    const parts = mapClaims({ sub: 's', jourbok_role: 'jour-chef', given_name: 'Lotta', family_name: 'Stensö', email: 'inte-en-adress' }, rules);
    expect(parts.ok && parts.identity).toMatchObject({ displayName: 'Lotta Stensö', email: null });
    const none = mapClaims({ sub: 's', jourbok_role: 'jour-chef' }, rules);
    expect(none.ok && none.identity.displayName).toBeNull();
  });
});

describe('ssoUsername', () => {
  it('is subject@host for an ordinary subject', () => {
    expect(ssoUsername('karin.aberg', 'https://idp.taby.se/realms/jour')).toBe('karin.aberg@idp.taby.se');
  });

  it('cuts a long or odd subject and keeps two of them apart with a hash', () => {
    const long = 'x'.repeat(300);
    const a = ssoUsername(long, 'https://idp.taby.se');
    const b = ssoUsername(`${long}y`, 'https://idp.taby.se');
    expect(a.split('@')[0]!.length).toBe(64);
    expect(a).not.toBe(b);
    const odd = ssoUsername('auth0|123', 'https://idp.taby.se');
    expect(odd).toMatch(/^auth0-123-[0-9a-f]{8}@idp\.taby\.se$/);
    expect(odd).not.toBe(ssoUsername('auth0-123', 'https://idp.taby.se'));
  });
});
