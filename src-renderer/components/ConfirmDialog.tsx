import { useId, useRef, type ReactNode } from 'react';
import { useModal } from './modal';

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
 * An alert dialog (WAI-ARIA's pattern, as Radix's AlertDialog): a screen reader says its title and
 * then its body (why it asks, what would be sent), not the title alone.
 *
 * Keys: Tab / Shift+Tab move between Cancel and the confirm button; Enter or Space presses the
 * focused one; Esc is Cancel.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, danger, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();

  useModal(dialog, cancel);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="dialog-body" id={`${id}-body`}>
        {children}
      </div>
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
