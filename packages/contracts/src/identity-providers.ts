import { z } from 'zod';
import { Kommunkod } from './common.ts';

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
});

export const IdentityProviderInput = z.object({
  name: z.string().trim().min(1, 'Ange namn').max(200),
  issuer: z.string().trim().url('Ange utfärdarens adress (https://…)'),
  clientId: z.string().trim().min(1, 'Ange klient-id').max(500),
  /** empty keeps the stored secret on update */
  clientSecret: z.string().max(2000),
  scopes: z.string().trim().min(1).max(500),
  roleClaim: z.string().trim().min(1, 'Ange claim för roll').max(100),
  municipalityClaim: z.string().trim().min(1, 'Ange claim för kommun').max(100),
  /** claim value → Jourbok role */
  roleMap: z.record(z.string(), z.enum(['socialsekreterare', 'enhetschef', 'kommun', 'controller', 'admin'])),
  defaultMunicipalityCode: Kommunkod.nullable(),
  isActive: z.boolean(),
  version: z.number().int().optional(),
});
