// The public routing table: which jour serves which municipality, and whether it is open now.
import type { RoutingTable as RoutingTableSchema } from '@jourbok/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type RoutingTable = z.infer<typeof RoutingTableSchema>;

export function useRoutingTable() {
  return useQuery({ queryKey: ['public-routing'], queryFn: () => api.poll<RoutingTable>('/api/public/routing'), refetchInterval: 60_000 });
}
