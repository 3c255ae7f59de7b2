// Cases: register, read, change, triage, journal, decisions, time, costs and closing.
// Every change invalidates the case and the board; a stale change refetches the case.
import type {
  Board,
  CasePersonInput as CasePersonInputSchema,
  CaseRegistration as CaseRegistrationSchema,
  CaseUpdate as CaseUpdateSchema,
  CaseView,
  CloseInput as CloseInputSchema,
  DecisionInput as DecisionInputSchema,
  DirectCostInput as DirectCostInputSchema,
  JournalInput as JournalInputSchema,
  TimeEntryInput as TimeEntryInputSchema,
  TriageInput as TriageInputSchema,
} from '@jourbok/contracts';
import { useMutation, useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type { Board, CaseView };
// Inputs as the contracts accept them (fields with a default may be left out).
export type CaseRegistration = z.input<typeof CaseRegistrationSchema>;
export type CaseUpdate = z.input<typeof CaseUpdateSchema>;
export type CasePersonInput = z.input<typeof CasePersonInputSchema>;
export type TriageInput = z.input<typeof TriageInputSchema>;
export type JournalInput = z.input<typeof JournalInputSchema>;
export type DecisionInput = z.input<typeof DecisionInputSchema>;
export type TimeEntryInput = z.input<typeof TimeEntryInputSchema>;
export type DirectCostInput = z.input<typeof DirectCostInputSchema>;
export type CloseInput = z.input<typeof CloseInputSchema>;
export type JournalEntry = CaseView['journal'][number];
export type Decision = CaseView['decisions'][number];
export type CasePerson = CaseView['persons'][number];

/** The board is the list of open cases: every change to a case changes it. */
export const boardKey = ['board'] as const;
export const caseKey = (id: string) => ['case', id] as const;

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => api.get<CaseView>(casePath(id)) });
}

/**
 * Refetch a case someone else changed (a live event), if it is on screen; as
 * background work, which does not count as the user's activity.
 */
export function refreshCase(client: QueryClient, id: string) {
  const query = client.getQueryCache().find({ queryKey: caseKey(id), exact: true });
  if (!query) return;
  if (query.getObserversCount() > 0) void client.prefetchQuery({ queryKey: caseKey(id), queryFn: () => api.poll<CaseView>(casePath(id)), staleTime: 0 });
  else void client.invalidateQueries({ queryKey: caseKey(id), refetchType: 'none' });
}

/** Refetch every case on screen (after the live connection was lost). */
export function refreshCases(client: QueryClient) {
  for (const query of client.getQueryCache().findAll({ queryKey: ['case'] })) {
    const id = query.queryKey[1];
    if (typeof id === 'string') refreshCase(client, id);
  }
}

const metaFor = (id: string) => ({ invalidates: [[...caseKey(id)], [...boardKey]], refetchOnStale: [[...caseKey(id)]] });

export const useRegisterCase = () =>
  useMutation({
    mutationFn: (input: CaseRegistration) => api.post<{ id: string; caseNumber: string }>('/api/cases', input),
    meta: { invalidates: [[...boardKey], ['person']] },
  });

export const useUpdateCase = (id: string) => useMutation({ mutationFn: (input: CaseUpdate) => api.put<{ id: string }>(casePath(id), input), meta: metaFor(id) });

export const useTriageCase = (id: string) =>
  useMutation({ mutationFn: (input: TriageInput & { version: number }) => api.post<{ priority: number }>(`${casePath(id)}/triage`, input), meta: metaFor(id) });

export const useAddCasePerson = (id: string) =>
  useMutation({ mutationFn: (input: CasePersonInput) => api.post<{ id: string }>(`${casePath(id)}/persons`, input), meta: { ...metaFor(id), invalidates: [[...caseKey(id)], [...boardKey], ['person']] } });

export const useWriteJournal = (id: string) =>
  useMutation({ mutationFn: (input: JournalInput) => api.post<{ id: string }>(`${casePath(id)}/journal`, input), meta: metaFor(id) });

export const useRecordDecision = (id: string) =>
  useMutation({ mutationFn: (input: DecisionInput) => api.post<{ id: string }>(`${casePath(id)}/decisions`, input), meta: metaFor(id) });

export const useWithdrawDecision = (id: string) =>
  useMutation({
    mutationFn: ({ decisionId, reason }: { decisionId: string; reason: string }) =>
      api.post<{ id: string }>(`${casePath(id)}/decisions/${encodeURIComponent(decisionId)}/withdraw`, { reason }),
    meta: metaFor(id),
  });

export const useRecordTime = (id: string) =>
  useMutation({ mutationFn: (input: TimeEntryInput) => api.post<{ id: string; bookedOn: string | null; notice: string | null }>(`${casePath(id)}/time`, input), meta: metaFor(id) });

export const useRecordCost = (id: string) =>
  useMutation({ mutationFn: (input: DirectCostInput) => api.post<{ id: string; bookedOn: string | null; notice: string | null }>(`${casePath(id)}/costs`, input), meta: metaFor(id) });

export const useCloseCase = (id: string) =>
  useMutation({ mutationFn: (input: CloseInput) => api.post<{ id: string }>(`${casePath(id)}/close`, input), meta: { ...metaFor(id), invalidates: [[...caseKey(id)], [...boardKey], ['person']] } });

/** Links to a handover report: the PDF for people, the JSON record for systems. */
export const handoverPdfPath = (reportId: string) => `/api/handover-reports/${encodeURIComponent(reportId)}/pdf`;
export const handoverJsonPath = (reportId: string) => `/api/handover-reports/${encodeURIComponent(reportId)}`;
