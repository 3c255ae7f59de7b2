import type { ReactNode } from 'react';

/** A data table that scrolls sideways on narrow screens; the caption names it for screen readers. */
export function Table({ caption, captionHidden = false, children, className }: { caption: ReactNode; captionHidden?: boolean; children: ReactNode; className?: string }) {
  return (
    <div className="table-wrap">
      <table className={['table', className ?? ''].filter(Boolean).join(' ')}>
        <caption className={captionHidden ? 'visually-hidden' : 'table__caption'}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
