// The systematic quality work's data: deviations and complaints, self-inspections, the call log, telephony systems.
import type {
  CallbackTaskList,
  CallList,
  DeviationList,
  DeviationView,
  QualityAttention,
  SelfInspectionOverview,
  TelephonyCallResult,
  TelephonySystemCreated,
  TelephonySystemList,
  TelephonySystemView,
} from '@jourbok/contracts';
import { useMutation, useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type Deviation = z.infer<typeof DeviationView>;
export type DeviationCard = z.infer<typeof DeviationList>['deviations'][number];
export type InspectionOverview = z.infer<typeof SelfInspectionOverview>;
export type InspectionPlan = InspectionOverview['plans'][number];
export type Calls = z.infer<typeof CallList>;
export type CallbackTask = z.infer<typeof CallbackTaskList>['tasks'][number];
export type Attention = z.infer<typeof QualityAttention>;
export type TelephonySystem = z.infer<typeof TelephonySystemView>;

const deviationsKey = ['deviations'] as const;
const deviationKey = (id: string) => ['deviation', id] as const;
const inspectionsKey = ['self-inspections'] as const;
export const callbacksKey = ['callbacks'] as const;
const callsKey = ['calls'] as const;
export const attentionKey = ['quality-attention'] as const;
const telephonyKey = ['telephony-systems'] as const;

export function useDeviations(status: string) {
  return useQuery({ queryKey: [...deviationsKey, status], queryFn: () => api.get<z.infer<typeof DeviationList>>('/api/deviations', { status }) });
}
export function useDeviation(id: string | null) {
  return useQuery({ queryKey: deviationKey(id ?? ''), queryFn: () => api.get<Deviation>(`/api/deviations/${encodeURIComponent(id ?? '')}`), enabled: id !== null, refetchOnWindowFocus: false });
}
const deviationMeta = { invalidates: [[...deviationsKey], ['deviation'], [...attentionKey]] };
export const useRegisterDeviation = () => useMutation({ mutationFn: (input: unknown) => api.post<Deviation>('/api/deviations', input), meta: deviationMeta });
export const useDeviationCommand = () =>
  useMutation({ mutationFn: ({ id, command, input }: { id: string; command: 'assign' | 'analysis' | 'lex-sarah' | 'close' | 'reopen' | 'cases'; input: unknown }) => api.post<Deviation>(`/api/deviations/${encodeURIComponent(id)}/${command}`, input), meta: deviationMeta });

export function useInspections() {
  return useQuery({ queryKey: inspectionsKey, queryFn: () => api.get<InspectionOverview>('/api/self-inspections') });
}
const inspectionMeta = { invalidates: [[...inspectionsKey], [...attentionKey]] };
export const useCreatePlan = () => useMutation({ mutationFn: (input: unknown) => api.post<InspectionOverview>('/api/self-inspections/plans', input), meta: inspectionMeta });
export const useUpdatePlan = () => useMutation({ mutationFn: ({ id, input }: { id: string; input: unknown }) => api.put<InspectionOverview>(`/api/self-inspections/plans/${encodeURIComponent(id)}`, input), meta: inspectionMeta });
export const useStartInspection = () => useMutation({ mutationFn: (planId: string) => api.post<InspectionOverview>(`/api/self-inspections/plans/${encodeURIComponent(planId)}/start`), meta: inspectionMeta });
export const useRecordInspection = () => useMutation({ mutationFn: ({ id, input }: { id: string; input: unknown }) => api.post<InspectionOverview>(`/api/self-inspections/${encodeURIComponent(id)}/record`, input), meta: inspectionMeta });

export function useAttention(enabled: boolean) {
  return useQuery({ queryKey: attentionKey, queryFn: () => api.get<Attention>('/api/quality/attention'), enabled });
}

export function useCalls(date: string) {
  return useQuery({ queryKey: [...callsKey, date], queryFn: () => api.get<Calls>('/api/calls', { date }) });
}
export function useCallbacks() {
  return useQuery({ queryKey: callbacksKey, queryFn: () => api.get<z.infer<typeof CallbackTaskList>>('/api/calls/callbacks') });
}
const callMeta = { invalidates: [[...callsKey], [...callbacksKey]] };
export const useLogCall = () => useMutation({ mutationFn: (input: unknown) => api.post<z.infer<typeof TelephonyCallResult>>('/api/calls', input), meta: callMeta });
export const useRecordCallback = () =>
  useMutation({ mutationFn: ({ callId, result }: { callId: string; result: 'reached' | 'no_answer' | 'not_needed' }) => api.post<z.infer<typeof CallbackTaskList>>(`/api/calls/${encodeURIComponent(callId)}/callback`, { result }), meta: callMeta });

export function useTelephonySystems() {
  return useQuery({ queryKey: telephonyKey, queryFn: () => api.get<z.infer<typeof TelephonySystemList>>('/api/telephony/systems') });
}
export const useCreateTelephonySystem = () => useMutation({ mutationFn: (name: string) => api.post<z.infer<typeof TelephonySystemCreated>>('/api/telephony/systems', { name }), meta: { invalidates: [[...telephonyKey]] } });
export const useRevokeTelephonySystem = () => useMutation({ mutationFn: (id: string) => api.post<TelephonySystem>(`/api/telephony/systems/${encodeURIComponent(id)}/revoke`), meta: { invalidates: [[...telephonyKey]] } });

/** After a live event: refetch the board's callback tasks and the manager's quality card when on screen. */
export function refreshQuality(client: QueryClient) {
  for (const key of [callbacksKey, attentionKey]) {
    const query = client.getQueryCache().find({ queryKey: key, exact: true });
    if (!query) continue;
    if (query.getObserversCount() > 0) void client.prefetchQuery({ queryKey: key, queryFn: () => api.poll(key === callbacksKey ? '/api/calls/callbacks' : '/api/quality/attention'), staleTime: 0 });
    else void client.invalidateQueries({ queryKey: key, refetchType: 'none' });
  }
}
