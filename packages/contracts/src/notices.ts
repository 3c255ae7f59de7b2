import { z } from 'zod';
import { IsoDate, Kommunkod } from './common.ts';
import { NoticeCard, NoticeInstruction, NoticeLevel } from './notice-views.ts';
import { PersonInput } from './persons.ts';

/**
 * Notices (aviseringar): a member municipality tells the jour in advance about
 * a person or family. A kommun user registers its own municipality's notices;
 * jour staff may register one on a municipality's behalf (taken by phone).
 */

/** A person of the notice: one found by search, or a new one (created as on the person page). */
export const NoticePersonInput = z
  .object({
    personId: z.string().uuid().optional(),
    person: PersonInput.optional(),
  })
  .refine((v) => (v.personId ? !v.person : !!v.person), { message: 'Välj en befintlig person eller fyll i en ny', path: ['personId'] });

const NoticeFields = {
  level: NoticeLevel,
  title: z.string().trim().min(3, 'Skriv en kort rubrik').max(200),
  plan: z.string().trim().max(10_000).default(''),
  shouldDo: z.string().trim().max(10_000).default(''),
  shouldNotDo: z.string().trim().max(10_000).default(''),
  instructions: z.array(NoticeInstruction).max(10).default([]),
  validFrom: IsoDate,
  validTo: IsoDate,
  contactName: z.string().trim().min(1, 'Ange kontaktperson').max(200),
  contactPhone: z.string().trim().min(1, 'Ange telefonnummer till kontaktpersonen').max(50),
};

export const NoticeInput = z.object({
  /** required for jour staff; a kommun user's own municipality when left out (another is refused) */
  municipalityCode: Kommunkod.nullable().default(null),
  persons: z.array(NoticePersonInput).min(1, 'Ange vilken person eller familj aviseringen gäller').max(20),
  ...NoticeFields,
  /** jour staff taking it by phone: who at the municipality called */
  phonedInBy: z.string().trim().max(200).nullable().default(null),
});

/** Change a notice's content. A must-read notice that changes must be acknowledged again. */
export const NoticeUpdate = z.object({
  ...NoticeFields,
  version: z.number().int(),
});

export const NoticeWithdrawInput = z.object({ reason: z.string().trim().min(3, 'Ange skälet').max(2000) });

/** Acknowledge a must-read notice in a case (recorded with who and when). */
export const NoticeAcknowledgeInput = z.object({ caseId: z.string().uuid() });

export const NoticeAcknowledgement = z.object({
  noticeId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  noticeVersion: z.number(),
  acknowledgedByName: z.string(),
  acknowledgedAt: z.string(),
});

export const NoticePerson = z.object({
  id: z.string(),
  displayName: z.string(),
  isProtected: z.boolean(),
  /** YYYYMMDD-NNNC; null for a protected person or an unknown identity */
  identityNumber: z.string().nullable(),
});

/** The jour's reads of a notice (the municipality sees who read it and when). */
export const NoticeReadEntry = z.object({
  userName: z.string(),
  firstReadAt: z.string(),
  lastReadAt: z.string(),
  readCount: z.number(),
});

export const NoticeStatus = z.enum(['active', 'upcoming', 'expired', 'withdrawn']);

/** A notice with its persons, state, read log and acknowledgements. */
export const NoticeView = NoticeCard.extend({
  status: NoticeStatus,
  persons: z.array(NoticePerson),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  readLog: z.array(NoticeReadEntry),
  acknowledgements: z.array(NoticeAcknowledgement),
});
export type NoticeView = z.infer<typeof NoticeView>;

export const NoticeListItem = NoticeCard.extend({
  status: NoticeStatus,
  persons: z.array(NoticePerson),
  /** how many of the jour's staff have read it, and when last */
  readCount: z.number(),
  lastReadAt: z.string().nullable(),
});

export const NoticeQuery = z.object({
  /** default: in force today, or starting later */
  status: z.enum(['current', 'active', 'upcoming', 'expired', 'withdrawn', 'all']).default('current'),
  municipalityCode: Kommunkod.optional(),
  personId: z.string().uuid().optional(),
});

export const NoticeList = z.object({ notices: z.array(NoticeListItem) });
