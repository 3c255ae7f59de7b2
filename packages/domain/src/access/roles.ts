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
  'statistics.import',
  // working with the member municipalities
  'notices.read',
  'notices.write',
  'assignments.read',
  'assignments.write',
  'assignments.perform',
  'inbox.read',
  'inbox.acknowledge',
  'oversight.read',
  'politicians.read',
  'politicians.manage',
  'signatures.manage',
  'committee.manage',
  // staffing: rosters, staff records, standby call-outs
  'roster.read',
  'roster.manage',
  'staff.manage',
  'callouts.write',
  // rule of law and privacy: access review, retention, subject access (the unit manager's)
  'privacy.accessReview',
  'privacy.retention',
  'privacy.subjectAccess',
  // systematic quality work: deviations and complaints, self-inspections, the call log
  'deviations.read',
  'deviations.write',
  'deviations.manage',
  'selfInspections.manage',
  'calls.read',
  'calls.write',
  'quality.report',
  'telephony.manage',
  // the year's plan, its follow-ups and the assembled report; the unit manager's dashboard
  'plans.read',
  'plans.write',
  'dashboard.read',
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
  'notices.read',
  'notices.write',
  'assignments.read',
  'assignments.write',
  'assignments.perform',
  'politicians.read',
  'signatures.manage',
  'roster.read',
  'callouts.write',
  'deviations.read',
  'deviations.write',
  'calls.read',
  'calls.write',
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
    'statistics.import',
    'oversight.read',
    'politicians.manage',
    'committee.manage',
    'deviations.manage',
    'selfInspections.manage',
    'quality.report',
    'plans.read',
    'plans.write',
    'dashboard.read',
    'roster.manage',
    'staff.manage',
    'privacy.accessReview',
    'privacy.retention',
    'privacy.subjectAccess',
  ],
  kommun: [
    'organisation.read',
    'calendar.read',
    'status.read',
    'persons.read',
    'cases.read',
    'statistics.read',
    'notices.read',
    'notices.write',
    'assignments.read',
    'assignments.write',
    'inbox.read',
    'inbox.acknowledge',
    'politicians.read',
    'politicians.manage',
    'committee.manage',
    'plans.read',
  ],
  controller: ['organisation.read', 'calendar.read', 'status.read', 'statistics.read', 'costs.read', 'costs.manage', 'quality.report', 'plans.read'],
  admin: [
    'organisation.read',
    'organisation.update',
    'calendar.read',
    'status.read',
    'users.read',
    'users.manage',
    'audit.verify',
    'identityProviders.manage',
    'telephony.manage',
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
