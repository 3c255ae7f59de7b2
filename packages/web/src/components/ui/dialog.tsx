// A modal dialog on the native <dialog> element: focus stays inside, Escape
// closes it, and focus returns to where it was when it closes.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { sv } from '../../lib/sv.ts';

interface DialogProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom. */
  footer?: ReactNode;
  /** When set, the dialog body is a form and Enter submits it. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  size?: 'normal' | 'wide';
  /** Keeps the dialog open on Escape (e.g. while a request runs). */
  busy?: boolean;
}

export function Dialog({ title, onClose, children, footer, onSubmit, size = 'normal', busy = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Start in the first field (or the main button), not on the close button.
    const first = dialog.querySelector<HTMLElement>(
      '.dialog__body input:not([type="hidden"]):not([disabled]), .dialog__body select:not([disabled]), .dialog__body textarea, .dialog__body button, .dialog__footer button',
    );
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const content = (
    <>
      <header className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="dialog__close" onClick={() => onCloseRef.current()} aria-label={sv.common.close} disabled={busy}>
          ×
        </button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer ? <footer className="dialog__footer">{footer}</footer> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCloseRef.current();
      }}
    >
      {onSubmit ? (
        <form
          noValidate
          className="dialog__form"
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(event);
          }}
        >
          {content}
        </form>
      ) : (
        content
      )}
    </dialog>
  );
}

/** Ask before an action that cannot be undone. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  pending,
  error,
  danger = false,
}: {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  error?: ReactNode;
  danger?: boolean;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      busy={pending}
      onSubmit={onConfirm}
      footer={
        <>
          <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={pending} aria-busy={pending || undefined}>
            {pending ? sv.common.saving : confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose} disabled={pending}>
            {sv.common.cancel}
          </button>
        </>
      }
    >
      {error}
      {/* a div, not a p: some confirmations hold fields (a <div> inside a <p> is invalid HTML) */}
      <div className="dialog__text">{children}</div>
    </Dialog>
  );
}
