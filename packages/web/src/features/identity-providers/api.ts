// Single sign-on providers (OpenID Connect), managed by the administrator.
import type { IdentityProvider as IdentityProviderSchema, IdentityProviderInput as IdentityProviderInputSchema } from '@jourbok/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { sessionKey } from '../session/api.ts';

export type IdentityProvider = z.infer<typeof IdentityProviderSchema>;
export type IdentityProviderInput = z.infer<typeof IdentityProviderInputSchema>;

export const identityProvidersKey = ['identity-providers'] as const;

export function useIdentityProviders() {
  return useQuery({ queryKey: identityProvidersKey, queryFn: () => api.get<IdentityProvider[]>('/api/identity-providers') });
}

export const useSaveIdentityProvider = () =>
  useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: IdentityProviderInput }) =>
      id ? api.put<IdentityProvider>(`/api/identity-providers/${encodeURIComponent(id)}`, input) : api.post<IdentityProvider>('/api/identity-providers', input),
    // The login page lists the active providers from the session.
    meta: { invalidates: [[...identityProvidersKey], [...sessionKey]], refetchOnStale: [[...identityProvidersKey]] },
  });
