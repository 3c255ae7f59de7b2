// Staffing: staff records, rosters and standby call-outs.
import type { CallOutList, CallOutResult, RestAlert, RosterList, RosterView, StaffList, StaffMember } from '@jourbok/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type Roster = z.infer<typeof RosterView>;
export type Staff = z.infer<typeof StaffMember>;
export type Alert = z.infer<typeof RestAlert>;

export const useStaff = () => useQuery({ queryKey: ['staff'], queryFn: () => api.get<z.infer<typeof StaffList>>('/api/staff') });
export const useRosters = () => useQuery({ queryKey: ['rosters'], queryFn: () => api.get<z.infer<typeof RosterList>>('/api/rosters') });
export const useRoster = (id: string | null) => useQuery({ queryKey: ['roster', id], queryFn: () => api.get<Roster>(`/api/rosters/${id}`), enabled: id !== null });
export const useCallOuts = () => useQuery({ queryKey: ['callouts'], queryFn: () => api.get<z.infer<typeof CallOutList>>('/api/callouts') });

const rosterMeta = { invalidates: [['rosters'], ['roster'], ['board']] };

export const useGenerateRoster = () =>
  useMutation({ mutationFn: (input: { startDate: string; weeks: number; timeLimitSeconds: number }) => api.post<Roster>('/api/rosters', input), meta: rosterMeta });
export const useMoveShift = () =>
  useMutation({ mutationFn: ({ rosterId, assignmentId, ...body }: { rosterId: string; assignmentId: string; date?: string; staffId?: string; version: number }) => api.put<Roster>(`/api/rosters/${rosterId}/assignments/${assignmentId}`, body), meta: rosterMeta });
export const useAddShift = () =>
  useMutation({ mutationFn: ({ rosterId, ...body }: { rosterId: string; staffId: string; date: string; kind: 'open' | 'standby' | 'open_until_midnight'; version: number }) => api.post<Roster>(`/api/rosters/${rosterId}/assignments`, body), meta: rosterMeta });
export const usePublishRoster = () => useMutation({ mutationFn: ({ rosterId, version }: { rosterId: string; version: number }) => api.post<Roster>(`/api/rosters/${rosterId}/publish`, { version }), meta: rosterMeta });

const staffMeta = { invalidates: [['staff']] };
export const useCreateStaff = () => useMutation({ mutationFn: (input: unknown) => api.post<Staff>('/api/staff', input), meta: staffMeta });
export const useStaffDates = () =>
  useMutation({ mutationFn: ({ id, ...body }: { id: string; kind: string; dates: string[] }) => api.post<Staff>(`/api/staff/${id}/dates`, body), meta: staffMeta });

export const useRecordCallOut = () =>
  useMutation({ mutationFn: (input: { staffId: string; calledAt: string; startedAt: string; backAt: string; note: string }) => api.post<z.infer<typeof CallOutResult>>('/api/callouts', input), meta: { invalidates: [['callouts'], ['board'], ['roster']] } });
