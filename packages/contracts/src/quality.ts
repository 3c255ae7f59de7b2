import { z } from 'zod';
import { IsoDate } from './common.ts';

/**
 * Systematic quality work: deviations (avvikelser) and complaints
 * (klagomål), self-inspections (egenkontroller) according to plan, the call
 * log with callback tasks, and the telephony systems that post call events.
 */

const Instant = z.string().datetime({ offset: true, message: 'Ange tid som ÅÅÅÅ-MM-DDTTT:MM med tidszon' });

export const QualityReportKind = z.enum(['deviation', 'complaint']);
export const DeviationCategory = z.enum(['handling', 'technical', 'collaboration', 'placement', 'other']);
export const DeviationStatus = z.enum(['registered', 'assigned', 'analysed', 'closed']);
export const DeviationActionKind = z.enum(['new_routine', 'routine_reminder', 'training', 'other', 'none']);
export const LexSarahAssessment = z.enum(['not_lex_sarah', 'investigation', 'reported_to_ivo']);
export const ComplaintSource = z.enum(['individual', 'municipality', 'partner', 'other']);

export const DeviationInput = z.object({
  kind: QualityReportKind,
  category: DeviationCategory,
  title: z.string().trim().min(3, 'Skriv en kort rubrik').max(200),
  description: z.string().trim().min(3, 'Beskriv vad som hände').max(10_000),
  immediateAction: z.string().trim().max(5_000).default(''),
  occurredAt: Instant,
  complaintSource: ComplaintSource.nullable().default(null),
  possibleLexSarah: z.boolean().default(false),
  lexSarahReason: z.string().trim().max(2_000).nullable().default(null),
  /** case numbers (e.g. "2026-0042") of the cases it concerns */
  caseNumbers: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
});

export const DeviationAssignInput = z.object({ userId: z.string().uuid(), version: z.number().int() });
export const DeviationAnalysisInput = z.object({
  analysis: z.string().trim().min(3, 'Beskriv analysen').max(10_000),
  action: z.string().trim().min(3, 'Beskriv åtgärden').max(10_000),
  actionKind: DeviationActionKind,
  version: z.number().int(),
});
export const DeviationLexSarahInput = z.object({
  possibleLexSarah: z.boolean(),
  assessment: LexSarahAssessment.nullable().default(null),
  note: z.string().trim().max(5_000).nullable().default(null),
  version: z.number().int(),
});
export const DeviationCloseInput = z.object({ note: z.string().trim().max(5_000).nullable().default(null), version: z.number().int() });
export const DeviationReopenInput = z.object({ reason: z.string().trim().min(3, 'Ange varför').max(2_000), version: z.number().int() });
export const DeviationLinkInput = z.object({ caseNumber: z.string().trim().min(1, 'Ange ärendenummer').max(30), version: z.number().int() });

export const DeviationQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  kind: QualityReportKind.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const DeviationCard = z.object({
  id: z.string(),
  number: z.string(),
  kind: QualityReportKind,
  category: DeviationCategory,
  title: z.string(),
  status: DeviationStatus,
  occurredAt: z.string(),
  reportedAt: z.string(),
  reportedByName: z.string(),
  assignedToName: z.string().nullable(),
  possibleLexSarah: z.boolean(),
  lexSarahAssessment: LexSarahAssessment.nullable(),
  needsLexSarahAssessment: z.boolean(),
  caseCount: z.number().int(),
});
export const DeviationList = z.object({ deviations: z.array(DeviationCard) });

export const DeviationView = DeviationCard.extend({
  description: z.string(),
  immediateAction: z.string(),
  complaintSource: ComplaintSource.nullable(),
  lexSarahReason: z.string().nullable(),
  lexSarahNote: z.string().nullable(),
  lexSarahAssessedAt: z.string().nullable(),
  lexSarahAssessedByName: z.string().nullable(),
  assignedToId: z.string().nullable(),
  assignedAt: z.string().nullable(),
  analysis: z.string().nullable(),
  action: z.string().nullable(),
  actionKind: DeviationActionKind.nullable(),
  analysedAt: z.string().nullable(),
  analysedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closingNote: z.string().nullable(),
  cases: z.array(z.object({ id: z.string(), caseNumber: z.string() })),
  version: z.number().int(),
  /** what the reader may do now (the server decides) */
  can: z.object({ assign: z.boolean(), analyse: z.boolean(), assessLexSarah: z.boolean(), close: z.boolean(), reopen: z.boolean(), link: z.boolean() }),
  /** staff who may be made responsible */
  assignees: z.array(z.object({ id: z.string(), displayName: z.string() })),
});

const CategoryCounts = z.object({ handling: z.number().int(), technical: z.number().int(), collaboration: z.number().int(), placement: z.number().int(), other: z.number().int() });
/** Counts for the annual report (no personal data). */
export const QualityAnnualCounts = z.object({
  year: z.number().int(),
  deviations: z.object({ total: z.number().int(), byCategory: CategoryCounts }),
  complaints: z.object({ total: z.number().int(), byCategory: CategoryCounts }),
  possibleLexSarah: z.number().int(),
  reportedToIvo: z.number().int(),
  closed: z.number().int(),
  selfInspections: z.object({ planned: z.number().int(), performed: z.number().int() }),
  calls: z.object({ total: z.number().int(), answered: z.number().int(), missed: z.number().int(), busy: z.number().int(), transferred_112: z.number().int(), calledBack: z.number().int() }),
});
export const QualityYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Lex Sarah flags and due self-inspections for the unit manager's board. */
export const QualityAttention = z.object({
  lexSarah: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), reportedAt: z.string() })),
  openDeviations: z.number().int(),
  inspections: z.array(z.object({ planId: z.string(), title: z.string(), dueDate: z.string(), state: z.enum(['planned', 'soon', 'due', 'overdue']) })),
});

