import { useEffect, type RefObject } from 'react';

/**
 * Opens `dialog` as a modal while the component is mounted, with the focus on `first`; closed, the
 * focus goes back where the user was (the composer, say), so the keyboard carries on from there.
 * The native <dialog> keeps the rest of the page inert meanwhile.
 */
export function useModal(dialog: RefObject<HTMLDialogElement | null>, first: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const before = document.activeElement;
    d.showModal();
    first.current?.focus();
    return () => {
      d.close();
      if (before instanceof HTMLElement) focusWhenEnabled(before);
    };
    // Once: the dialog and its first control are the component's own.
  }, []);
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
