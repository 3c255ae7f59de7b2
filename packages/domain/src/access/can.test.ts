import { describe, expect, it } from 'vitest';
import { abilitiesOf, can, scopeOf, seesPersonalData, type Actor } from './can.ts';
import type { Permission, Role } from './roles.ts';

const org = 'org-1';
const actor = (role: Role, municipalityCode: string | null = null): Actor => ({
  userId: 'u',
  organisationId: org,
  role,
  municipalityCode: role === 'kommun' ? (municipalityCode ?? '0160') : null,
});

describe('can', () => {
  it.each<[Role, Permission, boolean]>([
    ['socialsekreterare', 'cases.write', true],
    ['socialsekreterare', 'persons.read', true],
    ['socialsekreterare', 'organisation.update', false],
    ['socialsekreterare', 'audit.read', false],
    ['socialsekreterare', 'users.manage', false],
    ['enhetschef', 'cases.write', true],
    ['enhetschef', 'organisation.update', true],
    ['enhetschef', 'audit.read', true],
    ['enhetschef', 'users.manage', false],
    ['kommun', 'cases.read', true],
    ['kommun', 'cases.write', false],
    ['kommun', 'organisation.update', false],
    ['controller', 'costs.manage', true],
    ['controller', 'persons.read', false],
    ['controller', 'cases.read', false],
    ['admin', 'users.manage', true],
    ['admin', 'organisation.update', true],
    ['admin', 'cases.read', false],
    ['admin', 'persons.read', false],
    ['admin', 'audit.read', false],
    ['enhetschef', 'statistics.import', true],
    ['enhetschef', 'statistics.read', true],
    ['controller', 'statistics.import', false],
    ['controller', 'statistics.read', true],
    ['kommun', 'statistics.import', false],
    ['kommun', 'statistics.read', true],
    ['socialsekreterare', 'statistics.import', false],
    ['admin', 'statistics.import', false],
  ])('%s %s → %s', (role, permission, expected) => {
    expect(can(actor(role), permission)).toBe(expected);
  });

  it.each<[Role, string | null, string, string | null, boolean]>([
    ['kommun', '0160', org, '0160', true],
    ['kommun', '0160', org, '0186', false],
    ['kommun', '0160', org, null, false],
    ['kommun', '0160', 'other-org', '0160', false],
    ['socialsekreterare', null, org, '0186', true],
    ['socialsekreterare', null, org, null, true],
    ['socialsekreterare', null, 'other-org', '0186', false],
  ])('%s of %s on resource of org %s municipality %s → %s', (role, own, resourceOrg, resourceMunicipality, expected) => {
    expect(can(actor(role, own), 'cases.read', { organisationId: resourceOrg, municipalityCode: resourceMunicipality })).toBe(expected);
  });
});

describe('scopeOf', () => {
  it('limits a kommun user to its municipality', () => {
    expect(scopeOf(actor('kommun', '0187'))).toEqual({ kind: 'municipality', organisationId: org, municipalityCode: '0187' });
  });
  it('gives jour staff the whole organisation', () => {
    expect(scopeOf(actor('socialsekreterare'))).toEqual({ kind: 'organisation', organisationId: org });
  });
});

describe('seesPersonalData', () => {
  it.each<[Role, boolean]>([
    ['socialsekreterare', true],
    ['enhetschef', true],
    ['kommun', true],
    ['controller', false],
    ['admin', false],
  ])('%s → %s', (role, expected) => expect(seesPersonalData(role)).toBe(expected));

  it('abilities are the role table', () => {
    expect(abilitiesOf('controller')).toContain('costs.read');
    expect(abilitiesOf('controller')).not.toContain('persons.read');
  });
});

describe('can: working with the member municipalities', () => {
  it.each<[Role, Permission, boolean]>([
    ['socialsekreterare', 'notices.read', true],
    ['socialsekreterare', 'notices.write', true],
    ['socialsekreterare', 'assignments.perform', true],
    ['socialsekreterare', 'signatures.manage', true],
    ['socialsekreterare', 'politicians.read', true],
    ['socialsekreterare', 'politicians.manage', false],
    ['socialsekreterare', 'oversight.read', false],
    ['socialsekreterare', 'inbox.read', false],
    ['enhetschef', 'oversight.read', true],
    ['enhetschef', 'politicians.manage', true],
    ['enhetschef', 'committee.manage', true],
    ['enhetschef', 'inbox.acknowledge', false],
    ['kommun', 'notices.write', true],
    ['kommun', 'assignments.write', true],
    ['kommun', 'assignments.perform', false],
    ['kommun', 'inbox.read', true],
    ['kommun', 'inbox.acknowledge', true],
    ['kommun', 'politicians.manage', true],
    ['kommun', 'committee.manage', true],
    ['kommun', 'signatures.manage', false],
    ['kommun', 'oversight.read', false],
    ['controller', 'notices.read', false],
    ['controller', 'inbox.read', false],
    ['admin', 'notices.read', false],
    ['admin', 'politicians.read', false],
  ])('%s %s → %s', (role, permission, expected) => {
    expect(can(actor(role), permission)).toBe(expected);
  });
});
