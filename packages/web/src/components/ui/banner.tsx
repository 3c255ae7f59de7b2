import type { ReactNode } from 'react';
import { isApiError } from '../../lib/api.ts';
import { sv } from '../../lib/sv.ts';

type Kind = 'error' | 'warning' | 'success' | 'info';

/**
 * A message across the page or a form. Errors are announced at once
 * (role="alert"), other messages politely (role="status").
 */
export function Banner({ kind = 'info', title, children, actions }: { kind?: Kind; title?: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className={`banner banner--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="banner__body">
        {title ? <p className="banner__title">{title}</p> : null}
        {children ? <div className="banner__text">{children}</div> : null}
      </div>
      {actions ? <div className="banner__actions">{actions}</div> : null}
    </div>
  );
}

/** The Swedish message of any error: the server's as is, or ours for a lost token. */
export function describeError(error: unknown): string {
  if (isApiError(error)) return error.code === 'csrf' ? sv.errors.csrf : error.message;
  return sv.errors.unexpected;
}

/** An error banner, or nothing when there is no error. */
export function ErrorBanner({ error, actions }: { error: unknown; actions?: ReactNode }) {
  if (!error) return null;
  return (
    <Banner kind="error" actions={actions}>
      {describeError(error)}
    </Banner>
  );
}

/** A polite live region that is always in the page, so changes are read out. */
export function LiveRegion({ children }: { children?: ReactNode }) {
  return (
    <div className="live-region" role="status" aria-live="polite">
      {children}
    </div>
  );
}
