// The year's plan, its follow-ups and the assembled report document.
import type { FollowUpList, FollowUpSave, FollowUpView, PlanSave, PlanView, ReportDocumentView } from '@jourbok/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type Plan = z.infer<typeof PlanView>;
export type PlanContent = Plan['content'];
export type FollowUp = z.infer<typeof FollowUpView>;
export type FollowUpContent = FollowUp['content'];
export type FollowUpPeriod = FollowUp['period'];
export type ReportDocument = z.infer<typeof ReportDocumentView>;

const planKey = (year: number) => ['plan', year] as const;
const followUpsKey = (year: number) => ['plan', year, 'follow-ups'] as const;
const followUpKey = (year: number, period: string) => ['plan', year, 'follow-up', period] as const;
const reportKey = (year: number, period: string) => ['plan', year, 'report', period] as const;

export const usePlan = (year: number) => useQuery({ queryKey: planKey(year), queryFn: () => api.get<Plan>(`/api/plans/${year}`) });
export const useFollowUps = (year: number) => useQuery({ queryKey: followUpsKey(year), queryFn: () => api.get<z.infer<typeof FollowUpList>>(`/api/plans/${year}/follow-ups`) });
export const useFollowUp = (year: number, period: string) =>
  useQuery({ queryKey: followUpKey(year, period), queryFn: () => api.get<FollowUp>(`/api/plans/${year}/follow-ups/${period}`), refetchOnWindowFocus: false });
export const useReportDocument = (year: number, period: string) => useQuery({ queryKey: reportKey(year, period), queryFn: () => api.get<ReportDocument>(`/api/plans/${year}/reports/${period}`) });

export const useSavePlan = (year: number) =>
  useMutation({
    mutationFn: (input: z.input<typeof PlanSave>) => api.put<Plan>(`/api/plans/${year}`, input),
    meta: { invalidates: [['plan', year]], refetchOnStale: [planKey(year)] },
  });

/** The saved follow-up replaces the cached one at once, so the next save carries its new version. */
export function useSaveFollowUp(year: number, period: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof FollowUpSave>) => api.put<FollowUp>(`/api/plans/${year}/follow-ups/${period}`, input),
    onSuccess: (saved) => client.setQueryData(followUpKey(year, period), saved),
    meta: { invalidates: [followUpsKey(year), reportKey(year, period)], refetchOnStale: [followUpKey(year, period)] },
  });
}

export const useFollowUpStatus = (year: number, period: string) =>
  useMutation({
    mutationFn: ({ action, version }: { action: 'finish' | 'reopen'; version: number }) => api.post<FollowUp>(`/api/plans/${year}/follow-ups/${period}/${action}`, { version }),
    meta: { invalidates: [followUpsKey(year), followUpKey(year, period), reportKey(year, period)], refetchOnStale: [followUpKey(year, period)] },
  });
