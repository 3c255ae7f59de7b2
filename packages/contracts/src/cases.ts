import { z } from 'zod';
import { RestAlert } from './roster.ts';
import { Kommunkod } from './common.ts';
import { BoardAssignment } from './assignments.ts';
import { CaseNotice, NoticeBrief, NoticeOverrideView } from './notice-views.ts';
import { PersonInput } from './persons.ts';
import { OutstandingSignature } from './signatures.ts';

export const ContactChannel = z.enum(['polis', 'sos_112', 'sjukvard', 'ambulans', 'kommun', 'enskild', 'annan_jour', 'ovrig']);
export const CaseType = z.enum(['arende', 'orosanmalan']);
export const CaseRole = z.enum(['child', 'guardian', 'adult', 'reporter', 'relative', 'other']);
export const CaseStatus = z.enum(['open', 'closed', 'handed_over']);
export const Priority = z.number().int().min(1).max(4);

const Instant = z.string().datetime({ offset: true, message: 'Ange tid som ÅÅÅÅ-MM-DDTTT:MM med tidszon' });

export const CasePersonInput = z.object({
  /** an existing person (found by search) … */
  personId: z.string().uuid().optional(),
  /** … or a new one */
  person: PersonInput.optional(),
  role: CaseRole,
  whereNow: z.string().trim().max(300).nullable().default(null),
});

export const TriageInput = z.object({
  criteria: z.array(z.string().max(50)).max(30),
  /** a manual priority different from the suggestion needs a reason */
  overridePriority: Priority.nullable().default(null),
  overrideReason: z.string().trim().max(2000).nullable().default(null),
});

export const CaseRegistration = z.object({
  caseType: CaseType,
  receivedAt: Instant.nullable().default(null),
  contactChannel: ContactChannel,
  reporterName: z.string().trim().max(200).nullable().default(null),
  reporterOrganisation: z.string().trim().max(200).nullable().default(null),
  reporterPhone: z.string().trim().max(50).nullable().default(null),
  reporterIsMandated: z.boolean().default(false),
  reporterWantsSecrecy: z.boolean().default(false),
  municipalityCode: Kommunkod,
  categoryCode: z.string().min(1, 'Välj kategori').max(50),
  youthCrime: z.boolean().default(false),
  summary: z.string().trim().min(1, 'Beskriv kort vad som hänt').max(10_000),
  shelterRequested: z.boolean().default(false),
  persons: z.array(CasePersonInput).max(30).default([]),
  triage: TriageInput.nullable().default(null),
});

export const CaseUpdate = z.object({
  contactChannel: ContactChannel,
  reporterName: z.string().trim().max(200).nullable(),
  reporterOrganisation: z.string().trim().max(200).nullable(),
  reporterPhone: z.string().trim().max(50).nullable(),
  reporterIsMandated: z.boolean(),
  reporterWantsSecrecy: z.boolean(),
  municipalityCode: Kommunkod,
  categoryCode: z.string().min(1).max(50),
  youthCrime: z.boolean(),
  summary: z.string().trim().min(1, 'Beskriv kort vad som hänt').max(10_000),
  shelterRequested: z.boolean(),
  version: z.number().int(),
});

export const JournalInput = z.object({
  kind: z.enum(['note', 'assessment', 'action', 'protection_assessment', 'correction']),
  actionType: z.enum(['stodsamtal', 'hanvisning', 'hembesok', 'transport', 'tillsyn', 'utryckning', 'skyddsbedomning', 'ovrigt']).nullable().default(null),
  body: z.string().trim().min(1, 'Skriv anteckningen').max(20_000),
  correctsEntryId: z.string().uuid().nullable().default(null),
  calledAt: Instant.nullable().default(null),
  arrivedAt: Instant.nullable().default(null),
});

