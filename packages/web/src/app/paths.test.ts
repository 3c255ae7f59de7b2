import { describe, expect, it } from 'vitest';
import { loginPathFor, safeTarget } from './paths.ts';

describe('safeTarget', () => {
  it.each([
    ['/organisation', '/organisation'],
    ['/logg?handelse=municipality.updated', '/logg?handelse=municipality.updated'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/logga-in?till=/x', '/'],
  ])('%s → %s', (value, expected) => {
    expect(safeTarget(value)).toBe(expected);
  });

  it('keeps the target in the login address', () => {
    expect(loginPathFor('/')).toBe('/logga-in');
    expect(loginPathFor('/anvandare')).toBe('/logga-in?till=%2Fanvandare');
  });
});
