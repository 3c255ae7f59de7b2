import { z } from 'zod';
import { RoleSchema } from './auth.ts';
import { Kommunkod } from './common.ts';

/** A municipality's OpenID Connect provider as the administrator sees it. The client secret is never sent. */
export const IdentityProvider = z.object({
  id: z.string(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  scopes: z.string(),
  roleClaim: z.string(),
  municipalityClaim: z.string(),
  roleMap: z.record(z.string(), z.string()),
  defaultMunicipalityCode: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number(),
  /** the redirect URI to register at the provider */
  redirectUri: z.string(),
});
export type IdentityProvider = z.infer<typeof IdentityProvider>;

export const IdentityProviderInput = z.object({
  name: z.string().trim().min(1, 'Ange namn').max(200),
  issuer: z.string().trim().url('Ange utfärdarens adress (https://…)').max(500),
  clientId: z.string().trim().min(1, 'Ange klient-id').max(500),
  /** required when creating; empty keeps the stored secret on update */
  clientSecret: z.string().max(2000),
  scopes: z.string().trim().min(1).max(500),
  roleClaim: z.string().trim().min(1, 'Ange claim för roll').max(100),
  municipalityClaim: z.string().trim().min(1, 'Ange claim för kommun').max(100),
  /** claim value → Jourbok role */
  roleMap: z.record(z.string().trim().min(1).max(200), RoleSchema),
  defaultMunicipalityCode: Kommunkod.nullable(),
  isActive: z.boolean(),
  version: z.number().int().optional(),
});
export type IdentityProviderInput = z.infer<typeof IdentityProviderInput>;

/** A change is made against the version the administrator saw. */
export const IdentityProviderUpdate = IdentityProviderInput.extend({ version: z.number().int() });
export type IdentityProviderUpdate = z.infer<typeof IdentityProviderUpdate>;
