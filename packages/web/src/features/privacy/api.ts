// Access review, retention and subject access: the unit manager's privacy work.
import type {
  AccessReviewList as AccessReviewListSchema,
  AccessReviewResult as AccessReviewResultSchema,
  RetentionPreview as RetentionPreviewSchema,
  RetentionRunList as RetentionRunListSchema,
  SubjectAccessCreated as SubjectAccessCreatedSchema,
} from '@jourbok/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from '../../lib/api.ts';

export type AccessReviewResult = z.infer<typeof AccessReviewResultSchema>;
export type AccessFinding = AccessReviewResult['findings'][number];
export type AccessOpening = AccessReviewResult['openings'][number];
export type AccessReviewList = z.infer<typeof AccessReviewListSchema>;
export type RetentionPreview = z.infer<typeof RetentionPreviewSchema>;
export type RetentionRunList = z.infer<typeof RetentionRunListSchema>;
export type SubjectAccessCreated = z.infer<typeof SubjectAccessCreatedSchema>;

export interface ReviewFilters {
  from: string;
  to: string;
  userId?: string;
  personId?: string;
}

const reviewKey = ['access-review'] as const;

/** The review of a period. Every search is logged: it runs when asked, not on focus. */
export function useAccessReview(filters: ReviewFilters | null) {
  return useQuery({
    queryKey: [...reviewKey, filters],
    queryFn: () => api.get<AccessReviewResult>('/api/access-review', { ...filters }),
    enabled: filters !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export const useAccessReviews = () => useQuery({ queryKey: ['access-reviews'], queryFn: () => api.get<AccessReviewList>('/api/access-reviews') });

export function useRecordReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewFilters & { conclusion: string }) => api.post<{ id: string }>('/api/access-reviews', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['access-reviews'] }),
  });
}

export type AccessReviewSettings = AccessReviewResult['settings'];

export const useAccessReviewSettings = () => useQuery({ queryKey: ['access-review-settings'], queryFn: () => api.get<AccessReviewSettings>('/api/access-review/settings') });

export function useUpdateAccessReviewSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: AccessReviewSettings) => api.put<AccessReviewSettings>('/api/access-review/settings', settings),
    onSuccess: () => client.invalidateQueries({ queryKey: ['access-review-settings'] }),
  });
}

export const personHistoryUrl = (personId: string, from?: string, to?: string) => withQuery(`/api/access-review/persons/${personId}/history.pdf`, { from, to });

const retentionKey = ['retention'] as const;

export const useRetentionPreview = (enabled: boolean) =>
  useQuery({ queryKey: [...retentionKey, 'preview'], queryFn: () => api.get<RetentionPreview>('/api/retention/preview'), enabled, staleTime: Infinity, refetchOnWindowFocus: false });

export type RetentionRules = RetentionPreview['rules'];

export const useRetentionRules = () => useQuery({ queryKey: [...retentionKey, 'rules'], queryFn: () => api.get<RetentionRules>('/api/retention/rules') });

export function useUpdateRetentionRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: RetentionRules) => api.put<RetentionRules>('/api/retention/rules', rules),
    onSuccess: () => client.invalidateQueries({ queryKey: retentionKey }),
  });
}

export const useRetentionRuns = () => useQuery({ queryKey: [...retentionKey, 'runs'], queryFn: () => api.get<RetentionRunList>('/api/retention/runs') });

export function useRunRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ id: string }>('/api/retention/runs', { confirm: true }),
    onSuccess: () => client.invalidateQueries({ queryKey: retentionKey }),
  });
}

/** The personnummer goes in the POST body, never in the address. */
export const useSubjectAccess = () => useMutation({ mutationFn: (identityNumber: string) => api.post<SubjectAccessCreated>('/api/subject-access', { identityNumber }) });

export const subjectAccessUrl = (requestId: string, format: 'pdf' | 'json') => `/api/subject-access/${requestId}/${format}`;
