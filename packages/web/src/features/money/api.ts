// The money pages' data: budget and outcome, invoicing periods, allocation and invoice basis.
import type { InvoiceBasis, MoneyOverview } from '@jourbok/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type { InvoiceBasis, MoneyOverview };

export const moneyKey = ['money'] as const;
const meta = { invalidates: [[...moneyKey]] };

export const useMoneyOverview = (year: number) => useQuery({ queryKey: [...moneyKey, 'overview', year], queryFn: () => api.get<MoneyOverview>('/api/money/overview', { year: String(year) }) });

export const useAllocation = (year: number, period: number | null) =>
  useQuery({
    queryKey: [...moneyKey, 'allocation', year, period],
    queryFn: () => api.get<InvoiceBasis>('/api/money/allocation', { year: String(year), period: String(period) }),
    enabled: period !== null,
  });

export type AmountLine = { line: string; amountSek: string };
export const useSetOutcome = () => useMutation({ mutationFn: (input: { year: number; month: number; lines: AmountLine[] }) => api.put<{ ok: true }>('/api/money/outcome', input), meta });
export const useSetBudget = () => useMutation({ mutationFn: (input: { year: number; lines: AmountLine[] }) => api.put<{ ok: true }>('/api/money/budget', input), meta });
export const useImportOutcome = () => useMutation({ mutationFn: (csv: string) => api.post<{ rows: number; months: number; total: string }>('/api/money/outcome/import', { csv }), meta });
export const useSetPeriodAmount = () =>
  useMutation({ mutationFn: (input: { year: number; period: number; amountSek: string | null }) => api.put<{ ok: true }>(`/api/money/periods/${input.year}/${input.period}/amount`, { amountSek: input.amountSek }), meta });
export const useClosePeriod = () => useMutation({ mutationFn: (input: { year: number; period: number }) => api.post<InvoiceBasis>(`/api/money/periods/${input.year}/${input.period}/close`), meta });
export const useSetDirectCostMode = () => useMutation({ mutationFn: (directCosts: 'period' | 'monthly') => api.put<{ ok: true }>('/api/money/settings', { directCosts }), meta });

export function allocationUrl(year: number, period: number, format: 'csv' | 'pdf' | 'xlsx', municipality?: string): string {
  const q = new URLSearchParams({ year: String(year), period: String(period), format });
  if (municipality) q.set('municipality', municipality);
  return `/api/money/allocation?${q.toString()}`;
}

/** "1234567.50" → "1 234 567,50 kr" */
export function kr(money: string | null | undefined): string {
  if (money === null || money === undefined) return '–';
  const negative = money.startsWith('-');
  const [whole = '0', decimals = '00'] = money.replace('-', '').split('.');
  return `${negative ? '−' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${decimals}\u00a0kr`;
}

/** 0.10472 → "10,47 %" */
export const percent = (share: number) => `${(share * 100).toFixed(2).replace('.', ',')}\u00a0%`;
export const count = (n: number) => n.toLocaleString('sv-SE');
