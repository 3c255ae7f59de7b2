// The shift board (GET /api/board) and handover notes to the next shift.
import { useMutation, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { boardKey, type Board } from '../cases/api.ts';

export type { Board };
export type BoardCase = Board['openCases'][number];
export type BoardDeadline = Board['deadlines'][number];

export function useBoard() {
  return useQuery({ queryKey: boardKey, queryFn: () => api.get<Board>('/api/board') });
}

/** Refetch the board after a live event, if it is on screen; background work, not the user's activity. */
export function refreshBoard(client: QueryClient) {
  const query = client.getQueryCache().find({ queryKey: boardKey, exact: true });
  if (!query) return;
  if (query.getObserversCount() > 0) void client.prefetchQuery({ queryKey: boardKey, queryFn: () => api.poll<Board>('/api/board'), staleTime: 0 });
  else void client.invalidateQueries({ queryKey: boardKey, refetchType: 'none' });
}

export const useWriteShiftNote = () =>
  useMutation({ mutationFn: (body: string) => api.post<{ id: string }>('/api/board/notes', { body }), meta: { invalidates: [[...boardKey]] } });
