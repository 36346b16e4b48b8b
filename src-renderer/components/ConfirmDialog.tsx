import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Destructive or risky: the confirm button is styled as a warning. */
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question. Focus starts on Cancel, so a reflexive Enter never confirms something risky;
 * Esc cancels. The native <dialog> keeps focus inside while it is open; closing returns it.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, danger, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const before = document.activeElement;
    d.showModal();
    cancel.current?.focus();
    return () => {
      d.close();
      // Back where the user was (the composer, say), so the keyboard carries on from there.
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" ref={cancel} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
