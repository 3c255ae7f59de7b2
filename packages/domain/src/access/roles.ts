/**
 * Roles and permissions. One table, checked by the compiler; `can()` is pure.
 * Permissions are 'resource.action' strings. Row scoping (a municipality user
 * sees only its own municipality) is expressed by `scopeOf()` and applied in
 * every query that returns rows.
 */
export const roles = ['socialsekreterare', 'enhetschef', 'kommun', 'controller', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'organisation.read',
  'organisation.update',
  'calendar.read',
  'status.read',
  'users.read',
  'users.manage',
  'audit.read',
  'audit.verify',
  'identityProviders.manage',
  'persons.read',
  'persons.write',
  'cases.read',
  'cases.write',
  'statistics.read',
  'costs.read',
  'costs.manage',
] as const;
export type Permission = (typeof permissions)[number];

const staff: readonly Permission[] = [
  'organisation.read',
  'calendar.read',
  'status.read',
  'persons.read',
  'persons.write',
  'cases.read',
  'cases.write',
];

export const rolePermissions = {
  socialsekreterare: staff,
  enhetschef: [
    ...staff,
    'organisation.update',
    'users.read',
    'audit.read',
    'audit.verify',
    'statistics.read',
    'costs.read',
    'costs.manage',
  ],
  kommun: ['organisation.read', 'calendar.read', 'status.read', 'persons.read', 'cases.read', 'statistics.read'],
  controller: ['organisation.read', 'calendar.read', 'status.read', 'statistics.read', 'costs.read', 'costs.manage'],
  admin: [
    'organisation.read',
    'organisation.update',
    'calendar.read',
    'status.read',
    'users.read',
    'users.manage',
    'audit.verify',
    'identityProviders.manage',
  ],
} as const satisfies Record<Role, readonly Permission[]>;

/** Swedish display names of the roles (the UI's i18n table repeats them). */
export const roleLabels = {
  socialsekreterare: 'Socialsekreterare',
  enhetschef: 'Enhetschef',
  kommun: 'Kommunhandläggare',
  controller: 'Controller',
  admin: 'Systemadministratör',
} as const satisfies Record<Role, string>;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
