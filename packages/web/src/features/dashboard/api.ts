import type { DashboardView } from '@jourbok/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type Dashboard = DashboardView;

export const useDashboard = (months: number) => useQuery({ queryKey: ['dashboard', months], queryFn: () => api.get<Dashboard>('/api/dashboard/statistics', { months }) });
