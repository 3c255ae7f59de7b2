/**
 * Application errors carry a code; http/errors.ts maps each code to a status
 * and a Swedish message in one place. `field` names the input field at fault.
 */
export const errorCodes = {
  validation: 400,
  csrf: 403,
  unauthenticated: 401,
  second_factor_required: 401,
  password_change_required: 403,
  invalid_credentials: 401,
  account_locked: 423,
  throttled: 429,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 409,
  unavailable: 503,
  storage_full: 507,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} finns inte.`);
export const forbidden = () => new AppError('forbidden', 'Du har inte behörighet till det här.');
