// Remote signing: the jour sends the politician a one-time link (and reads a
// code by phone); the public signing page opens the link, shows the decision
// with the code, and signs it. The token travels only in request bodies.
import type {
  DecisionToSign as DecisionToSignSchema,
  OnCallAnswer as OnCallAnswerSchema,
  OutstandingSignatures as OutstandingSignaturesSchema,
  SignatureRequestCreated as SignatureRequestCreatedSchema,
  SigningLinkStatus as SigningLinkStatusSchema,
} from '@jourbok/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { caseKey } from '../cases/api.ts';

export type DecisionToSign = z.infer<typeof DecisionToSignSchema>;
export type SigningLinkStatus = z.infer<typeof SigningLinkStatusSchema>;
export type SignatureRequestCreated = z.infer<typeof SignatureRequestCreatedSchema>;
export type OnCallAnswer = z.infer<typeof OnCallAnswerSchema>;
export type OutstandingSignatures = z.infer<typeof OutstandingSignaturesSchema>;

/** Step 1: is the link usable? Nothing of the decision. */
export function useSigningLink(token: string) {
  return useQuery({
    queryKey: ['signing-link', token],
    queryFn: () => api.post<SigningLinkStatus>('/api/public/signing/open', { token }),
    enabled: token !== '',
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export const useDecisionToSign = () => useMutation({ mutationFn: (input: { token: string; code: string }) => api.post<DecisionToSign>('/api/public/signing/decision', input) });

export const useSign = () => useMutation({ mutationFn: (input: { token: string; code: string }) => api.post<DecisionToSign>('/api/public/signing/sign', input) });

/** Who is on call for the municipality now (the signing-link dialog offers them). */
export function useOnCall(municipalityCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ['on-call', municipalityCode],
    queryFn: () => api.get<OnCallAnswer>(`/api/municipalities/${encodeURIComponent(municipalityCode)}/on-call`),
    enabled,
    refetchOnWindowFocus: false,
  });
}

export const useRequestSignature = (caseId: string) =>
  useMutation({
    mutationFn: ({ decisionId, input }: { decisionId: string; input: { politicianId: string | null; recipientName: string | null; recipientEmail: string | null } }) =>
      api.post<SignatureRequestCreated>(`/api/decisions/${encodeURIComponent(decisionId)}/signature-requests`, input),
    meta: { invalidates: [[...caseKey(caseId)], ['signatures'], ['oversight']] },
  });
