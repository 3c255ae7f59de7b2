import { useEffect, type ReactNode } from 'react';
import { sv } from '../../lib/sv.ts';

/** Sets the browser tab's title for the page. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = sv.app.title(title);
  }, [title]);
}

/** The page's heading (h1), the tab title, an optional lead text and actions. */
export function PageHeader({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {lead ? <p className="page-header__lead">{lead}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}

/** A section of a page with its own h2 and optional actions on the right. */
export function Section({ title, actions, children, id }: { title: string; actions?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section className="section" aria-labelledby={id ? `${id}-title` : undefined}>
      <div className="section__header">
        <h2 className="section__title" id={id ? `${id}-title` : undefined}>
          {title}
        </h2>
        {actions ? <div className="section__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
