// The municipality's inbox: delivered handover reports and legal deadlines to confirm.
import type { Inbox as InboxSchema, ReportDelivery } from '@jourbok/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type { ReportDelivery };
export type Inbox = z.infer<typeof InboxSchema>;
export type InboxState = 'recent' | 'unacknowledged' | 'all';

export const inboxKey = ['inbox'] as const;

export function useInbox(state: InboxState) {
  return useQuery({ queryKey: [...inboxKey, state], queryFn: () => api.get<Inbox>('/api/inbox', { state }) });
}

const meta = { invalidates: [[...inboxKey]] };

export const useAcknowledgeReport = () =>
  useMutation({ mutationFn: (id: string) => api.post<ReportDelivery>(`/api/handover-reports/${encodeURIComponent(id)}/acknowledge`), meta });

export const useConfirmDeadline = () => useMutation({ mutationFn: (id: string) => api.post<unknown>(`/api/deadlines/${encodeURIComponent(id)}/confirm`), meta });
