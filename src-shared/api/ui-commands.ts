/**
 * What the app's shell (the Electron menu) may ask the page to do, and the key that does the same
 * inside the page. Both go through one handler in the renderer, so a menu item and its key cannot
 * drift apart; the menu shows the key as its accelerator from here, the shortcuts page from the
 * renderer's shortcut table, which takes its keys from here too.
 */
export const UI_COMMANDS = {
  /** The keyboard shortcuts page. */
  'shortcuts.open': { keys: ['?'] },
  /** The log search of the Messages view (opening that view first): Ctrl+Shift+F, ⌘⇧F on a Mac. */
  'logSearch.open': { keys: ['Control+Shift+F', 'Meta+Shift+F'] },
} as const satisfies Record<string, { keys: readonly string[] }>;

export type UiCommand = keyof typeof UI_COMMANDS;

/** Event data from the other side of a process boundary is checked before it is obeyed. */
export function isUiCommand(value: unknown): value is UiCommand {
  return typeof value === 'string' && Object.hasOwn(UI_COMMANDS, value);
}
