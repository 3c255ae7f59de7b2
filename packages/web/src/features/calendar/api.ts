// Day types, standby and open windows per date (GET /api/calendar).
import type { Calendar, CalendarDay, DayType } from '@jourbok/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type { Calendar, CalendarDay, DayType };

export const calendarKey = ['calendar'] as const;

export function useCalendar(from: string, to: string) {
  return useQuery({
    queryKey: [...calendarKey, from, to],
    queryFn: () => api.get<Calendar>('/api/calendar', { from, to }),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
