import './dialog.css';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  /** id of the heading, which names the dialog */
  titleId: string;
  title: ReactNode;
  /** Escape, or the dialog's own cancel button */
  onClose: () => void;
  children: ReactNode;
  /** id of the text that explains the dialog (a confirmation's question) */
  describedBy?: string;
  className?: string;
}

/**
 * A modal <dialog>, shown while it is rendered: the browser keeps focus inside it, makes the
 * page behind it inert and closes it on Escape. Focus goes to the element marked
 * `data-autofocus` (else the first focusable one), and back to what had it before on close.
 */
export function Dialog({ titleId, title, onClose, children, describedBy, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal: there, the open attribute is all it gets.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // React decides when it closes (unmounting it), not the browser.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

interface ConfirmDialogProps {
  titleId: string;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  busyLabel: string;
  /** a problem with the last attempt */
  error?: string | null;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Deactivate this site?": the question, what it means, and two buttons (Cancel has focus). */
export function ConfirmDialog({
  titleId,
  title,
  body,
  confirmLabel,
  cancelLabel,
  busy,
  busyLabel,
  error,
  danger = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const bodyId = `${titleId}-body`;
  return (
    <Dialog titleId={titleId} title={title} onClose={onCancel} describedBy={bodyId}>
      <div id={bodyId} className="dialog-body">
        {body}
      </div>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className={danger ? 'button button-danger' : 'button'}
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" data-autofocus onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </Dialog>
  );
}
