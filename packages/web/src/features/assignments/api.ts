// Assignments (uppdrag): work a municipality leaves for the jour, documented per occasion.
import type {
  AssignmentInput as AssignmentInputSchema,
  AssignmentList as AssignmentListSchema,
  AssignmentReportInput as AssignmentReportInputSchema,
  AssignmentSummary as AssignmentSummarySchema,
  AssignmentView,
} from '@jourbok/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { boardKey } from '../cases/api.ts';

export type { AssignmentView };
export type AssignmentSummary = z.infer<typeof AssignmentSummarySchema>;
export type AssignmentInput = z.input<typeof AssignmentInputSchema>;
export type AssignmentReportInput = z.input<typeof AssignmentReportInputSchema>;
export type AssignmentStatusFilter = 'open' | 'done' | 'cancelled' | 'all';

export const assignmentsKey = ['assignments'] as const;
const assignmentPath = (id: string) => `/api/assignments/${encodeURIComponent(id)}`;

export function useAssignments(status: AssignmentStatusFilter) {
  return useQuery({
    queryKey: [...assignmentsKey, status],
    queryFn: () => api.get<z.infer<typeof AssignmentListSchema>>('/api/assignments', { status }),
  });
}

export function useAssignment(id: string | null) {
  return useQuery({ queryKey: ['assignment', id], queryFn: () => api.get<AssignmentView>(assignmentPath(id ?? '')), enabled: id !== null });
}

const meta = { invalidates: [[...assignmentsKey], ['assignment'], [...boardKey]] };

export const useCreateAssignment = () => useMutation({ mutationFn: (input: AssignmentInput) => api.post<AssignmentView>('/api/assignments', input), meta });

export const useReportAssignment = () =>
  useMutation({
    mutationFn: ({ id, input }: { id: string; input: AssignmentReportInput }) => api.post<AssignmentView>(`${assignmentPath(id)}/reports`, input),
    meta,
  });
