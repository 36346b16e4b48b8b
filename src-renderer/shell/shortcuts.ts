import { UI_COMMANDS } from '../../src-shared/api/ui-commands';
import type { StringKey } from '../i18n';

/**
 * Every keyboard shortcut of the app, in one table: the key handlers ask it (`SHORTCUTS.catalog.open.is(e)`)
 * and the shortcuts page (`?`) lists it, so the page cannot promise a key that does nothing or leave one
 * out. A handler that compares keys itself instead is refused by tests/unit/renderer/shortcuts.test.ts.
 */

/** A key press as a handler sees it: React's keyboard event and the DOM's both fit. */
export interface KeyPress {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey?: boolean;
}

export interface Shortcut {
  /** The keys, one alternative each, as aria-keyshortcuts writes them (Control+Enter, Alt+1). */
  keys: readonly string[];
  /** What it does, in the UI's words. */
  what: StringKey;
  is(e: KeyPress): boolean;
}

const bare = (e: KeyPress) => !e.altKey && !e.ctrlKey && !e.metaKey;
const plain = (...names: string[]) => (e: KeyPress) => bare(e) && names.includes(e.key);

/**
 * What a key press types where no field has the focus (typed-ahead.ts holds it while a view loads): a printable
 * character given with no modifier but Shift or AltGr, or `Backspace`; null for anything else (a shortcut, Enter, an
 * arrow, a key inside an IME composition). Read here, beside the shortcuts, as every key of the page is.
 */
export function typedKey(e: KeyPress & { isComposing: boolean }, altGraph: boolean): string | null {
  if (e.isComposing || e.ctrlKey || e.metaKey || (e.altKey && !altGraph)) return null;
  return e.key === 'Backspace' || [...e.key].length === 1 ? e.key : null;
}

/**
 * Whether a focused button-like control (a button, a tab, a checkbox, a disclosure's summary) takes the key press as
 * its own: Space presses it (Enter is never typed text). Such a key is the control's, never text held for a view that
 * loads (review48 F5: Space on a focused button was held as a space and the button not pressed).
 */
export const pressesControl = (e: KeyPress): boolean => e.key === ' ';

/** Which way ↑/↓ moves through a list: +1 down, -1 up. */
export const arrowStep = (e: KeyPress): 1 | -1 => (e.key === 'ArrowDown' ? 1 : -1);

/** The views, in the navigation's order: Alt+1 is the first. */
export const VIEW_ORDER = ['catalog', 'thread', 'modem', 'settings', 'overview'] as const;

/** Which view Alt+digit opens (0-based), or null. Top-row digits only: Alt with the keypad types a character on Windows (Alt+0165 → ¥). */
export function viewKey(e: KeyPress): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const n = /^Digit(\d)$/.exec(e.code ?? '')?.[1];
  return n !== undefined && Number(n) >= 1 && Number(n) <= VIEW_ORDER.length ? Number(n) - 1 : null;
}

/** The table, by where each key works; each place and shortcut in the order the page lists them. */
/** Ctrl+Z (⌘Z): what Esc emptied comes back, in the composer's line and the catalog's search alike. */
const UNDO = { keys: ['Control+Z', 'Meta+Z'], is: (e: KeyPress) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z' } as const;

export const SHORTCUTS = {
  anywhere: {
    views: { keys: VIEW_ORDER.map((_, i) => `Alt+${i + 1}`), what: 'keys.views', is: (e) => viewKey(e) !== null },
    search: { keys: ['/'], what: 'keys.search', is: plain('/') },
    help: { keys: UI_COMMANDS['shortcuts.open'].keys, what: 'keys.help', is: (e) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key === '?' },
  },
  catalog: {
    choose: { keys: ['ArrowUp', 'ArrowDown'], what: 'keys.choose', is: plain('ArrowUp', 'ArrowDown') },
    open: { keys: ['Enter'], what: 'keys.open', is: plain('Enter') },
    clear: { keys: ['Escape'], what: 'keys.clear', is: plain('Escape') },
    undo: { ...UNDO, what: 'keys.catalogUndo' },
  },
  instruction: {
    send: { keys: ['Control+Enter', 'Meta+Enter'], what: 'keys.send', is: (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) },
    back: { keys: ['Escape'], what: 'keys.back', is: plain('Escape') },
  },
  // Ctrl+F is the browser's find in the page: Shift added, as editors' "find in all files".
  thread: {
    search: { keys: UI_COMMANDS['logSearch.open'].keys, what: 'keys.logSearch', is: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && e.shiftKey === true && e.key.toLowerCase() === 'f' },
  },
  composer: {
    choose: { keys: ['ArrowUp', 'ArrowDown'], what: 'keys.choose', is: plain('ArrowUp', 'ArrowDown') },
    take: { keys: ['Tab'], what: 'keys.take', is: plain('Tab') },
    send: { keys: ['Enter'], what: 'keys.composerEnter', is: plain('Enter') },
    close: { keys: ['Escape'], what: 'keys.composerEscape', is: plain('Escape') },
    undo: { ...UNDO, what: 'keys.composerUndo' },
  },
  // The thread's SIM tabs (and 小e's), as WAI-ARIA's tabs pattern with manual activation: the arrows move the
  // focus only (opening a thread moves the focus to its composer), Enter or Space opens the focused one.
  tabs: {
    next: { keys: ['ArrowRight'], what: 'keys.tabNext', is: plain('ArrowRight') },
    previous: { keys: ['ArrowLeft'], what: 'keys.tabPrevious', is: plain('ArrowLeft') },
    first: { keys: ['Home'], what: 'keys.tabFirst', is: plain('Home') },
    last: { keys: ['End'], what: 'keys.tabLast', is: plain('End') },
    open: { keys: ['Enter', 'Space'], what: 'keys.tabOpen', is: plain('Enter', ' ') },
  },
  form: {
    send: { keys: ['Enter'], what: 'keys.formSend', is: plain('Enter') },
    cancel: { keys: ['Escape'], what: 'keys.cancel', is: plain('Escape') },
  },
  panel: {
    close: { keys: ['Escape'], what: 'keys.panelClose', is: plain('Escape') },
  },
  pin: {
    submit: { keys: ['Enter'], what: 'keys.pinSubmit', is: plain('Enter') },
  },
  demo: {
    hide: { keys: ['Escape'], what: 'keys.demoHide', is: plain('Escape') },
  },
  // Esc in a dialog is the native <dialog>'s cancel: listed here, answered by the browser.
  dialog: {
    move: { keys: ['Tab', 'Shift+Tab'], what: 'keys.dialogMove', is: plain('Tab') },
    close: { keys: ['Escape'], what: 'keys.dialogClose', is: plain('Escape') },
  },
} as const satisfies Record<string, Record<string, Shortcut>>;

export type ShortcutPlace = keyof typeof SHORTCUTS;

/** A place's heading on the shortcuts page. */
export const PLACE_NAMES: Record<ShortcutPlace, StringKey> = {
  anywhere: 'keys.place.anywhere',
  catalog: 'keys.place.catalog',
  instruction: 'keys.place.instruction',
  thread: 'keys.place.thread',
  composer: 'keys.place.composer',
  tabs: 'keys.place.tabs',
  form: 'keys.place.form',
  panel: 'keys.place.panel',
  pin: 'keys.place.pin',
  demo: 'keys.place.demo',
  dialog: 'keys.place.dialog',
};
