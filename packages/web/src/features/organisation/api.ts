// The organisation: general settings, calendar, municipalities, categories, decision types.
import type {
  CalendarSettings as CalendarSettingsSchema,
  Category as CategorySchema,
  CategoryInput as CategoryInputSchema,
  DecisionType as DecisionTypeSchema,
  DecisionTypeInput as DecisionTypeInputSchema,
  Municipality as MunicipalitySchema,
  MunicipalityInput as MunicipalityInputSchema,
  Organisation,
  OrganisationUpdate as OrganisationUpdateSchema,
} from '@jourbok/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { sessionKey } from '../session/api.ts';

export type { Organisation };
export type Municipality = z.infer<typeof MunicipalitySchema>;
export type MunicipalityInput = z.infer<typeof MunicipalityInputSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type CategoryInput = z.infer<typeof CategoryInputSchema>;
export type DecisionType = z.infer<typeof DecisionTypeSchema>;
export type DecisionTypeInput = z.infer<typeof DecisionTypeInputSchema>;
export type CalendarSettings = z.infer<typeof CalendarSettingsSchema>;
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

export const organisationKey = ['organisation'] as const;

export function useOrganisation(enabled = true) {
  return useQuery({ queryKey: organisationKey, queryFn: () => api.get<Organisation>('/api/organisation'), enabled, staleTime: 60_000 });
}

/** Every change returns the whole organisation, which replaces the cached one. */
function useOrganisationMutation<T>(send: (input: T) => Promise<Organisation>, alsoInvalidates: readonly (readonly string[])[] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (organisation) => client.setQueryData(organisationKey, organisation),
    meta: { refetchOnStale: [organisationKey], invalidates: alsoInvalidates.map((key) => [...key]) },
  });
}

export const useUpdateOrganisation = () =>
  // The header shows the short name (from the session); status and calendar follow the calendar settings.
  useOrganisationMutation((input: OrganisationUpdate) => api.put<Organisation>('/api/organisation', input), [sessionKey, ['status'], ['calendar']]);

export const useSaveMunicipality = (isNew: boolean) =>
  useOrganisationMutation((input: MunicipalityInput) =>
    isNew
      ? api.post<Organisation>('/api/organisation/municipalities', input)
      : api.put<Organisation>(`/api/organisation/municipalities/${encodeURIComponent(input.code)}`, input),
  );

export const useSaveCategory = (isNew: boolean) =>
  useOrganisationMutation((input: CategoryInput) =>
    isNew ? api.post<Organisation>('/api/organisation/categories', input) : api.put<Organisation>(`/api/organisation/categories/${encodeURIComponent(input.code)}`, input),
  );

export const useSaveDecisionType = (isNew: boolean) =>
  useOrganisationMutation((input: DecisionTypeInput) =>
    isNew
      ? api.post<Organisation>('/api/organisation/decision-types', input)
      : api.put<Organisation>(`/api/organisation/decision-types/${encodeURIComponent(input.code)}`, input),
  );
