// Sign-in steps, sign-out and password change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../lib/api.ts';
import { sessionKey, useRefreshSession } from '../session/api.ts';

export type LoginStage = 'totp' | 'enroll' | 'change_password' | 'done';

export interface TotpEnrollment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** Every sign-in step ends by refetching the session, which decides the next step. */
function useSignInStep<T>(send: (input: T) => Promise<{ stage: LoginStage }>) {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: async (input: T) => {
      const result = await send(input);
      await refresh();
      return result;
    },
  });
}

export const useLogin = () =>
  useSignInStep((input: { username: string; password: string }) => api.post<{ stage: LoginStage }>('/api/auth/login', input));

export const useVerifyTotp = () => useSignInStep((code: string) => api.post<{ stage: LoginStage }>('/api/auth/totp', { code }));

export const useCompleteEnrollment = () =>
  useSignInStep((code: string) => api.post<{ stage: LoginStage }>('/api/auth/totp/enroll', { code }));

export function useTotpEnrollment(enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'enrollment'],
    queryFn: () => api.get<TotpEnrollment>('/api/auth/totp/enrollment'),
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Demo mode only: the current code of a demo account. */
export function useDemoCode(username: string, enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'demo-code', username],
    queryFn: () => api.get<{ code: string }>('/api/demo/totp', { username }),
    enabled,
    refetchInterval: 10_000,
    staleTime: 0,
  });
}

export function useChangePassword() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: async (input: { currentPassword: string; newPassword: string }) => {
      await api.post('/api/auth/password', input);
      await refresh();
    },
  });
}

/**
 * Sign out: end the session on the server, forget every loaded datum, and go to
 * the login page. The session is reloaded (as anonymous) before any page shows.
 */
export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (_reason?: 'idle') => api.post('/api/auth/logout'),
    onSettled: (_data, _error, reason?: 'idle') => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      void client.resetQueries({ queryKey: sessionKey });
      void navigate('/logga-in', { replace: true, state: { signedOut: reason ?? 'user' } });
    },
  });
}
