/**
 * The audit log's vocabulary: a typed union of every event Jourbok writes.
 * Each action has a kind (read of personal data, write of personal data,
 * configuration change, permission change, authentication) so that the
 * access review can filter without parsing strings.
 */
export const auditActions = {
  // authentication and sessions
  'auth.login_succeeded': 'auth',
  'auth.login_failed': 'auth',
  'auth.account_locked': 'auth',
  'auth.logout': 'auth',
  'auth.totp_enrolled': 'auth',
  'auth.totp_failed': 'auth',
  'auth.oidc_login_succeeded': 'auth',
  'auth.oidc_login_failed': 'auth',
  'auth.password_changed': 'auth',
  // users and permissions (staff are persons too: their data is personal data)
  'user.list': 'read',
  'user.read': 'read',
  'user.created': 'permission',
  'user.updated': 'permission',
  'user.role_changed': 'permission',
  'user.unlocked': 'permission',
  'user.deactivated': 'permission',
  'user.password_reset': 'permission',
  'user.totp_reset': 'permission',
  // configuration
  'organisation.created': 'config',
  'organisation.updated': 'config',
  'municipality.created': 'config',
  'municipality.updated': 'config',
  'category.created': 'config',
  'category.updated': 'config',
  'decision_type.created': 'config',
  'decision_type.updated': 'config',
  'calendar.updated': 'config',
  'identity_provider.created': 'config',
  'identity_provider.updated': 'config',
  'population.imported': 'config',
  // persons (clients)
  'person.searched': 'read',
  'person.read': 'read',
  'person.revealed': 'read',
  'person.created': 'write',
  'person.updated': 'write',
  // cases and the work on them
  'case.registered': 'write',
  'case.read': 'read',
  'case.listed': 'read',
  'case.updated': 'write',
  'case.triaged': 'write',
  'case.person_added': 'write',
  'case.closed': 'write',
  'journal.written': 'write',
  'decision.recorded': 'write',
  'decision.withdrawn': 'write',
  'deadline.confirmed': 'write',
  'time.recorded': 'write',
  'cost.recorded': 'write',
  'handover.created': 'write',
  'handover.read': 'read',
  'shift_note.written': 'write',
  // the audit log itself
  'audit.searched': 'read',
  'audit.verified': 'config',
  // backup and restore hold everybody's data
  'system.backup_created': 'read',
  'system.restored': 'write',
  'system.demo_seeded': 'write',
  // a file of historical cases imported (no personal data; population imports are 'population.imported')
  'cases.imported': 'write',
  // working with the member municipalities: notices, assignments, report delivery, politicians
  'notice.registered': 'write',
  'notice.updated': 'write',
  'notice.withdrawn': 'write',
  'notice.read': 'read',
  'notice.listed': 'read',
  'notice.acknowledged': 'write',
  'notice.overridden': 'write',
  'assignment.registered': 'write',
  'assignment.cancelled': 'write',
  'assignment.read': 'read',
  'assignment.listed': 'read',
  'assignment.documented': 'write',
  'handover.delivered': 'write',
  'handover.acknowledged': 'write',
  'handover.escalated': 'write',
  'handover.listed': 'read',
  'politician.created': 'write',
  'politician.updated': 'write',
  'politician.deleted': 'write',
  'politician.listed': 'read',
  'signature.requested': 'write',
  'signature.opened': 'read',
  'signature.code_failed': 'auth',
  'decision.signed': 'write',
  'committee.listed': 'read',
  'committee.reported': 'write',
  'collaboration.settings_updated': 'config',
  // staffing (staff are persons: their records, absences and call-outs are personal data)
  'staff.listed': 'read',
  'staff.created': 'write',
  'staff.updated': 'write',
  'staff.dates_changed': 'write',
  'roster.generated': 'write',
  'roster.read': 'read',
  'roster.listed': 'read',
  'roster.changed': 'write',
  'roster.published': 'write',
  'callout.recorded': 'write',
  'callout.listed': 'read',
  'money.budget_updated': 'config',
  'money.outcome_recorded': 'config',
  'money.outcome_imported': 'config',
  'money.period_amount_set': 'config',
  'money.period_closed': 'config',
  'money.settings_updated': 'config',
  'statistics.settings_updated': 'config',
  // rule of law and privacy: access review, retention, subject access
  'access_review.searched': 'read',
  'access_review.recorded': 'write',
  'access_review.history_printed': 'read',
  'access_review.settings_updated': 'config',
  'retention.previewed': 'read',
  'retention.run': 'write',
  'retention.settings_updated': 'config',
  'subject_access.requested': 'read',
  'subject_access.downloaded': 'read',
  // systematic quality work: deviations and complaints, self-inspections, the call log
  'deviation.registered': 'write',
  'deviation.updated': 'write',
  'deviation.read': 'read',
  'deviation.listed': 'read',
  'self_inspection.planned': 'config',
  'self_inspection.plan_updated': 'config',
  'self_inspection.started': 'write',
  'self_inspection.recorded': 'write',
  'self_inspection.listed': 'read',
  'call.registered': 'write',
  'call.listed': 'read',
  'call.callback_recorded': 'write',
  'telephony_system.created': 'permission',
  'telephony_system.revoked': 'permission',
  // the year's plan and its follow-ups (no personal data)
  'plan.updated': 'write',
  'follow_up.updated': 'write',
  'follow_up.finished': 'write',
  'follow_up.reopened': 'write',
} as const satisfies Record<string, AuditKind>;

export type AuditKind = 'auth' | 'read' | 'write' | 'config' | 'permission';
export type AuditAction = keyof typeof auditActions;

export type AuditEntityType =
  | 'user'
  | 'session'
  | 'organisation'
  | 'municipality'
  | 'access_review'
  | 'retention_run'
  | 'subject_access_request'
  | 'category'
  | 'decision_type'
  | 'calendar'
  | 'identity_provider'
  | 'population'
  | 'audit_log'
  | 'person'
  | 'case'
  | 'journal_entry'
  | 'decision'
  | 'legal_deadline'
  | 'time_entry'
  | 'direct_cost'
  | 'handover_report'
  | 'shift_note'
  | 'notice'
  | 'assignment'
  | 'report_delivery'
  | 'politician'
  | 'signature_request'
  | 'deviation'
  | 'self_inspection'
  | 'call'
  | 'telephony_system'
  | 'business_plan'
  | 'plan_follow_up'
  | 'staff_member'
  | 'roster'
  | 'standby_callout'
  | 'budget'
  | 'invoice_period'
  | 'system';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What a use case says happened; the audit writer adds who, when, request and hash chain. */
export interface AuditEventInput {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  /** The person whose data was read or written, when there is one (a client or a staff member). */
  personId?: string | null;
  municipalityCode?: string | null;
  /** The stated purpose, where the user was asked for one (break-the-glass, reveal). */
  purpose?: string | null;
  /** Non-sensitive details (changed field names, counts); never free text about a person. */
  details?: { [key: string]: JsonValue };
}

export function auditKindOf(action: AuditAction): AuditKind {
  return auditActions[action];
}

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActions, value);
}
