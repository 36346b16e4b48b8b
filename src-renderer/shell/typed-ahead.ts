import { useLayoutEffect } from 'react';
import { pressesControl, typedKey } from './shortcuts';

/**
 * What is typed while a view says "正在载入…" (its code or its data on the way: there is no field yet), handed to the
 * field the view then gives the focus (the composer's line), as its text: before, those keys went to the page's main
 * area and were lost. The text goes into the field's state, not into the DOM, so no later render of the view can
 * undo it, and before any key typed in the field, so an IME composition started there is never touched.
 *
 * Held: one printable character a key press gives with no modifier but Shift (or AltGr), and Backspace, which
 * takes back the last held character; not Space on a focused button, tab or checkbox, which presses it. Nothing
 * else: an Enter pressed before the view is there sends nothing (the text around it is held, to send by an Enter in
 * the line the clerk sees); shortcuts are the page's as ever.
 * Dropped when no "正在载入…" is shown any more and no field has taken it (a view with no such field, the thread
 * with no SIM tab yet), and then said (useTypedDropped): not kept for a line that comes later, when a modem is found
 * (minutes later, perhaps, for whichever SIM comes first), where it would stand unlooked-for, ready to send.
 */
let loadingShown = 0;
let held = '';
let dropped: ((chars: number) => void) | null = null;

/** Controls that act on a key press of their own (pressesControl) when they have the focus. */
const BUTTON_LIKE = 'button, summary, [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"], [role="menuitem"], [role="option"]';

/**
 * Holds `e` if a view is loading and the key gives text; returns whether it was held. The caller says the key is not
 * the page's shortcut, not typed in a field and not under a dialog. A key the focused control takes (Space on a
 * button) is the control's: not held.
 */
export function holdTyped(e: KeyboardEvent): boolean {
  if (loadingShown === 0) return false;
  if (e.target instanceof Element && e.target.matches(BUTTON_LIKE) && pressesControl(e)) return false;
  const typed = typedKey(e, e.getModifierState('AltGraph'));
  if (typed === null) return false;
  held = typed === 'Backspace' ? [...held].slice(0, -1).join('') : held + typed;
  return true;
}

/** Marks a "正在载入…" as shown while the calling component is mounted (a layout effect: from the commit that shows it). */
export function useLoadingShown(): void {
  useLayoutEffect(() => {
    loadingShown += 1;
    return () => {
      loadingShown -= 1;
      // After the commit that took it away: a field it brought takes the text in that commit's layout effects.
      queueMicrotask(() => {
        if (loadingShown !== 0 || held === '') return;
        const chars = [...held].length;
        held = '';
        dropped?.(chars);
      });
    };
  }, []);
}

/** Calls `take` with the text held, once, when the calling field mounts (and takes the focus). */
export function useTypedAhead(take: (text: string) => void): void {
  useLayoutEffect(() => {
    const text = held;
    held = '';
    if (text) take(text);
    // Only at mount: a field shown later must not get keys typed for another.
  }, []);
}

/** Calls `say` with the number of characters held and dropped, no field having taken them (the page says it was not kept). */
export function useTypedDropped(say: (chars: number) => void): void {
  useLayoutEffect(() => {
    dropped = say;
    return () => {
      if (dropped === say) dropped = null;
    };
  }, [say]);
}
