import { createHash } from 'node:crypto';
import { isRole, type Role } from '@jourbok/domain';

/**
 * From a provider's claims to a Jourbok identity: pure, so the mapping rules
 * are tested without a provider or a database.
 */

export type Claims = Record<string, unknown>;

export interface ClaimRules {
  roleClaim: string;
  municipalityClaim: string;
  /** claim value → Jourbok role */
  roleMap: Record<string, string>;
  defaultMunicipalityCode: string | null;
}

export interface MappedIdentity {
  subject: string;
  role: Role;
  /** set for role kommun only (a kommunkod; whether it is a member is checked against the database) */
  municipalityCode: string | null;
  displayName: string | null;
  email: string | null;
}

export type MappingRefusal = 'no_subject' | 'no_role' | 'no_municipality' | 'invalid_municipality';

export type MappingResult = { ok: true; identity: MappedIdentity } | { ok: false; reason: MappingRefusal };

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

/** The role claim may be one string or a list (groups); the first value the map knows decides. */
export function roleFromClaim(value: unknown, roleMap: Record<string, string>): Role | null {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (typeof v !== 'string' || !Object.hasOwn(roleMap, v)) continue;
    const role = roleMap[v];
    if (isRole(role)) return role;
  }
  return null;
}

export function mapClaims(claims: Claims, rules: ClaimRules): MappingResult {
  const subject = text(claims.sub, 255);
  if (!subject) return { ok: false, reason: 'no_subject' };
  const role = roleFromClaim(claims[rules.roleClaim], rules.roleMap);
  if (!role) return { ok: false, reason: 'no_role' };

  let municipalityCode: string | null = null;
  if (role === 'kommun') {
    const claimed = claims[rules.municipalityClaim];
    // A code that is sent but malformed is refused rather than replaced by the default.
    if (claimed !== undefined && claimed !== null) {
      if (typeof claimed !== 'string' || !/^\d{4}$/.test(claimed.trim())) return { ok: false, reason: 'invalid_municipality' };
      municipalityCode = claimed.trim();
    } else {
      municipalityCode = rules.defaultMunicipalityCode;
    }
    if (!municipalityCode) return { ok: false, reason: 'no_municipality' };
  }

  const given = text(claims.given_name, 100);
  const family = text(claims.family_name, 100);
  const displayName = text(claims.name, 200) ?? ([given, family].filter(Boolean).join(' ') || null);
  const email = text(claims.email, 200);
  return { ok: true, identity: { subject, role, municipalityCode, displayName, email: email?.includes('@') ? email : null } };
}

const MAX_LOCAL_PART = 64;

/**
 * The username of a user created at first sign-in: `subject@issuer-host`.
 * A subject that is long or has characters a username cannot have is cut and
 * given a short hash of the whole subject, so two subjects never share a name.
 */
export function ssoUsername(subject: string, issuer: string): string {
  const host = new URL(issuer).hostname;
  const clean = subject.replace(/[^a-zA-Z0-9._-]/g, '-');
  const local =
    clean === subject && clean.length <= MAX_LOCAL_PART
      ? clean
      : `${clean.slice(0, MAX_LOCAL_PART - 9)}-${createHash('sha256').update(subject).digest('hex').slice(0, 8)}`;
  return `${local}@${host}`;
}
