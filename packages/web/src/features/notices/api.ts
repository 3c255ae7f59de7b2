// Notices (aviseringar): the municipality tells the jour in advance about a
// person or family; the jour's reads are logged and shown to the municipality.
import type {
  CaseNotice,
  NoticeBrief,
  NoticeInput as NoticeInputSchema,
  NoticeList as NoticeListSchema,
  NoticeView,
} from '@jourbok/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { caseKey } from '../cases/api.ts';

export type { CaseNotice, NoticeBrief, NoticeView };
export type NoticeInput = z.input<typeof NoticeInputSchema>;
export type NoticeListItem = z.infer<typeof NoticeListSchema>['notices'][number];
export type NoticeStatusFilter = 'current' | 'active' | 'upcoming' | 'expired' | 'withdrawn' | 'all';

export const noticesKey = ['notices'] as const;
const noticePath = (id: string) => `/api/notices/${encodeURIComponent(id)}`;

export function useNotices(status: NoticeStatusFilter) {
  return useQuery({ queryKey: [...noticesKey, status], queryFn: () => api.get<z.infer<typeof NoticeListSchema>>('/api/notices', { status }) });
}

/** One notice in full with its read log; reading it is logged, so only on request. */
export function useNotice(id: string | null) {
  return useQuery({ queryKey: ['notice', id], queryFn: () => api.get<NoticeView>(noticePath(id ?? '')), enabled: id !== null, refetchOnWindowFocus: false });
}

const meta = { invalidates: [[...noticesKey], ['notice']] };

export const useCreateNotice = () => useMutation({ mutationFn: (input: NoticeInput) => api.post<NoticeView>('/api/notices', input), meta });

export const useWithdrawNotice = () =>
  useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<NoticeView>(`${noticePath(id)}/withdraw`, { reason }), meta });

export const useAcknowledgeNotice = (caseId: string) =>
  useMutation({ mutationFn: (id: string) => api.post<unknown>(`${noticePath(id)}/acknowledge`, { caseId }), meta: { invalidates: [[...caseKey(caseId)]] } });
