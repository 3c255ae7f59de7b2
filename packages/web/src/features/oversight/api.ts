// The unit manager's follow-up: what is overdue or outstanding right now.
import type { Oversight as OversightSchema } from '@jourbok/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type Oversight = z.infer<typeof OversightSchema>;

export function useOversight() {
  return useQuery({ queryKey: ['oversight'], queryFn: () => api.get<Oversight>('/api/oversight'), refetchInterval: 60_000 });
}
