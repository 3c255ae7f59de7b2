import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function Card({ title, children, className, headingLevel = 2 }: { title?: ReactNode; children: ReactNode; className?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={['card', className ?? ''].filter(Boolean).join(' ')}>
      {title ? <Heading className="card__title">{title}</Heading> : null}
      {children}
    </section>
  );
}

/** A card that is one big link to a page. */
export function LinkCard({ to, title, children }: { to: string; title: string; children: ReactNode }) {
  return (
    <Link to={to} className="link-card">
      <span className="link-card__title">{title}</span>
      <span className="link-card__text">{children}</span>
    </Link>
  );
}
