// The audit log: access review (search) and the integrity check of the hash chain.
import type { AuditEvent as AuditEventSchema, AuditVerifyResult as AuditVerifyResultSchema } from '@jourbok/contracts';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;

export interface AuditFilters {
  userId?: string;
  personId?: string;
  action?: string;
  kind?: string;
  from?: string;
  to?: string;
}

export const auditKey = ['audit'] as const;
const PAGE_SIZE = 50;

export function useAuditSearch(filters: AuditFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...auditKey, filters],
    queryFn: ({ pageParam }) =>
      api.get<{ events: AuditEvent[]; nextBeforeSeq: number | null }>('/api/audit', { ...filters, beforeSeq: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
    enabled,
    // Every search is itself logged: search when asked, not on every focus.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export const useVerifyAudit = () => useMutation({ mutationFn: () => api.post<AuditVerifyResult>('/api/audit/verify') });
