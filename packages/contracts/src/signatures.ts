import { z } from 'zod';

/**
 * Remote signing of a decision taken by an on-call politician (maker_kind
 * 'politician'). The jour sends a one-time link to the politician's e-mail and
 * is shown a 6-digit code once, which it reads to the politician by phone.
 * The link alone shows nothing; the link and the code together show the
 * decision and sign it. The e-mail carries no personal data.
 */

export const SignatureRequestInput = z
  .object({
    /** an on-call politician of the case's municipality … */
    politicianId: z.string().uuid().nullable().default(null),
    /** … or a name and address given by hand */
    recipientName: z.string().trim().max(200).nullable().default(null),
    recipientEmail: z.string().trim().email('Ange en giltig e-postadress').max(200).nullable().default(null),
  })
  .refine((v) => v.politicianId !== null || (v.recipientName && v.recipientEmail), { message: 'Välj en politiker i beredskap eller ange namn och e-postadress', path: ['politicianId'] });

export const SignatureRequestCreated = z.object({
  id: z.string(),
  decisionId: z.string(),
  recipientName: z.string(),
  recipientEmail: z.string(),
  expiresAt: z.string(),
  /** shown once: read it to the politician by phone. It is never stored in clear and never e-mailed. */
  code: z.string(),
});

export const SignatureRequestStatus = z.enum(['pending', 'signed', 'cancelled', 'locked', 'expired']);

export const SignatureRequestView = z.object({
  id: z.string(),
  status: SignatureRequestStatus,
  recipientName: z.string(),
  recipientEmail: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  openedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
});

/** A decision taken by a politician and recorded from the phone, not yet signed. */
export const OutstandingSignature = z.object({
  decisionId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  municipalityCode: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  decidedAt: z.string(),
  makerName: z.string(),
  makerCapacity: z.string(),
  communicatedVia: z.string(),
  /** the latest signing request, if any */
  request: SignatureRequestView.nullable(),
});
export type OutstandingSignature = z.infer<typeof OutstandingSignature>;

export const OutstandingSignatures = z.object({ signatures: z.array(OutstandingSignature) });

/** Public signing page, step 1: the token from the link (the part after '#', never sent in a URL). */
export const SigningTokenInput = z.object({ token: z.string().min(20).max(200) });

/** Public signing page, step 2 and 3: the token and the 6-digit code read by phone. */
export const SigningCodeInput = SigningTokenInput.extend({ code: z.string().trim().regex(/^\d{6}$/, 'Koden är sex siffror') });

/** What the link alone shows: no personal data. */
export const SigningLinkStatus = z.object({
  status: SignatureRequestStatus,
  organisationName: z.string(),
  expiresAt: z.string(),
  /** true: ask for the code that the jour reads by phone */
  codeRequired: z.boolean(),
});

/** The decision to sign (after the code). */
export const DecisionToSign = z.object({
  status: SignatureRequestStatus,
  organisationName: z.string(),
  municipalityName: z.string(),
  caseNumber: z.string(),
  typeName: z.string(),
  legalReference: z.string(),
  decidedAt: z.string(),
  makerName: z.string(),
  makerCapacity: z.string(),
  grounds: z.string(),
  /** the person the decision concerns: a protected person shows a display name only */
  subject: z.object({ displayName: z.string(), identityNumber: z.string().nullable() }).nullable(),
  recordedByName: z.string(),
  signedAt: z.string().nullable(),
});
