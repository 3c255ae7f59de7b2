import { z } from 'zod';
import { AssignmentSummary } from './assignments.ts';
import { DeadlineView } from './cases.ts';
import { IsoDate, Kommunkod } from './common.ts';
import { OutstandingSignature } from './signatures.ts';

const Instant = z.string().datetime({ offset: true, message: 'Ange tid som ÅÅÅÅ-MM-DDTTT:MM med tidszon' });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid ska skrivas TT:MM');

// ---------------------------------------------------------------------------
// Handover report delivery and the municipality's inbox

/**
 * A handover report delivered to its home municipality. Each morning at the
 * organisation's delivery time the night's reports are listed in the
 * municipality's inbox and announced to its functional mailbox (a count and a
 * link, no personal data). Not acknowledged by `acknowledgeBy` (noon of the
 * next working day by default): `isOverdue`, raised to the unit manager.
 */
export const ReportDelivery = z.object({
  id: z.string(),
  reportId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  categoryCode: z.string(),
  caseStatus: z.enum(['open', 'closed', 'handed_over']),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  reportCreatedAt: z.string(),
  deliveredAt: z.string(),
  acknowledgeBy: z.string(),
  firstReadAt: z.string().nullable(),
  firstReadByName: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  /** when it was raised to the unit manager for want of an acknowledgement */
  escalatedAt: z.string().nullable(),
  isOverdue: z.boolean(),
  /** links: GET /api/handover-reports/:reportId (JSON) and /pdf */
  jsonUrl: z.string(),
  pdfUrl: z.string(),
});
export type ReportDelivery = z.infer<typeof ReportDelivery>;

/** A kommun user's inbox: its delivered reports and the legal deadlines it must confirm handled. */
export const Inbox = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  reports: z.array(ReportDelivery),
  unacknowledgedCount: z.number(),
  /** legal deadlines of the jour's decisions for the municipality, until confirmed handled */
  deadlines: z.array(DeadlineView),
});

export const InboxQuery = z.object({
  /** default: unacknowledged, and those acknowledged in the last 14 days */
  state: z.enum(['recent', 'unacknowledged', 'all']).default('recent'),
});

export const ReportDeliveryQuery = z.object({
  state: z.enum(['unacknowledged', 'overdue', 'all']).default('unacknowledged'),
  municipalityCode: Kommunkod.optional(),
});

export const ReportDeliveryList = z.object({ deliveries: z.array(ReportDelivery) });

/** The unit manager's follow-up: what needs attention. */
export const Oversight = z.object({
  now: z.string(),
  /** assignments with an occasion passed undocumented */
  overdueAssignments: z.array(AssignmentSummary),
  /** reports not acknowledged by the municipality in time */
  overdueReports: z.array(ReportDelivery),
  /** politicians' decisions recorded by phone, not yet signed */
  outstandingSignatures: z.array(OutstandingSignature),
  /** legal deadlines passed without the municipality confirming them handled */
  overdueDeadlines: z.array(DeadlineView),
});

/** The organisation's settings for the work with the municipalities. */
export const CollaborationSettings = z.object({
  /** HH:MM local: when the night's reports are delivered (default 07:00) */
  reportDeliveryTime: ClockTime,
  /** HH:MM local on a working day: reports not acknowledged by then are raised (default 12:00) */
  reportAcknowledgeBy: ClockTime,
  /** the unit's address for those alerts; null: only listed */
  unitEmail: z.string().trim().email('Ange en giltig e-postadress').max(200).nullable(),
});

export const JobRunView = z.object({
  jobName: z.string(),
  scheduledDate: z.string(),
  scheduledAt: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.record(z.string(), z.unknown()),
});

export const CollaborationSettingsView = CollaborationSettings.extend({
  /** the latest runs of the scheduled jobs (delivery, escalation) */
  recentRuns: z.array(JobRunView),
  /** outgoing e-mail not yet sent (SMTP unreachable or not configured) */
  pendingEmails: z.number(),
});

// ---------------------------------------------------------------------------
// On-call politicians and reports to the committee

export const PoliticianRole = z.enum(['chair', 'vice_chair', 'member']);

export const PoliticianInput = z.object({
  /** a kommun user's own municipality when left out */
  municipalityCode: Kommunkod.nullable().default(null),
  name: z.string().trim().min(1, 'Ange namn').max(200),
  role: PoliticianRole,
  phone: z.string().trim().min(1, 'Ange telefonnummer').max(50),
  email: z.string().trim().email('Ange en giltig e-postadress').max(200).nullable().default(null),
  /** the on-call period */
  onCallFrom: Instant,
  onCallTo: Instant,
});

export const PoliticianUpdate = PoliticianInput.omit({ municipalityCode: true }).extend({ version: z.number().int() });

export const Politician = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  name: z.string(),
  role: PoliticianRole,
  roleLabel: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  onCallFrom: z.string(),
  onCallTo: z.string(),
  version: z.number(),
});

export const PoliticianQuery = z.object({
  municipalityCode: Kommunkod.optional(),
  /** only those on call at this instant */
  onCallAt: Instant.optional(),
  /** include periods that have ended (default: current and coming) */
  includePast: z.enum(['true', 'false']).optional(),
});

export const PoliticianList = z.object({ politicians: z.array(Politician) });

export const VersionQuery = z.object({ version: z.coerce.number().int() });

export const OnCallQuery = z.object({ at: Instant.optional() });

/** Who is on call for a municipality at an instant: chair first (the decision form offers them). */
export const OnCallAnswer = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  at: z.string(),
  politicians: z.array(Politician),
});

/** A politician's decision queued for report to the municipality's committee (anmälan till nämnd). */
export const CommitteeReportItem = z.object({
  decisionId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  municipalityCode: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  legalReference: z.string(),
  decidedAt: z.string(),
  makerName: z.string(),
  makerCapacity: z.string(),
  signedAt: z.string().nullable(),
  status: z.enum(['active', 'withdrawn']),
  isReported: z.boolean(),
  meetingDate: z.string().nullable(),
  note: z.string().nullable(),
  reportedByName: z.string().nullable(),
  reportedAt: z.string().nullable(),
});

export const CommitteeReportQuery = z.object({
  reported: z.enum(['true', 'false', 'all']).default('false'),
  municipalityCode: Kommunkod.optional(),
});

export const CommitteeReportList = z.object({ items: z.array(CommitteeReportItem) });

export const CommitteeReportInput = z.object({
  /** the committee meeting it was reported to */
  meetingDate: IsoDate.nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});

// ---------------------------------------------------------------------------
// The public routing page (no sign-in, no personal data)

export const RoutingEntry = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  jourName: z.string(),
  jourPhone: z.string(),
  status: z.enum(['open', 'standby', 'closed']),
  /** RFC 3339 local time the status changes */
  statusUntil: z.string(),
  nextStatus: z.enum(['open', 'standby', 'closed']),
});

/** For SOS Alarm and the police: which jour serves which municipality, and whether it is open now. */
export const RoutingTable = z.object({
  generatedAt: z.string(),
  municipalities: z.array(RoutingEntry),
});
