import { z } from 'zod';

/** Every error response: a code, a Swedish message for people, and the field at fault. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const Ok = z.object({ ok: z.literal(true) });

export const Kommunkod = z.string().regex(/^\d{4}$/, 'Kommunkoden ska vara fyra siffror');
/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum ska skrivas ÅÅÅÅ-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'Datumet finns inte');
export const Uuid = z.string().uuid();
export const IdParams = z.object({ id: Uuid });
