// TanStack Query with Jourbok's error rules in one place:
// unauthenticated → the session is refetched and the guard sends the user to
// the login page; csrf → a new token is fetched; stale → the data is refetched.
import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { isApiError } from '../lib/api.ts';
import { sessionKey } from '../features/session/api.ts';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Query keys to refetch after the mutation succeeds. */
      invalidates?: QueryKey[];
      /** Query keys to refetch when the mutation fails as stale (someone else changed the data). */
      refetchOnStale?: QueryKey[];
    };
  }
}

// password_change_required: the refetched session sends the user to the change-password page.
const signedOutCodes = new Set(['unauthenticated', 'second_factor_required', 'password_change_required']);

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && signedOutCodes.has(error.code) && query.queryKey[0] !== sessionKey[0]) {
          void client.invalidateQueries({ queryKey: sessionKey });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!isApiError(error)) return;
        if (signedOutCodes.has(error.code) || error.code === 'csrf') void client.invalidateQueries({ queryKey: sessionKey });
        if (error.code === 'stale' || error.code === 'conflict') {
          for (const key of mutation.meta?.refetchOnStale ?? []) void client.invalidateQueries({ queryKey: key });
        }
      },
      onSuccess: (_data, _variables, _context, mutation) => {
        for (const key of mutation.meta?.invalidates ?? []) void client.invalidateQueries({ queryKey: key });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => (isApiError(error) && error.status >= 400 && error.status < 500 ? false : failureCount < 2),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
