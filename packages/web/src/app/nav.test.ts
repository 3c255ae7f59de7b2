import { rolePermissions, type Role } from '@jourbok/domain/access/roles';
import { describe, expect, it } from 'vitest';
import { visibleNavItems } from './nav.ts';

const labelsFor = (role: Role) => {
  const abilities: readonly string[] = rolePermissions[role];
  return visibleNavItems((ability) => abilities.includes(ability)).map((item) => item.label);
};

describe('navigation per role', () => {
  it.each<[Role, string[]]>([
    ['socialsekreterare', ['Passöversikt', 'Nytt ärende', 'Aviseringar', 'Uppdrag', 'Schema', 'Beredskap', 'Kalender', 'Organisation']],
    ['enhetschef', ['Passöversikt', 'Nytt ärende', 'Aviseringar', 'Uppdrag', 'Schema', 'Beredskap', 'Personal', 'Kalender', 'Organisation', 'Användare', 'Logg']],
    ['kommun', ['Översikt', 'Inkorg', 'Aviseringar', 'Uppdrag', 'Kalender', 'Organisation']],
    ['controller', ['Översikt', 'Kalender', 'Organisation']],
    ['admin', ['Översikt', 'Kalender', 'Organisation', 'Användare', 'Loggens integritet', 'Inloggningstjänster']],
  ])('%s sees %j', (role, expected) => {
    expect(labelsFor(role)).toEqual(expected);
  });
});
