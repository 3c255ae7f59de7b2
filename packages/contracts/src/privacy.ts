// Rule of law and privacy: access review (loggkontroll), retention (gallring), subject access (registerutdrag).
import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

// ---- access review ----

export const AccessReviewSettings = z.object({
  shiftStartHour: z.number().int().min(0).max(23),
  lookbackDays: z.number().int().min(1).max(365),
  volumeFactor: z.number().gt(1).max(100),
  volumeMinimum: z.number().int().min(1),
  minHistoryDays: z.number().int().min(1),
  noHistoryThreshold: z.number().int().min(1),
  openActions: z.array(z.string().max(100)).max(50),
});

export const AccessReviewQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  userId: Uuid.optional(),
  personId: Uuid.optional(),
});

export const AccessOpening = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  userName: z.string(),
  userRole: z.string().nullable(),
  action: z.string(),
  personId: z.string(),
  personName: z.string(),
  personProtected: z.boolean(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  purpose: z.string().nullable(),
});

export const AccessFindingView = z.object({
  kind: z.enum(['protected_identity', 'outside_shift_cases', 'volume']),
  userId: z.string(),
  userName: z.string(),
  day: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  seqs: z.array(z.number()),
  count: z.number(),
  usual: z.number().nullable(),
});

export const AccessReviewResult = z.object({
  from: z.string(),
  to: z.string(),
  openings: z.array(AccessOpening),
  openingsTotal: z.number(),
  findings: z.array(AccessFindingView),
  summary: z.object({ protected_identity: z.number(), outside_shift_cases: z.number(), volume: z.number() }),
  settings: AccessReviewSettings,
});

export const AccessReviewInput = z.object({
  from: IsoDate,
  to: IsoDate,
  userId: Uuid.optional(),
  personId: Uuid.optional(),
  conclusion: z.string().trim().min(1, 'Skriv en slutsats.').max(5000),
});

export const AccessReviewRecord = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  filters: z.record(z.string(), z.unknown()),
  summary: z.record(z.string(), z.unknown()),
  findingCount: z.number(),
  conclusion: z.string(),
  reviewedByName: z.string(),
  reviewedAt: z.string(),
});
export const AccessReviewList = z.object({ reviews: z.array(AccessReviewRecord) });

export const PersonHistoryQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

// ---- retention ----

export const RetentionRules = z.object({
  yearsAfterLastEntry: z.number().int().min(1).max(100),
  keepBirthDays: z.array(z.number().int().min(1).max(31)).max(31),
  keepPlacementDecisionTypes: z.array(z.string().max(50)).max(50),
  childAgeBelow: z.number().int().min(1).max(30),
});

export const RetentionCandidate = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  receivedAt: z.string(),
  lastEntryDate: z.string(),
  eligibleFrom: z.string(),
  removeBy: z.string(),
  municipalityCode: z.string(),
  categoryCode: z.string(),
  personCount: z.number(),
  verdict: z.enum(['remove', 'keep_birth_day', 'keep_placement']),
  overdue: z.boolean(),
  isImported: z.boolean(),
});

export const RetentionPreview = z.object({
  today: z.string(),
  rules: RetentionRules,
  toRemove: z.number(),
  overdue: z.number(),
  kept: z.object({ birthDay: z.number(), placement: z.number() }),
  personsToRemove: z.number(),
  candidates: z.array(RetentionCandidate),
  candidatesTotal: z.number(),
});

export const RetentionRunInput = z.object({ confirm: z.literal(true, 'Bekräfta gallringen.') });

export const RetentionCounts = z.object({
  cases: z.number(),
  journalEntries: z.number(),
  decisions: z.number(),
  casePersons: z.number(),
  personsRemoved: z.number(),
  personsKept: z.number(),
  handoverReports: z.number(),
  keptBirthDay: z.number(),
  keptPlacement: z.number(),
});

export const RetentionRunRecord = z.object({
  id: z.string(),
  runAt: z.string(),
  runOn: z.string(),
  runByName: z.string(),
  counts: RetentionCounts,
});
export const RetentionRunList = z.object({ runs: z.array(RetentionRunRecord) });

// ---- subject access ----

export const SubjectAccessInput = z.object({ identityNumber: z.string().trim().min(1, 'Ange personnummer.').max(20) });

export const SubjectAccessCreated = z.object({
  requestId: z.string(),
  found: z.boolean(),
  extract: z.record(z.string(), z.unknown()).nullable(),
});
