import { z } from 'zod';

export const RoleSchema = z.enum(['socialsekreterare', 'enhetschef', 'kommun', 'controller', 'admin']);

export const LoginRequest = z.object({
  username: z.string().trim().min(1, 'Ange användarnamn').max(200),
  password: z.string().min(1, 'Ange lösenord').max(1000),
});

/** What the client must do next after a step of the sign-in. */
export const LoginStage = z.enum(['totp', 'enroll', 'change_password', 'done']);
export const LoginResponse = z.object({ stage: LoginStage });

export const TotpRequest = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Koden ska vara sex siffror') });

export const TotpEnrollment = z.object({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Ange nuvarande lösenord').max(1000),
  newPassword: z.string().min(12, 'Lösenordet ska ha minst 12 tecken').max(1000),
});

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  mustChangePassword: z.boolean(),
});

export const SessionResponse = z.object({
  csrfToken: z.string(),
  stage: z.enum(['anonymous', 'totp', 'enroll', 'full']),
  user: SessionUser.nullable(),
  abilities: z.array(z.string()),
  organisation: z.object({ id: z.string(), name: z.string(), shortName: z.string() }).nullable(),
  demo: z.boolean(),
  identityProviders: z.array(z.object({ id: z.string(), name: z.string() })),
  idleTimeoutMinutes: z.number(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const DemoCodeResponse = z.object({ code: z.string() });
