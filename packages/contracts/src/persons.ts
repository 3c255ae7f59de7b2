import { z } from 'zod';
import { Kommunkod } from './common.ts';
import { NoticeBrief, NoticeCard } from './notice-views.ts';

export const Protection = z.enum(['none', 'sekretessmarkering', 'skyddad_folkbokforing', 'fingerade']);
export const IdentityKind = z.enum(['personnummer', 'samordningsnummer', 'reservnummer', 'unknown']);

/** Search by identity number or name: sent in the body, never in a URL. */
export const PersonSearchRequest = z.object({
  query: z.string().trim().min(2, 'Skriv minst två tecken').max(200),
});

export const EarlierCase = z.object({
  id: z.string(),
  caseNumber: z.string(),
  receivedAt: z.string(),
  categoryCode: z.string(),
  municipalityCode: z.string(),
  status: z.string(),
  role: z.string(),
});

/** A person as a search hit or a list row. Protected persons show a display name only. */
export const PersonSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  isProtected: z.boolean(),
  protection: Protection,
  identityKind: IdentityKind,
  /** YYYYMMDD-NNNC; null for protected persons and unknown identity */
  identityNumber: z.string().nullable(),
  birthYear: z.number().nullable(),
  age: z.number().nullable(),
  homeMunicipalityCode: z.string().nullable(),
  caseCount: z.number(),
  lastCaseAt: z.string().nullable(),
  matchedBy: z.enum(['identity', 'name']).optional(),
  /** the person's notices in force today (a kommun user: its municipality's only); the full notice via GET /api/notices/:id */
  notices: z.array(NoticeBrief),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonSearchResponse = z.object({
  /** the query read as an identity number, or why it is not one */
  identity: z.object({ valid: z.boolean(), normalized: z.string().nullable(), message: z.string().nullable() }),
  results: z.array(PersonSummary),
});

export const PersonDetails = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  identityKind: IdentityKind,
  identityNumber: z.string().nullable(),
  reserveIssuer: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthYearApprox: z.number().nullable(),
  age: z.number().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  homeMunicipalityCode: z.string().nullable(),
  protection: Protection,
  hiddenResidence: z.boolean(),
  /** false when the details are withheld: a protected person needs a reasoned reveal */
  isRevealed: z.boolean(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  earlierCases: z.array(EarlierCase),
  version: z.number(),
  /** the person's notices in force today, in full (a kommun user: its municipality's only); reading them is logged */
  notices: z.array(NoticeCard),
});
export type PersonDetails = z.infer<typeof PersonDetails>;

export const PersonInput = z.object({
  identityKind: IdentityKind,
  /** personnummer or samordningsnummer in any common form, or a reservnummer */
  identityNumber: z.string().trim().max(40).nullable(),
  reserveIssuer: z.string().trim().max(100).nullable(),
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  birthYearApprox: z.number().int().nullable(),
  homeMunicipalityCode: Kommunkod.nullable(),
  address: z.string().trim().max(300).nullable(),
  phone: z.string().trim().max(50).nullable(),
  email: z.string().trim().max(200).nullable(),
  protection: Protection,
  hiddenResidence: z.boolean(),
  /** the user saw the similar persons the server listed, and this is someone else */
  confirmedNew: z.boolean().default(false),
});

export const PersonUpdate = PersonInput.omit({ confirmedNew: true }).extend({ version: z.number().int() });

export const RevealRequest = z.object({
  reason: z.string().trim().min(10, 'Ange skälet (minst 10 tecken)').max(1000),
});
