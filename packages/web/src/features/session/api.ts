// The session: who is signed in, what they may do, and the CSRF token.
import type { SessionResponse } from '@jourbok/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, setCsrfToken } from '../../lib/api.ts';

export type Session = SessionResponse;
export type SessionUser = NonNullable<Session['user']>;

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>('/api/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, refetchOnWindowFocus: true });
}

/** The loaded session (the app renders no page before it is loaded). */
export function useSession(): Session {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession() before the session was loaded');
  return data;
}

/** The signed-in user (only inside the signed-in part of the app). */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser() without a signed-in user');
  return user;
}

/** `can('users.manage')`: mirrors the abilities the server sent; the server decides anyway. */
export function useCan(): (ability: string) => boolean {
  const { abilities } = useSession();
  return useCallback((ability: string) => abilities.includes(ability), [abilities]);
}

/** Refetch the session after a sign-in step; resolves with the new session. */
export function useRefreshSession() {
  const client = useQueryClient();
  return useCallback(() => client.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 }), [client]);
}
