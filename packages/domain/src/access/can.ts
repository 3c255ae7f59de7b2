import { rolePermissions, type Permission, type Role } from './roles.ts';

/** Who is acting. `municipalityCode` is set for (and only for) the `kommun` role. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: Role;
  municipalityCode: string | null;
}

/** A resource that belongs to a municipality (a case, a notice, a report appendix…). */
export interface ScopedResource {
  organisationId: string;
  municipalityCode: string | null;
}

/** Row scope of an actor: all rows of the organisation, or one municipality's. */
export type Scope =
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'municipality'; organisationId: string; municipalityCode: string };

export function scopeOf(actor: Actor): Scope {
  if (actor.role === 'kommun') {
    if (!actor.municipalityCode) throw new Error('A kommun actor must have a municipality');
    return { kind: 'municipality', organisationId: actor.organisationId, municipalityCode: actor.municipalityCode };
  }
  return { kind: 'organisation', organisationId: actor.organisationId };
}

/**
 * May `actor` do `permission`, optionally on `resource`? Pure: no I/O, no clock.
 * Denies across organisations always, and across municipalities for `kommun`.
 */
export function can(actor: Actor, permission: Permission, resource?: ScopedResource): boolean {
  const granted = (rolePermissions[actor.role] as readonly Permission[]).includes(permission);
  if (!granted) return false;
  if (!resource) return true;
  if (resource.organisationId !== actor.organisationId) return false;
  if (actor.role === 'kommun') return resource.municipalityCode !== null && resource.municipalityCode === actor.municipalityCode;
  return true;
}

/** Everything the actor may do, for the UI (which never re-implements the rules). */
export function abilitiesOf(role: Role): Permission[] {
  return [...rolePermissions[role]];
}

/** Roles that see personal data must use a second factor. */
export function seesPersonalData(role: Role): boolean {
  return can({ userId: '', organisationId: '', role, municipalityCode: role === 'kommun' ? '0000' : null }, 'persons.read');
}
