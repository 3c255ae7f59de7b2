// On-call politicians per municipality, and politicians' decisions to report
// to the municipality's committee (anmälan till nämnd).
import type {
  CommitteeReportItem as CommitteeReportItemSchema,
  CommitteeReportList as CommitteeReportListSchema,
  Politician as PoliticianSchema,
  PoliticianInput as PoliticianInputSchema,
  PoliticianList as PoliticianListSchema,
  PoliticianUpdate as PoliticianUpdateSchema,
} from '@jourbok/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type Politician = z.infer<typeof PoliticianSchema>;
export type PoliticianInput = z.input<typeof PoliticianInputSchema>;
export type PoliticianUpdate = z.input<typeof PoliticianUpdateSchema>;
export type CommitteeReportItem = z.infer<typeof CommitteeReportItemSchema>;
export type CommitteeFilter = 'false' | 'true' | 'all';

const politiciansKey = ['politicians'] as const;
const politicianPath = (id: string) => `/api/politicians/${encodeURIComponent(id)}`;

export function usePoliticians(includePast: boolean) {
  return useQuery({ queryKey: [...politiciansKey, includePast], queryFn: () => api.get<z.infer<typeof PoliticianListSchema>>('/api/politicians', { includePast: includePast ? 'true' : undefined }) });
}

const meta = { invalidates: [[...politiciansKey], ['on-call']] };

export const useCreatePolitician = () => useMutation({ mutationFn: (input: PoliticianInput) => api.post<Politician>('/api/politicians', input), meta });

export const useUpdatePolitician = () => useMutation({ mutationFn: ({ id, input }: { id: string; input: PoliticianUpdate }) => api.put<Politician>(politicianPath(id), input), meta });

export const useDeletePolitician = () => useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => api.delete<unknown>(politicianPath(id), { version }), meta });

export function useCommitteeReports(reported: CommitteeFilter) {
  return useQuery({ queryKey: ['committee-reports', reported], queryFn: () => api.get<z.infer<typeof CommitteeReportListSchema>>('/api/committee-reports', { reported }) });
}

export const useMarkReported = () =>
  useMutation({
    mutationFn: ({ id, meetingDate, note }: { id: string; meetingDate: string | null; note: string | null }) =>
      api.post<z.infer<typeof CommitteeReportItemSchema>>(`/api/committee-reports/${encodeURIComponent(id)}/reported`, { meetingDate, note }),
    meta: { invalidates: [['committee-reports']] },
  });
