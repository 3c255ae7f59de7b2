import { z } from 'zod';
import { Kommunkod } from './common.ts';
import { RoleSchema } from './auth.ts';

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: RoleSchema,
  municipalityCode: z.string().nullable(),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  hasTotp: z.boolean(),
  isSso: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
});
export type User = z.infer<typeof User>;

export const UserCreate = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'Användarnamnet ska ha minst 3 tecken')
    .max(100)
    .regex(/^[a-zA-Z0-9._@-]+$/, 'Användarnamnet får bara ha bokstäver a–z, siffror och . _ @ -'),
  displayName: z.string().trim().min(1, 'Ange namn').max(200),
  email: z.string().trim().email('Ange en giltig e-postadress').max(200).nullable(),
  role: RoleSchema,
  municipalityCode: Kommunkod.nullable(),
});

export const UserUpdate = z.object({
  displayName: z.string().trim().min(1, 'Ange namn').max(200),
  email: z.string().trim().email('Ange en giltig e-postadress').max(200).nullable(),
  role: RoleSchema,
  municipalityCode: Kommunkod.nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
});

/** A new user or a reset gets a one-time password, shown once to the administrator. */
export const UserCreated = z.object({ user: User, initialPassword: z.string() });
export const PasswordReset = z.object({ initialPassword: z.string() });
