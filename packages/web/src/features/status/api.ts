// The unit's status right now, refreshed every minute and at the moment it changes.
import type { UnitStatus } from '@jourbok/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../lib/api.ts';

export type { UnitStatus };
export type StatusValue = UnitStatus['status'];

export const statusKey = ['status'] as const;

/** Longest timer a browser accepts (about 24.8 days). */
const MAX_TIMEOUT = 2_147_483_647;

export function useUnitStatus() {
  const query = useQuery({
    queryKey: statusKey,
    queryFn: () => api.poll<UnitStatus>('/api/status'),
    refetchInterval: 60_000,
    staleTime: 55_000,
  });
  const { data, dataUpdatedAt, refetch } = query;
  useEffect(() => {
    if (!data) return;
    // Time left until the change, by the server's clock at fetch time (the client's may be off).
    const left = Date.parse(data.until) - Date.parse(data.now) - (Date.now() - dataUpdatedAt);
    const timer = window.setTimeout(() => void refetch(), Math.min(Math.max(left + 1_000, 1_000), MAX_TIMEOUT));
    return () => window.clearTimeout(timer);
  }, [data, dataUpdatedAt, refetch]);
  return query;
}
