import { z } from 'zod';
import { IsoDate, Kommunkod } from './common.ts';

export const StaffKind = z.enum(['regular', 'substitute']);
export const ShiftKind = z.enum(['open', 'standby', 'open_until_midnight']);
export const StaffRequestKind = z.enum(['absence', 'wish_free', 'wish_work']);

/** A staff member: a regular employee (employment rate 35–100 %) or an hourly substitute. */
export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  kind: StaffKind,
  employmentRate: z.number().nullable(),
  contactMunicipalityCode: z.string().nullable(),
  contactMunicipalityName: z.string().nullable(),
  qualifications: z.array(z.string()),
  phone: z.string(),
  weekdayUntilMidnight: z.boolean(),
  isActive: z.boolean(),
  /** substitutes: dates they can work */
  availableDates: z.array(z.string()),
  /** regular staff: absences and wishes */
  requests: z.array(z.object({ date: z.string(), kind: StaffRequestKind })),
  version: z.number(),
});
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffList = z.object({ staff: z.array(StaffMember), totalFte: z.number() });

const name = z.string().trim().min(1, 'Ange namnet').max(120);
export const StaffInput = z
  .object({
    name,
    kind: StaffKind,
    employmentRate: z.number().int().min(35, 'Sysselsättningsgraden ska vara 35–100 %').max(100, 'Sysselsättningsgraden ska vara 35–100 %').nullable(),
    contactMunicipalityCode: Kommunkod.nullable(),
    qualifications: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    phone: z.string().trim().max(40).default(''),
    weekdayUntilMidnight: z.boolean().default(false),
  })
  .refine((v) => v.kind === 'substitute' || v.employmentRate !== null, { message: 'Ordinarie personal behöver en sysselsättningsgrad', path: ['employmentRate'] });
export type StaffInput = z.infer<typeof StaffInput>;
export const StaffUpdate = z.object({
  name,
  employmentRate: z.number().int().min(35, 'Sysselsättningsgraden ska vara 35–100 %').max(100, 'Sysselsättningsgraden ska vara 35–100 %').nullable(),
  contactMunicipalityCode: Kommunkod.nullable(),
  qualifications: z.array(z.string().trim().min(1).max(60)).max(20),
  phone: z.string().trim().max(40),
  weekdayUntilMidnight: z.boolean(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export const StaffDatesInput = z.object({
  /** substitutes: availability; regular staff: a request of `kind` */
  kind: z.enum(['available', 'absence', 'wish_free', 'wish_work']),
  dates: z.array(IsoDate).min(1, 'Ange minst ett datum').max(120),
  /** remove these dates instead of adding them */
  remove: z.boolean().default(false),
});

export const RosterViolation = z.object({
  rule: z.string(),
  staffId: z.string().nullable(),
  date: z.string(),
  shiftKey: z.string().nullable(),
  message: z.string(),
  restHours: z.number().optional(),
  callOutId: z.string().nullable().optional(),
});
export const RosterProblem = z.object({ requirement: z.string(), message: z.string(), date: z.string().optional(), staffId: z.string().optional(), amount: z.number().optional() });
export const SubstituteProposal = z.object({ staffId: z.string(), name: z.string(), kind: ShiftKind, start: z.string(), end: z.string() });
export const RosterGap = z.object({
  date: z.string(),
  shiftKey: z.string(),
  missing: z.number(),
  reason: z.enum(['understaffed', 'absence', 'rest']),
  staffId: z.string().nullable(),
  callOutId: z.string().nullable(),
  message: z.string(),
  proposals: z.array(SubstituteProposal),
});
export const RosterAssignment = z.object({ id: z.string(), staffId: z.string(), date: z.string(), kind: ShiftKind, start: z.string(), end: z.string() });
export const RosterDay = z.object({ date: z.string(), weekday: z.string(), dayType: z.string(), holidayName: z.string().nullable(), open: z.object({ start: z.string(), end: z.string(), hours: z.number() }), standby: z.object({ start: z.string(), end: z.string() }) });
export const CallOutView = z.object({ id: z.string(), staffId: z.string(), staffName: z.string(), calledAt: z.string(), startedAt: z.string(), backAt: z.string(), note: z.string(), recordedByName: z.string(), recordedAt: z.string() });
export const RosterView = z.object({
  id: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  weeks: z.number(),
  status: z.enum(['draft', 'published']),
  requiredPerShift: z.number(),
  generatedAt: z.string(),
  generatedByName: z.string(),
  solver: z.object({ status: z.string(), objective: z.number().nullable(), seconds: z.number() }),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  /** the earliest date the roster may be published (start − 14 days) */
  publishBy: z.string(),
  staff: z.array(z.object({ id: z.string(), name: z.string(), kind: StaffKind, employmentRate: z.number().nullable(), hours: z.number(), target: z.number().nullable(), tolerance: z.number().nullable(), weekendShifts: z.number(), standbyNights: z.number() })),
  days: z.array(RosterDay),
  assignments: z.array(RosterAssignment),
  violations: z.array(RosterViolation),
  /** requirements that could not be met when the roster was generated */
  problems: z.array(RosterProblem),
  gaps: z.array(RosterGap),
  callOuts: z.array(CallOutView),
  version: z.number(),
});
export type RosterView = z.infer<typeof RosterView>;
export const RosterSummary = z.object({ id: z.string(), startDate: z.string(), endDate: z.string(), status: z.enum(['draft', 'published']), generatedAt: z.string(), publishedAt: z.string().nullable(), violations: z.number().optional() });
export const RosterList = z.object({ rosters: z.array(RosterSummary) });
export const RosterGenerateInput = z.object({
  startDate: IsoDate,
  weeks: z.number().int().min(1).max(12).default(12),
  /** solver limits; the defaults suit a unit of Nordväst's size */
  timeLimitSeconds: z.number().min(1).max(120).default(20),
  mipGap: z.number().min(0).max(0.5).default(0.02),
});
export const AssignmentMoveInput = z.object({
  /** the new person (default: the same) */
  staffId: z.string().uuid().optional(),
  /** the new date (default: the same) */
  date: IsoDate.optional(),
  version: z.number().int(),
});
export const AssignmentAddInput = z.object({ staffId: z.string().uuid(), date: IsoDate, kind: ShiftKind, version: z.number().int() });
export const AssignmentParams = z.object({ id: z.string().uuid(), assignmentId: z.string().uuid() });
export const RosterVersionInput = z.object({ version: z.number().int() });
export const CallOutInput = z.object({
  staffId: z.string().uuid(),
  calledAt: z.string().datetime({ offset: true }),
  startedAt: z.string().datetime({ offset: true }),
  backAt: z.string().datetime({ offset: true }),
  note: z.string().trim().max(500).default(''),
});
/** A call-out's effect on the next shift (for the shift board). */
export const RestAlert = z.object({
  callOutId: z.string(),
  staffName: z.string(),
  backAt: z.string(),
  shiftDate: z.string(),
  shiftStart: z.string(),
  restHours: z.number(),
  earliestStart: z.string(),
  message: z.string(),
  proposals: z.array(SubstituteProposal),
});
export const CallOutResult = z.object({ callOut: CallOutView, alerts: z.array(RestAlert) });
export const CallOutList = z.object({ callOuts: z.array(CallOutView), alerts: z.array(RestAlert), staff: z.array(z.object({ id: z.string(), name: z.string() })) });