export const DecisionInput = z.object({
  typeCode: z.string().min(1, 'Välj beslutstyp').max(50),
  decidedAt: Instant.nullable().default(null),
  makerKind: z.enum(['politician', 'delegation']),
  makerName: z.string().trim().min(1, 'Ange beslutsfattare').max(200),
  makerCapacity: z.string().trim().max(200).default(''),
  communicatedVia: z.enum(['phone', 'digital_signature', 'paper', 'in_person']),
  signedAt: Instant.nullable().default(null),
  grounds: z.string().trim().min(1, 'Ange skälen för beslutet').max(20_000),
  subjectPersonId: z.string().uuid().nullable().default(null),
  /** under which law the child is placed now, as far as the jour knows (police assistance only for LVU) */
  subjectPlacement: z.enum(['sol', 'lvu']).nullable().default(null),
  granted: z.boolean().nullable().default(null),
  amountSek: z.string().regex(/^\d{1,9}([.,]\d{1,2})?$/, 'Ange belopp i kronor, t.ex. 500 eller 500,50').nullable().default(null),
  linkedDecisionId: z.string().uuid().nullable().default(null),
  specialCircumstances: z.string().trim().max(20_000).nullable().default(null),
  noticeOverrideReason: z.string().trim().max(2000).nullable().default(null),
});

export const WithdrawInput = z.object({ reason: z.string().trim().min(5, 'Ange skälet').max(2000) });

