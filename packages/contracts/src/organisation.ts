import { z } from 'zod';
import { DAY_TYPES, EVE_CODES } from '@jourbok/domain';
import { IsoDate, Kommunkod } from './common.ts';

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid ska skrivas TT:MM');

export const Municipality = z.object({
  code: z.string(),
  name: z.string(),
  isHost: z.boolean(),
  isMember: z.boolean(),
  functionalMailbox: z.string().nullable(),
  version: z.number(),
});

export const MunicipalityInput = z.object({
  code: Kommunkod,
  name: z.string().trim().min(1, 'Ange kommunens namn').max(100),
  isHost: z.boolean(),
  isMember: z.boolean(),
  functionalMailbox: z.string().trim().email('Ange en giltig e-postadress').max(200).nullable(),
  version: z.number().int().optional(),
});

export const Category = z.object({
  code: z.string(),
  name: z.string(),
  sortOrder: z.number(),
  isPrioritised: z.boolean(),
  isActive: z.boolean(),
  version: z.number(),
});

export const CategoryInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'Koden får bara ha små bokstäver a–z, siffror och _').max(50),
  name: z.string().trim().min(1, 'Ange namn').max(100),
  sortOrder: z.number().int().min(0).max(10_000),
  isPrioritised: z.boolean(),
  isActive: z.boolean(),
  version: z.number().int().optional(),
});

export const LegalBasis = z.object({
  reference: z.string().trim().min(1, 'Ange lagrum').max(300),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});

export const DecisionType = z.object({
  code: z.string(),
  name: z.string(),
  decidedBy: z.enum(['politician', 'delegation']),
  subjectMaxAgeExclusive: z.number().nullable(),
  isGrantable: z.boolean(),
  sortOrder: z.number(),
  isActive: z.boolean(),
  legalBases: z.array(LegalBasis),
  version: z.number(),
});

export const DecisionTypeInput = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'Koden får bara ha stora bokstäver A–Z, siffror och _').max(50),
  name: z.string().trim().min(1, 'Ange namn').max(200),
  decidedBy: z.enum(['politician', 'delegation']),
  subjectMaxAgeExclusive: z.number().int().min(1).max(150).nullable(),
  isGrantable: z.boolean(),
  sortOrder: z.number().int().min(0).max(10_000),
  isActive: z.boolean(),
  legalBases: z.array(LegalBasis).min(1, 'Ange minst ett lagrum'),
  version: z.number().int().optional(),
});

export const OpenRule = z.object({
  dayTypes: z.array(z.enum(DAY_TYPES)).optional(),
  weekdays: z.array(z.number().int().min(1).max(7)).optional(),
  from: Hhmm,
});

export const CalendarSettings = z.object({
  timeZone: z.string(),
  holidayEves: z.array(z.enum(EVE_CODES)),
  extraHolidays: z.array(z.object({ date: IsoDate, name: z.string().trim().min(1).max(100) })),
  openRules: z.array(OpenRule).min(1),
  standbyStart: Hhmm,
  standbyEndShort: Hhmm,
  standbyEndLong: Hhmm,
  openEnd: Hhmm,
});

export const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  preset: z.string().nullable(),
  timeZone: z.string(),
  phone: z.string(),
  staffPerShift: z.number(),
  calendar: CalendarSettings,
  version: z.number(),
  municipalities: z.array(Municipality),
  categories: z.array(Category),
  decisionTypes: z.array(DecisionType),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationUpdate = z.object({
  name: z.string().trim().min(1, 'Ange organisationens namn').max(200),
  shortName: z.string().trim().min(1, 'Ange ett kortnamn').max(50),
  phone: z.string().trim().max(50),
  staffPerShift: z.number().int().min(1, 'Minst en per pass').max(50),
  calendar: CalendarSettings,
  version: z.number().int(),
});

export const UnitStatus = z.object({
  status: z.enum(['open', 'standby', 'closed']),
  since: z.string(),
  until: z.string(),
  next: z.enum(['open', 'standby', 'closed']),
  now: z.string(),
});
export type UnitStatus = z.infer<typeof UnitStatus>;

export const CalendarQuery = z.object({ from: IsoDate, to: IsoDate });
