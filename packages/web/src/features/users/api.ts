// User accounts (administration).
import type { User as UserSchema, UserCreate as UserCreateSchema, UserUpdate as UserUpdateSchema } from '@jourbok/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type User = z.infer<typeof UserSchema>;
export type UserCreate = z.infer<typeof UserCreateSchema>;
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const usersKey = ['users'] as const;

export function useUsers(enabled = true) {
  return useQuery({ queryKey: usersKey, queryFn: () => api.get<User[]>('/api/users'), enabled });
}

const meta = { invalidates: [[...usersKey]], refetchOnStale: [[...usersKey]] };

export const useCreateUser = () =>
  useMutation({ mutationFn: (input: UserCreate) => api.post<{ user: User; initialPassword: string }>('/api/users', input), meta });

export const useUpdateUser = () =>
  useMutation({ mutationFn: ({ id, input }: { id: string; input: UserUpdate }) => api.put<User>(`/api/users/${encodeURIComponent(id)}`, input), meta });

export type UserAction = 'unlock' | 'reset-password' | 'reset-totp';

export const useUserAction = () =>
  useMutation({
    mutationFn: ({ id, action }: { id: string; action: UserAction }) =>
      api.post<User | { initialPassword: string }>(`/api/users/${encodeURIComponent(id)}/${action}`),
    meta,
  });
