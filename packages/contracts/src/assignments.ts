import { z } from 'zod';
import { Kommunkod } from './common.ts';
import { PersonInput } from './persons.ts';

/**
 * Assignments (uppdrag): work a member municipality leaves for the jour
 * ("tillsyn varje kväll 19–21 över helgen"). An assignment stays on the shift
 * board, shift after shift, until each of its occasions is documented.
 */

const Instant = z.string().datetime({ offset: true, message: 'Ange tid som ÅÅÅÅ-MM-DDTTT:MM med tidszon' });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid ska skrivas TT:MM');

export const AssignmentPersonInput = z
  .object({ personId: z.string().uuid().optional(), person: PersonInput.optional() })
  .refine((v) => (v.personId ? !v.person : !!v.person), { message: 'Välj en befintlig person eller fyll i en ny', path: ['personId'] });

export const AssignmentInput = z.object({
  /** required for jour staff; a kommun user's own municipality when left out */
  municipalityCode: Kommunkod.nullable().default(null),
  /** what to do, in short ("Tillsyn av familjen") */
  title: z.string().trim().min(3, 'Skriv vad uppdraget gäller').max(200),
  /** how, where, what to look for, what to document */
  description: z.string().trim().max(10_000).default(''),
  persons: z.array(AssignmentPersonInput).max(20).default([]),
  /** the whole period, e.g. Friday 16:00 to Monday 08:00 */
  windowFrom: Instant,
  windowTo: Instant,
  /** none: once within the window; daily: every day's slot within the window (each is documented) */
  recurrence: z.enum(['none', 'daily']).default('none'),
  /** HH:MM local, for daily (may cross midnight) */
  dailyFrom: ClockTime.nullable().default(null),
  dailyTo: ClockTime.nullable().default(null),
  contactName: z.string().trim().min(1, 'Ange kontaktperson').max(200),
  contactPhone: z.string().trim().min(1, 'Ange telefonnummer').max(50),
  /** jour staff taking it by phone: who at the municipality called */
  phonedInBy: z.string().trim().max(200).nullable().default(null),
});

export const AssignmentOutcome = z.enum(['done', 'not_possible', 'attempt']);

/** Document an occasion: done, could not be done (closes it), or a note on the way. */
export const AssignmentReportInput = z.object({
  /** the occasion's date (YYYY-MM-DD) as listed in `occasions`; may be left out when there is one occasion going on or overdue */
  occasionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum ska skrivas ÅÅÅÅ-MM-DD').nullable().default(null),
  outcome: AssignmentOutcome,
  body: z.string().trim().min(1, 'Beskriv vad som gjordes').max(20_000),
  /** who did it (may be several); default the one documenting */
  performedBy: z.string().trim().max(300).nullable().default(null),
  /** when it was done; default now */
  performedAt: Instant.nullable().default(null),
});

export const AssignmentCancelInput = z.object({ reason: z.string().trim().min(3, 'Ange skälet').max(2000) });

export const OccasionState = z.enum(['upcoming', 'due', 'overdue', 'handled']);

export const AssignmentOccasion = z.object({
  /** the key: the local date the occasion starts */
  date: z.string(),
  from: z.string(),
  to: z.string(),
  state: OccasionState,
  outcome: z.enum(['done', 'not_possible']).nullable(),
  reportCount: z.number(),
});

export const AssignmentReport = z.object({
  id: z.string(),
  occasionDate: z.string(),
  outcome: AssignmentOutcome,
  body: z.string(),
  performedBy: z.string(),
  performedAt: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});

export const AssignmentPerson = z.object({
  id: z.string(),
  displayName: z.string(),
  isProtected: z.boolean(),
  identityNumber: z.string().nullable(),
});

/**
 * open: not yet done; done: every occasion handled; cancelled by the municipality.
 * `isOverdue`: an occasion has passed without being documented (raised to the unit manager).
 */
export const AssignmentStatus = z.enum(['open', 'done', 'cancelled']);

export const AssignmentSummary = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  title: z.string(),
  status: AssignmentStatus,
  isOverdue: z.boolean(),
  windowFrom: z.string(),
  windowTo: z.string(),
  recurrence: z.enum(['none', 'daily']),
  dailyFrom: z.string().nullable(),
  dailyTo: z.string().nullable(),
  persons: z.array(AssignmentPerson),
  /** the occasion going on now, else the next one */
  current: AssignmentOccasion.nullable(),
  occasionCount: z.number(),
  handledCount: z.number(),
  overdueCount: z.number(),
  contactName: z.string(),
  contactPhone: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  lastReport: AssignmentReport.nullable(),
});

export const AssignmentView = AssignmentSummary.extend({
  description: z.string(),
  registeredVia: z.enum(['municipality', 'jour_phone']),
  phonedInBy: z.string().nullable(),
  occasions: z.array(AssignmentOccasion),
  reports: z.array(AssignmentReport),
  cancelledAt: z.string().nullable(),
  cancelledByName: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  version: z.number(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const AssignmentQuery = z.object({
  status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
  /** only assignments with an occasion passed undocumented */
  overdue: z.enum(['true', 'false']).optional(),
  municipalityCode: Kommunkod.optional(),
});

export const AssignmentList = z.object({ assignments: z.array(AssignmentSummary) });

/** An assignment on the shift board (and in the shift handover). */
export const BoardAssignment = AssignmentSummary;
