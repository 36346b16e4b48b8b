import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appUrlMatcher } from '../../../src-main/electron/app-url';
import { EVENT_CHANNEL } from '../../../src-main/electron/channels';
import type { EventReceiver } from '../../../src-main/electron/ipc';
import { menuTemplate, sendCommand, toAccelerator } from '../../../src-main/electron/menu';
import { coreApiFromBridge, type HallBridge } from '../../../src-shared/api/bridge';
import type { UiCommand } from '../../../src-shared/api/ui-commands';
import { commandForKey, onMenuCommand } from '../../../src-renderer/shell/commands';
import { SHORTCUTS } from '../../../src-renderer/shell/shortcuts';
import { STRINGS } from '../../../src-renderer/i18n';

// The Electron binary cannot exist here: the preload runs against stand-ins recording what it registers.
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const rendererListeners = new Map<string, (event: unknown, message: unknown) => void>();
  const ipcRenderer = { invoke: async () => null, on: (channel: string, listener: (event: unknown, message: unknown) => void) => rendererListeners.set(channel, listener) };
  return { exposed, rendererListeners, ipcRenderer, contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) } };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));
await import('../../../src-main/electron/preload');
const hall = electron.exposed.get('hall') as HallBridge;

const APP = 'file:///opt/hall/out/renderer/index.html';
const isAppUrl = appUrlMatcher(APP);

/** The main window's web contents, delivering what main sends straight to the preload's listener, as IPC does. */
class WindowContents implements EventReceiver {
  sent = 0;
  constructor(private url = `${APP}#/catalog`) {}
  send(channel: string, message: unknown) {
    this.sent++;
    electron.rendererListeners.get(channel)?.({ sender: electron.ipcRenderer }, structuredClone(message));
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url;
  }
  navigate(url: string) {
    this.url = url;
  }
}

const items = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);

const helpItem = (menu: MenuItemConstructorOptions[]) => (menu.find((m) => m.role === 'help')!.submenu as MenuItemConstructorOptions[])[0]!;

describe('the application menu', () => {
  it.each(['zh-Hans', 'zh-Hant', 'en'] as const)('has Help → Keyboard shortcuts in %s, named as the page names itself, with the `?` of the shortcut table', (lang) => {
    const help = helpItem(menuTemplate({ lang, platform: 'linux', send: () => {} }));
    expect(help.label).toBe(STRINGS[lang]['keys.title']);
    expect(help.accelerator).toBe(toAccelerator(SHORTCUTS.anywhere.help.keys[0]!));
    expect(help.accelerator).toBe('?');
    // Shown only: a `?` typed in the composer must reach the field, which the page decides.
    expect(help.registerAccelerator).toBe(false);
  });

  it('labels every item it names in the user’s language, and links nowhere (Electron’s default Help opened electronjs.org)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const all = items(menuTemplate({ lang: 'zh-Hans', platform, send: () => {} }));
      for (const item of all.filter((i) => i.type !== 'separator' && i.role !== 'hide' && i.role !== 'hideOthers' && i.role !== 'unhide')) {
        expect(item.label, JSON.stringify(item)).toMatch(/\p{Script=Han}/u);
      }
      // Copy and paste work in the page on every platform (macOS needs the Edit roles in the menu).
      expect(all.map((i) => i.role)).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo', 'quit']));
    }
    expect(JSON.stringify(menuTemplate({ lang: 'en', platform: 'linux', send: () => {} }))).not.toMatch(/https?:/);
  });

  it('writes the table’s keys as Electron accelerators', () => {
    expect(toAccelerator('Control+Enter')).toBe('Ctrl+Enter');
    expect(toAccelerator('Alt+1')).toBe('Alt+1');
    expect(toAccelerator('Escape')).toBe('Esc');
  });
});

describe('the menu’s command reaches the page as the `?` key’s does', () => {
  it('clicking Help → Keyboard shortcuts runs, in the page, the command `?` runs', () => {
    const contents = new WindowContents();
    const ran: UiCommand[] = [];
    const stop = onMenuCommand(coreApiFromBridge(hall), (c) => ran.push(c));
    const menu = menuTemplate({ lang: 'en', platform: 'linux', send: (c) => sendCommand(contents, isAppUrl, c) });
    const click = helpItem(menu).click as () => void;
    click();
    const fromKey = commandForKey({ key: '?', altKey: false, ctrlKey: false, metaKey: false, shiftKey: true }, { typing: false, dialogOpen: false });
    expect(fromKey).toBe('shortcuts.open');
    expect(ran).toEqual([fromKey]);
    stop();
  });

  it('is not sent to a page the window navigated away to, and the page obeys no command it does not know', () => {
    const contents = new WindowContents();
    const ran: UiCommand[] = [];
    const stop = onMenuCommand(coreApiFromBridge(hall), (c) => ran.push(c));
    contents.navigate('https://example.com/');
    expect(sendCommand(contents, isAppUrl, 'shortcuts.open')).toBe(false);
    expect(contents.sent).toBe(0);
    electron.rendererListeners.get(EVENT_CHANNEL)!({}, { type: 'events', events: [{ event: 'command', data: 'log.clear' }] });
    expect(ran).toEqual([]);
    stop();
  });

  it('`?` typed in a field or behind a dialog is no command', () => {
    const press = { key: '?', altKey: false, ctrlKey: false, metaKey: false };
    expect(commandForKey(press, { typing: true, dialogOpen: false })).toBeNull();
    expect(commandForKey(press, { typing: false, dialogOpen: true })).toBeNull();
    expect(commandForKey({ ...press, ctrlKey: true }, { typing: false, dialogOpen: false })).toBeNull();
  });
});
