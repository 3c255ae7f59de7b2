// Reports, the small-number setting and imports: queries, mutations and the upload with progress.
import type { ImportResult, ImportStreamLine, StatisticsReport, StatisticsSettings } from '@jourbok/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, currentCsrfToken, withQuery } from '../../lib/api.ts';
import { sv } from '../../lib/sv.ts';

export type { ImportResult, StatisticsReport };
export type ReportKind = 'tertial' | 'year';

export interface ReportSelection {
  kind: ReportKind;
  year: number;
  tertial: 1 | 2 | 3;
  /** a member's kommunkod, `other`, or null for the whole jour */
  municipality: string | null;
}

const reportPath = (kind: ReportKind) => `/api/reports/${kind}`;

/** The query of a report (and of its downloads). */
export function reportQuery(s: ReportSelection, format?: string) {
  return { year: s.year, tertial: s.kind === 'tertial' ? s.tertial : undefined, municipality: s.municipality ?? undefined, format };
}

/** Where a report downloads in a format (the browser sends the session cookie). */
export const reportDownloadUrl = (s: ReportSelection, format: string) => withQuery(reportPath(s.kind), reportQuery(s, format));

export function useReport(s: ReportSelection) {
  return useQuery({
    queryKey: ['reports', s.kind, s.year, s.kind === 'tertial' ? s.tertial : null, s.municipality],
    queryFn: () => api.get<StatisticsReport & { suppressBelow?: number; suppressed?: string[] }>(reportPath(s.kind), reportQuery(s)),
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}

const settingsKey = ['statistics', 'settings'] as const;

export function useStatisticsSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get<StatisticsSettings>('/api/statistics/settings') });
}

export function useUpdateStatisticsSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StatisticsSettings) => api.put<StatisticsSettings>('/api/statistics/settings', input),
    onSuccess: (saved) => {
      client.setQueryData(settingsKey, saved);
      void client.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}

export type ImportKind = 'cases' | 'population';

export interface UploadProgress {
  /** upload: the file on its way; then the server's passes over it */
  phase: 'upload' | 'check' | 'duplicates' | 'write';
  /** 0–1 within the phase */
  fraction: number;
  rows: number;
}

/**
 * Send a CSV file to the check (`preview`) or the import, with progress: the
 * upload's own progress, then the server's progress lines (NDJSON), then the
 * result. A file with errors resolves (preview) or rejects with an ApiError
 * whose details hold the errors (import).
 */
export function uploadImport(kind: ImportKind, file: File, preview: boolean, onProgress: (p: UploadProgress) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/${kind}${preview ? '/preview' : ''}`);
    xhr.setRequestHeader('content-type', 'text/csv; charset=utf-8');
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    let seen = 0;
    let final: ImportStreamLine | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      let end = text.indexOf('\n', seen);
      while (end >= 0) {
        const line = text.slice(seen, end).trim();
        seen = end + 1;
        if (line) {
          try {
            const parsed = JSON.parse(line) as ImportStreamLine;
            if (parsed.type === 'progress') onProgress({ phase: parsed.phase, fraction: parsed.totalBytes > 0 ? Math.min(1, parsed.bytes / parsed.totalBytes) : 1, rows: parsed.rows });
            else final = parsed;
          } catch {
            // not a progress line (an error page): handled at the end
          }
        }
        end = text.indexOf('\n', seen);
      }
    };
    xhr.upload.onprogress = (e) => onProgress({ phase: 'upload', fraction: e.lengthComputable && e.total > 0 ? e.loaded / e.total : 0, rows: 0 });
    xhr.onprogress = () => {
      if (xhr.status === 200) readLines();
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', sv.errors.network));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let error: { code?: string; message?: string; details?: Record<string, unknown> } | undefined;
        try {
          error = (JSON.parse(xhr.responseText) as { error?: typeof error }).error;
        } catch {
          error = undefined;
        }
        reject(new ApiError(xhr.status, error?.code ?? `http_${xhr.status}`, error?.message ?? sv.errors.unexpected, undefined, error?.details));
        return;
      }
      readLines();
      const last = final as ImportStreamLine | null;
      if (last?.type === 'result') resolve(last.result);
      else if (last?.type === 'error') reject(new ApiError(last.status, last.error.code, last.error.message, undefined, last.error.details));
      else reject(new ApiError(0, 'network', sv.errors.unexpected));
    };
    xhr.send(file);
  });
}
