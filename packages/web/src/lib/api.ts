// The one HTTP client of the web app: JSON in and out, the CSRF header on every
// state-changing request, and every failure as an ApiError with the server's code.
import { sv } from './sv.ts';

/** A failed request. `message` is the server's Swedish message, shown as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** More about the error: `errors[]` of a rule check, `personId` or `candidates` of a conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The current CSRF token, set from every GET /api/session. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
/** The CSRF token, for the few requests not sent through `api` (an upload with progress). */
export const currentCsrfToken = () => csrfToken;

/** When the app last talked to the server (the idle warning uses it). */
let lastRequestAt = Date.now();
export const lastActivity = () => lastRequestAt;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: Method, path: string, body?: unknown, background = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Polling is not user activity: the server does not extend the session for it.
  if (background) headers['x-jourbok-background'] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', sv.errors.network);
  }
  if (!background) lastRequestAt = Date.now();
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown; field?: unknown; details?: unknown } } | null)?.error;
    const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
    const message = typeof error?.message === 'string' ? error.message : sv.errors.unexpected;
    const field = typeof error?.field === 'string' ? error.field : undefined;
    const details = error?.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : undefined;
    throw new ApiError(response.status, code, message, field, details);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  /** a GET that is not user activity (polling, live refresh) */
  poll: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query), undefined, true),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', withQuery(path, query)),
};
