import { rolePermissions, type Role } from '@jourbok/domain/access/roles';
import { describe, expect, it } from 'vitest';
import { visibleNavItems } from './nav.ts';

const labelsFor = (role: Role) => {
  const abilities: readonly string[] = rolePermissions[role];
  return visibleNavItems((ability) => abilities.includes(ability)).map((item) => item.label);
};

describe('navigation per role', () => {
  it.each<[Role, string[]]>([
    ['socialsekreterare', ['Passöversikt', 'Nytt ärende', 'Aviseringar', 'Uppdrag', 'Schema', 'Beredskap', 'Samtalslogg', 'Avvikelser', 'Kalender', 'Organisation']],
    ['enhetschef', ['Passöversikt', 'Nytt ärende', 'Aviseringar', 'Uppdrag', 'Uppföljning', 'Politiker i beredskap', 'Anmälan till nämnd', 'Schema', 'Beredskap', 'Personal', 'Samtalslogg', 'Avvikelser', 'Egenkontroller', 'Kalender', 'Statistik', 'Statistiköversikt', 'Verksamhetsplan', 'Import', 'Ekonomi', 'Organisation', 'Användare', 'Logg', 'Loggkontroll', 'Gallring', 'Registerutdrag']],
    ['kommun', ['Översikt', 'Inkorg', 'Aviseringar', 'Uppdrag', 'Politiker i beredskap', 'Anmälan till nämnd', 'Kalender', 'Statistik', 'Verksamhetsplan', 'Organisation']],
    ['controller', ['Översikt', 'Kalender', 'Statistik', 'Verksamhetsplan', 'Ekonomi', 'Organisation']],
    ['admin', ['Översikt', 'Kalender', 'Organisation', 'Användare', 'Loggens integritet', 'Inloggningstjänster', 'Telefonikopplingar']],
  ])('%s sees %j', (role, expected) => {
    expect(labelsFor(role)).toEqual(expected);
  });
});