export const TimeEntryInput = z.object({
  minutes: z.number().int().min(1, 'Minst 1 minut').max(1440, 'Högst 1 440 minuter (ett dygn)'),
  workDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum ska skrivas ÅÅÅÅ-MM-DD').nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});

export const DirectCostInput = z.object({
  kind: z.enum(['travel', 'accommodation', 'food_card', 'interpreter', 'other']),
  amountSek: z.string().regex(/^\d{1,9}([.,]\d{1,2})?$/, 'Ange belopp i kronor, t.ex. 450 eller 450,50'),
  costDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum ska skrivas ÅÅÅÅ-MM-DD').nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});

export const CloseInput = z.object({
  outcome: z.enum(['closed', 'handed_over']),
  nextSteps: z.string().trim().max(10_000).nullable().default(null),
  shelterGranted: z.boolean().default(false),
  version: z.number().int(),
  /** needed when granting accommodation goes against a notice (no_emergency_accommodation) */
  noticeOverrideReason: z.string().trim().max(2000).nullable().default(null),
});

export const ShiftNoteInput = z.object({ body: z.string().trim().min(1, 'Skriv överlämningen').max(10_000) });


export const CasePersonView = z.object({
  id: z.string(),
  displayName: z.string(),
  isProtected: z.boolean(),
  role: CaseRole,
  whereNow: z.string().nullable(),
  identityNumber: z.string().nullable(),
  age: z.number().nullable(),
  birthYear: z.number().nullable(),
});

export const TriageEventView = z.object({
  priority: z.number(),
  suggestedPriority: z.number(),
  criteria: z.array(z.string()),
  matchedRule: z.string().nullable(),
  overrideReason: z.string().nullable(),
  triagedBy: z.string(),
  triagedAt: z.string(),
});

export const JournalEntryView = z.object({
  id: z.string(),
  kind: z.string(),
  actionType: z.string().nullable(),
  body: z.string(),
  correctsEntryId: z.string().nullable(),
  correctedBy: z.array(z.string()),
  calledAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  turnOutMinutes: z.number().nullable(),
  authorName: z.string(),
  writtenAt: z.string(),
});

export const DeadlineView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string().optional(),
  kind: z.string(),
  label: z.string(),
  legalReference: z.string(),
  nominalDate: z.string(),
  movedDate: z.string(),
  municipalityCode: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
});

export const DecisionView = z.object({
  id: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  legalReference: z.string(),
  decidedAt: z.string(),
  makerKind: z.enum(['politician', 'delegation']),
  makerName: z.string(),
  makerCapacity: z.string(),
  communicatedVia: z.string(),
  signedAt: z.string().nullable(),
  grounds: z.string(),
  subjectPersonId: z.string().nullable(),
  granted: z.boolean().nullable(),
  amountSek: z.string().nullable(),
  linkedDecisionId: z.string().nullable(),
  specialCircumstances: z.string().nullable(),
  status: z.enum(['active', 'withdrawn']),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  noticeOverrideReason: z.string().nullable(),
  recordedByName: z.string(),
  deadlines: z.array(DeadlineView),
  /** the notices' instructions this decision went against, with the reason (noticeOverrideReason) */
  noticeOverrides: z.array(NoticeOverrideView),
});

export const CaseView = z.object({
  id: z.string(),
  caseNumber: z.string(),
  caseType: CaseType,
  receivedAt: z.string(),
  contactChannel: ContactChannel,
  reporterName: z.string().nullable(),
  reporterOrganisation: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  reporterIsMandated: z.boolean(),
  reporterWantsSecrecy: z.boolean(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  isMember: z.boolean(),
  categoryCode: z.string(),
  youthCrime: z.boolean(),
  summary: z.string(),
  concernsChild: z.boolean(),
  priority: z.number().nullable(),
  triageCriteria: z.array(z.string()),
  status: CaseStatus,
  closedAt: z.string().nullable(),
  nextSteps: z.string().nullable(),
  shelterRequested: z.boolean(),
  shelterGranted: z.boolean(),
  hasProtectionAssessment: z.boolean(),
  protectionAssessmentDue: z.string().nullable(),
  persons: z.array(CasePersonView),
  triage: z.array(TriageEventView),
  journal: z.array(JournalEntryView),
  decisions: z.array(DecisionView),
  timeEntries: z.array(z.object({ id: z.string(), userName: z.string(), workDate: z.string(), minutes: z.number(), note: z.string().nullable() })),
  totalMinutes: z.number(),
  costs: z.array(z.object({ id: z.string(), kind: z.string(), amountSek: z.string(), costDate: z.string(), note: z.string().nullable(), recordedByName: z.string() })),
  totalCostSek: z.string(),
  handoverReports: z.array(z.object({ id: z.string(), createdAt: z.string() })),
  version: z.number(),
  /** notices in force of the case's persons (a kommun user: its municipality's only), in full */
  notices: z.array(CaseNotice),
  /** decisions or closing that went against a notice, with the reason */
  noticeOverrides: z.array(NoticeOverrideView),
});
export type CaseView = z.infer<typeof CaseView>;

export const BoardCase = z.object({
  id: z.string(),
  caseNumber: z.string(),
  caseType: CaseType,
  receivedAt: z.string(),
  waitingMinutes: z.number(),
  priority: z.number().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  categoryCode: z.string(),
  summary: z.string(),
  concernsChild: z.boolean(),
  persons: z.array(z.object({ displayName: z.string(), role: z.string(), isProtected: z.boolean() })),
  protectionAssessmentOverdue: z.boolean(),
  version: z.number(),
});

export const Board = z.object({
  now: z.string(),
  openCases: z.array(BoardCase),
  recentlyClosed: z.array(z.object({ id: z.string(), caseNumber: z.string(), status: CaseStatus, closedAt: z.string().nullable(), municipalityCode: z.string() })),
  onShift: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() })),
  deadlines: z.array(DeadlineView),
  shiftNotes: z.array(z.object({ id: z.string(), body: z.string(), authorName: z.string(), writtenAt: z.string() })),
  /** open assignments started or starting within a day, and overdue ones: every shift sees them until done */
  assignments: z.array(BoardAssignment),
  /** politicians' decisions recorded by phone and not yet signed */
  unsignedDecisions: z.array(OutstandingSignature),
  /** standby call-outs that broke the next shift's rest, with substitutes to call */
  restAlerts: z.array(RestAlert).optional(),
});
export type Board = z.infer<typeof Board>;

export const Created = z.object({ id: z.string() });
export const CaseCreated = z.object({
  id: z.string(),
  caseNumber: z.string(),
  /** notices in force of the registered persons: in front of the social worker at once */
  notices: z.array(NoticeBrief),
});
/** A person added to a case, with the person's notices in force. */
export const CasePersonAdded = z.object({ id: z.string(), notices: z.array(NoticeBrief) });
