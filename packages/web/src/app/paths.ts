// Paths the guards and the login page agree on.
export const LOGIN_PATH = '/logga-in';
export const CHANGE_PASSWORD_PATH = '/byt-losenord';

/** Where to go after signing in: a local path only (never another site, never the login page). */
export function safeTarget(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith(LOGIN_PATH)) return '/';
  return value;
}

/** The login page, remembering where the user was going. */
export function loginPathFor(target: string): string {
  return target === '/' ? LOGIN_PATH : `${LOGIN_PATH}?till=${encodeURIComponent(target)}`;
}