// Self-inspections

export const SelfInspectionKind = z.enum(['access_review', 'routine_review', 'case_sampling', 'other']);
export const SelfInspectionPlanInput = z.object({
  kind: SelfInspectionKind,
  title: z.string().trim().min(3, 'Skriv vad kontrollen gäller').max(200),
  description: z.string().trim().max(5_000).default(''),
  intervalMonths: z.number().int(),
  dayOfMonth: z.number().int().min(1, 'Dag i månaden ska vara 1–31').max(31, 'Dag i månaden ska vara 1–31'),
  firstDue: IsoDate,
  sampleSize: z.number().int().min(1).max(100).nullable().default(null),
  responsibleUserId: z.string().uuid().nullable().default(null),
});
export const SelfInspectionPlanUpdate = SelfInspectionPlanInput.extend({ isActive: z.boolean(), version: z.number().int() });
export const SelfInspectionRecordInput = z.object({
  performedByUserId: z.string().uuid().nullable().default(null),
  findings: z.string().trim().min(3, 'Beskriv vad kontrollen visade').max(10_000),
  followUp: z.string().trim().max(10_000).default(''),
});

const InspectionOccasion = z.object({
  id: z.string(),
  dueDate: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  startedAt: z.string(),
  startedByName: z.string(),
  performedAt: z.string().nullable(),
  performedByName: z.string().nullable(),
  findings: z.string().nullable(),
  followUp: z.string().nullable(),
  sample: z.array(z.object({ id: z.string(), caseNumber: z.string(), closedAt: z.string().nullable() })),
});
export const SelfInspectionPlanView = z.object({
  id: z.string(),
  kind: SelfInspectionKind,
  title: z.string(),
  description: z.string(),
  intervalMonths: z.number().int(),
  dayOfMonth: z.number().int(),
  firstDue: z.string(),
  sampleSize: z.number().int().nullable(),
  responsibleUserId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
  nextDue: z.string(),
  state: z.enum(['planned', 'soon', 'due', 'overdue']),
  current: InspectionOccasion.nullable(),
  history: z.array(InspectionOccasion),
});
export const SelfInspectionOverview = z.object({
  plans: z.array(SelfInspectionPlanView),
  staff: z.array(z.object({ id: z.string(), displayName: z.string() })),
});

// The call log

export const CallOutcome = z.enum(['answered', 'missed', 'busy', 'transferred_112']);
export const CallInput = z.object({
  occurredAt: Instant,
  line: z.string().trim().min(1, 'Ange linje').max(40),
  outcome: CallOutcome,
  /** the caller's number; null or left out when hidden */
  callerNumber: z.string().trim().max(40).nullable().default(null),
  durationSeconds: z.number().int().min(0).max(86_400).nullable().default(null),
});
/** What a telephony system posts: the same, with its own id of the call so a repeated post is not logged twice. */
export const TelephonyCallInput = CallInput.extend({ externalId: z.string().trim().min(1).max(200).nullable().default(null) });
export const TelephonyCallResult = z.object({ id: z.string(), duplicate: z.boolean(), callbackNeeded: z.boolean() });
export const CallbackInput = z.object({ result: z.enum(['reached', 'no_answer', 'not_needed']) });
export const CallQuery = z.object({ date: IsoDate.optional() });

export const CallView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  line: z.string(),
  outcome: CallOutcome,
  callerNumber: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  source: z.enum(['telephony', 'manual']),
  sourceName: z.string(),
  callbackNeeded: z.boolean(),
  callbackClosedAt: z.string().nullable(),
  callbackClosedByName: z.string().nullable(),
  callbackResult: z.enum(['reached', 'not_needed', 'answered_later']).nullable(),
  callbackAttempts: z.number().int(),
});
export const CallList = z.object({
  date: z.string(),
  calls: z.array(CallView),
  counts: z.object({ total: z.number().int(), answered: z.number().int(), missed: z.number().int(), busy: z.number().int(), transferred_112: z.number().int() }),
});
export const CallbackTaskView = z.object({
  callId: z.string(),
  callerNumber: z.string(),
  callIds: z.array(z.string()),
  firstAt: z.string(),
  lastAt: z.string(),
  attempts: z.number().int(),
  lines: z.array(z.string()),
  outcomes: z.array(CallOutcome),
  callbackAttempts: z.number().int(),
  lastCallbackAt: z.string().nullable(),
  lastCallbackByName: z.string().nullable(),
});
export const CallbackTaskList = z.object({ tasks: z.array(CallbackTaskView) });

export const TelephonySystemInput = z.object({ name: z.string().trim().min(2, 'Ange ett namn').max(100) });
export const TelephonySystemView = z.object({
  id: z.string(),
  name: z.string(),
  tokenHint: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const TelephonySystemList = z.object({ systems: z.array(TelephonySystemView) });
/** The token is shown once, in this answer only. */
export const TelephonySystemCreated = TelephonySystemView.extend({ token: z.string() });
