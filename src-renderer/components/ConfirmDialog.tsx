import { useEffect, useId, useRef, type ReactNode } from 'react';

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

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const before = document.activeElement;
    d.showModal();
    cancel.current?.focus();
    return () => {
      d.close();
      // Back where the user was (the composer, say), so the keyboard carries on from there.
      if (before instanceof HTMLElement) focusWhenEnabled(before);
    };
  }, []);

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

/** How long a button that opened a dialog may stay disabled (its request on its way) and still get the focus back. */
const REFOCUS_WAIT_MS = 60_000;

/**
 * Focuses `el`; a disabled one (the Send button, while the send it asked about is on its way) as soon
 * as it is enabled again, unless the focus has gone somewhere else meanwhile. Focusing a disabled
 * button does nothing, which would leave the keyboard on the page's body.
 */
function focusWhenEnabled(el: HTMLElement): void {
  if (!(el as HTMLButtonElement).disabled) return el.focus();
  const stop = () => {
    watch.disconnect();
    clearTimeout(timer);
  };
  const watch = new MutationObserver(() => {
    if ((el as HTMLButtonElement).disabled) return;
    stop();
    if (el.isConnected && (document.activeElement === null || document.activeElement === document.body)) el.focus();
  });
  const timer = setTimeout(stop, REFOCUS_WAIT_MS);
  watch.observe(el, { attributes: true, attributeFilter: ['disabled'] });
}
