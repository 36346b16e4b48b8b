import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appUrlMatcher } from '../../../src-main/electron/app-url';
import { EVENT_CHANNEL } from '../../../src-main/electron/channels';
import { serveIpc, type EventReceiver, type IpcMainLike } from '../../../src-main/electron/ipc';
import { appMenu, menuTemplate, sendCommand, toAccelerator, withPageLanguage } from '../../../src-main/electron/menu';
import { ScriptedCore, STANDARD_SCRIPT } from '../api/scripted-core';
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

  // ux31: the page's Ctrl+Shift+F (ux30) was in no menu, so a desktop user who never reads the shortcuts page had no way to find it.
  it.each(['linux', 'win32', 'darwin'] as const)('has Edit → Search the log on %s with the page’s key for it, sending the page its command', (platform) => {
    const sent: UiCommand[] = [];
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      const edit = menuTemplate({ lang, platform, send: (c) => sent.push(c) }).find((m) => m.label === { 'zh-Hans': '编辑', 'zh-Hant': '編輯', en: 'Edit' }[lang])!;
      const item = (edit.submenu as MenuItemConstructorOptions[]).find((i) => i.label === STRINGS[lang]['thread.search']);
      expect(item, lang).toBeDefined();
      expect(item!.accelerator).toBe(platform === 'darwin' ? 'Super+Shift+F' : 'Ctrl+Shift+F');
      expect(SHORTCUTS.thread.search.keys.map(toAccelerator)).toContain(item!.accelerator);
      (item!.click as () => void)();
    }
    expect(sent).toEqual(['logSearch.open', 'logSearch.open', 'logSearch.open']);
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

describe('the menu’s language', () => {
  /** The menu as main.ts wires it: built by appMenu, the page's calls answered by serveIpc over withPageLanguage. */
  function wired(systemLang: 'zh-Hans' | 'zh-Hant' | 'en') {
    const applied: MenuItemConstructorOptions[][] = [];
    const menu = appMenu({ lang: systemLang, platform: 'linux', send: () => {}, apply: (template) => applied.push(template) });
    const core = new ScriptedCore(STANDARD_SCRIPT);
    let handler: Parameters<IpcMainLike['handle']>[1] | undefined;
    const ipcMain: IpcMainLike = { handle: (_channel, listener) => (handler = listener), removeHandler: () => {} };
    serveIpc({ ipcMain, core: withPageLanguage(core, menu), isAppUrl, targets: () => [], onInternalError: (e) => { throw e; } });
    const pageCalls = (frame: { url: string; parent: unknown } | null, params: unknown) => handler!({ senderFrame: frame }, { type: 'call', id: 7, method: 'ui.language', params });
    const labels = () => items(applied.at(-1)!).map((m) => m.label).filter(Boolean);
    return { applied, pageCalls, labels, core };
  }
  const TOP = { url: `${APP}#/settings`, parent: null };

  it('is the system’s until the page says, then the one chosen in Settings, built again on each change', async () => {
    const { applied, pageCalls, labels } = wired('en');
    expect(helpItem(applied.at(-1)!).label).toBe('Keyboard shortcuts');
    expect(await pageCalls(TOP, { lang: 'zh-Hans' })).toEqual({ type: 'result', id: 7, result: null });
    expect(helpItem(applied.at(-1)!).label).toBe(STRINGS['zh-Hans']['keys.title']);
    expect(labels()).toContain('编辑');
    expect(labels()).not.toContain('Edit');
    await pageCalls(TOP, { lang: 'zh-Hant' });
    expect(helpItem(applied.at(-1)!).label).toBe(STRINGS['zh-Hant']['keys.title']);
    expect(labels()).toContain('說明');
    // Told the language it already speaks (a reload), the menu is not built again.
    const builds = applied.length;
    await pageCalls(TOP, { lang: 'zh-Hant' });
    expect(applied).toHaveLength(builds);
    await pageCalls(TOP, { lang: 'en' });
    expect(labels()).toContain('Help');
    expect(applied).toHaveLength(builds + 1);
  });

  it('keeps its language on a language that is not one of the app’s, or from a page that is not the app', async () => {
    const { applied, pageCalls } = wired('zh-Hans');
    const reply = await pageCalls(TOP, { lang: 'fr' });
    expect(reply.type).toBe('error');
    expect(await pageCalls({ url: 'https://evil.example/', parent: null }, { lang: 'en' })).toMatchObject({ type: 'error', error: { code: 'api.forbidden' } });
    expect(applied).toHaveLength(1);
    expect(helpItem(applied[0]!).label).toBe(STRINGS['zh-Hans']['keys.title']);
  });

  it('leaves every other call to the core', async () => {
    const { core } = wired('en');
    const menu = appMenu({ lang: 'en', platform: 'linux', send: () => {}, apply: () => {} });
    expect(await withPageLanguage(core, menu).call('catalog.search', { query: 'ye' })).toEqual([{ id: 'YE', score: 1, matched: { field: 'code', text: 'ye' } }]);
  });
});
