import type { CoreApi } from '../../src-shared/api/contract';
import { isUiCommand, type UiCommand } from '../../src-shared/api/ui-commands';
import { SHORTCUTS, type KeyPress } from './shortcuts';

/**
 * The page's commands, from its keys and from the Electron menu: App runs both through one handler,
 * so Help → Keyboard shortcuts does exactly what `?` does.
 */

/** The command a key press asks for, or null. Not while typing in a field (a `?` there is text) or with a dialog open. */
export function commandForKey(e: KeyPress, where: { typing: boolean; dialogOpen: boolean }): UiCommand | null {
  if (where.typing || where.dialogOpen) return null;
  return SHORTCUTS.anywhere.help.is(e) ? 'shortcuts.open' : null;
}

/** Runs each command the menu sends (in browser mode none comes); returns the unsubscribe. */
export function onMenuCommand(api: Pick<CoreApi, 'on'>, run: (command: UiCommand) => void): () => void {
  return api.on('command', (command) => {
    if (isUiCommand(command)) run(command);
  });
}
