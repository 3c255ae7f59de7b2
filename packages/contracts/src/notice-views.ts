import { z } from 'zod';

/**
 * Notices (aviseringar) as they appear where a person comes up: in search
 * results, on the person page, in the case. The inputs and the full notice
 * with its read log are in notices.ts.
 */

/** information; important; must_read: a case involving the person cannot go on until the notice is acknowledged in it. */
export const NoticeLevel = z.enum(['information', 'important', 'must_read']);
export type NoticeLevel = z.infer<typeof NoticeLevel>;

/**
 * Structured instructions the server checks decisions against:
 * - no_economic_aid: granting EKONOMISKT_BISTAND needs `noticeOverrideReason`;
 * - no_emergency_accommodation: granting emergency accommodation (closing with `shelterGranted`, or an accommodation decision type) needs a reason;
 * - child_placed_sol: the child is placed under the social services act, not LVU: police assistance (LVU 43 §) is refused;
 * - child_placed_lvu: the child is placed under LVU;
 * - contact_municipality_first: every decision for the person needs a reason (that the municipality was contacted, or why it could not wait).
 */
export const NoticeInstruction = z.enum(['no_economic_aid', 'no_emergency_accommodation', 'child_placed_sol', 'child_placed_lvu', 'contact_municipality_first']);
export type NoticeInstruction = z.infer<typeof NoticeInstruction>;

/** A notice in brief: enough to see that there is one and how serious (person search results, case registration). */
export const NoticeBrief = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  level: NoticeLevel,
  /** the short text, e.g. "Inget ekonomiskt bistånd – pågående utredning" */
  title: z.string(),
  instructions: z.array(NoticeInstruction),
  /** Swedish labels of the instructions, in the same order */
  instructionLabels: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  /** the persons the notice is about (ids) */
  personIds: z.array(z.string()),
  /** must_read: has to be acknowledged in each case before the case can go on */
  requiresAcknowledgement: z.boolean(),
});
export type NoticeBrief = z.infer<typeof NoticeBrief>;

/** A notice in full, as the social worker reads it (person page, case page). Reading it is logged. */
export const NoticeCard = NoticeBrief.extend({
  /** the municipality's plan for the person or family */
  plan: z.string(),
  /** what the jour should do */
  shouldDo: z.string(),
  /** what the jour should not do */
  shouldNotDo: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  /** municipality: registered by the municipality itself; jour_phone: taken by the jour on the phone */
  registeredVia: z.enum(['municipality', 'jour_phone']),
  /** for jour_phone: who at the municipality phoned it in */
  phonedInBy: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type NoticeCard = z.infer<typeof NoticeCard>;

/** A notice on the case page: which of the case's persons it is about, and whether it is acknowledged in this case. */
export const CaseNotice = NoticeCard.extend({
  casePersonIds: z.array(z.string()),
  /** the acknowledgement of the notice's current version in this case */
  acknowledgement: z.object({ acknowledgedAt: z.string(), acknowledgedByName: z.string() }).nullable(),
  /** a must-read notice not acknowledged in this case: journal entries, decisions and closing are refused (error field 'notices') */
  blocksCase: z.boolean(),
});
export type CaseNotice = z.infer<typeof CaseNotice>;

/** A decision taken against a notice's instruction, with the reason given. */
export const NoticeOverrideView = z.object({
  noticeId: z.string(),
  /** the notice's short text; null when the notice is another municipality's (not shown to this reader) */
  noticeTitle: z.string().nullable(),
  municipalityCode: z.string(),
  instruction: NoticeInstruction,
  instructionLabel: z.string(),
  reason: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type NoticeOverrideView = z.infer<typeof NoticeOverrideView>;
