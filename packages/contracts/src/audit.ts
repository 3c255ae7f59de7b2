import { z } from 'zod';
import { IsoDate } from './common.ts';

export const AuditEvent = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string().nullable(),
  action: z.string(),
  kind: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  personId: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  purpose: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});

export const AuditQuery = z.object({
  userId: z.string().uuid().optional(),
  personId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  kind: z.enum(['auth', 'read', 'write', 'config', 'permission']).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditPage = z.object({ events: z.array(AuditEvent), nextBeforeSeq: z.number().nullable() });

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  count: z.number(),
  firstBroken: z.object({ seq: z.number(), id: z.string(), reason: z.string() }).nullable(),
});
