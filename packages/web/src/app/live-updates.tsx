// Wires the live event stream to the data on screen: a changed case refetches
// that case and the board; a handover note refetches the board. Person pages
// are marked stale (their earlier cases may have changed) without a refetch,
// since every read of a person is logged.
import { useQueryClient } from '@tanstack/react-query';
import { refreshBoard } from '../features/board/api.ts';
import { refreshCase, refreshCases } from '../features/cases/api.ts';
import { useLiveEvents } from '../features/live/api.ts';
import { refreshQuality } from '../features/quality/api.ts';

export function LiveUpdates() {
  const client = useQueryClient();
  useLiveEvents({
    onEvent: (topic, id) => {
      refreshBoard(client);
      refreshQuality(client);
      if (topic === 'case' && id) {
        refreshCase(client, id);
        void client.invalidateQueries({ queryKey: ['person'], refetchType: 'none' });
      }
    },
    onResume: () => {
      refreshBoard(client);
      refreshQuality(client);
      refreshCases(client);
    },
  });
  return null;
}
