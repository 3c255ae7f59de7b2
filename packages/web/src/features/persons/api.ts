// Persons: search before create (the query goes in the body, never in a URL),
// a person with earlier cases, creating one, and the reasoned reveal of a
// protected person's details (never cached: it is shown once and forgotten).
import type {
  PersonDetails,
  PersonInput as PersonInputSchema,
  PersonSearchResponse as PersonSearchResponseSchema,
  PersonSummary,
} from '@jourbok/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type { PersonDetails, PersonSummary };
export type PersonInput = z.input<typeof PersonInputSchema>;
export type PersonSearchResponse = z.infer<typeof PersonSearchResponseSchema>;
export type Candidate = { id: string; displayName: string; birthYear: number | null };

export const personKey = (id: string) => ['person', id] as const;
const personPath = (id: string) => `/api/persons/${encodeURIComponent(id)}`;

export function usePerson(id: string) {
  return useQuery({ queryKey: personKey(id), queryFn: () => api.get<PersonDetails>(personPath(id)), refetchOnWindowFocus: false });
}

/** Search from two characters. Every hit is a logged read, so nothing is refetched on its own. */
export function usePersonSearch(query: string) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: ['person-search', trimmed],
    queryFn: () => api.post<PersonSearchResponse>('/api/persons/search', { query: trimmed }),
    enabled: trimmed.length >= 2,
    staleTime: 30_000,
    gcTime: 60_000,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });
}

export const useCreatePerson = () =>
  useMutation({ mutationFn: (input: PersonInput) => api.post<PersonDetails>('/api/persons', input), meta: { invalidates: [['person-search']] } });

export const useRevealPerson = () =>
  useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<PersonDetails>(`${personPath(id)}/reveal`, { reason }) });
