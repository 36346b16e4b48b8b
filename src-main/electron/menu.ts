import type { MenuItemConstructorOptions } from 'electron';
import type { CoreApi, Request } from '../../src-shared/api/contract';
import type { WireEvents } from '../../src-shared/api/wire';
import { UI_COMMANDS, type UiCommand } from '../../src-shared/api/ui-commands';
import type { Lang } from '../../src-shared/errors';
import { EVENT_CHANNEL } from './channels';
import type { EventReceiver } from './ipc';

/**
 * The application menu, as data: main.ts hands it to Menu.buildFromTemplate, tests read it without
 * the Electron binary. It replaces Electron's default menu (whose Help links to electronjs.org) with
 * the app's own: the usual Edit, View and Window items in the user's language, Edit → Search the log
 * (Ctrl+Shift+F, the page's key for it) and Help → Keyboard shortcuts, which asks the page to run the
 * same command its `?` key runs.
 */

type Words = Record<Lang, string>;

const WORDS = {
  app: { 'zh-Hans': '10086 短信营业厅', 'zh-Hant': '10086 短信營業廳', en: 'Hall10086' },
  file: { 'zh-Hans': '文件', 'zh-Hant': '檔案', en: 'File' },
  quit: { 'zh-Hans': '退出', 'zh-Hant': '結束', en: 'Quit' },
  edit: { 'zh-Hans': '编辑', 'zh-Hant': '編輯', en: 'Edit' },
  undo: { 'zh-Hans': '撤销', 'zh-Hant': '復原', en: 'Undo' },
  redo: { 'zh-Hans': '重做', 'zh-Hant': '重做', en: 'Redo' },
  cut: { 'zh-Hans': '剪切', 'zh-Hant': '剪下', en: 'Cut' },
  copy: { 'zh-Hans': '复制', 'zh-Hant': '拷貝', en: 'Copy' },
  paste: { 'zh-Hans': '粘贴', 'zh-Hant': '貼上', en: 'Paste' },
  selectAll: { 'zh-Hans': '全选', 'zh-Hant': '全選', en: 'Select All' },
  view: { 'zh-Hans': '显示', 'zh-Hant': '顯示', en: 'View' },
  resetZoom: { 'zh-Hans': '实际大小', 'zh-Hant': '實際大小', en: 'Actual Size' },
  zoomIn: { 'zh-Hans': '放大', 'zh-Hant': '放大', en: 'Zoom In' },
  zoomOut: { 'zh-Hans': '缩小', 'zh-Hant': '縮小', en: 'Zoom Out' },
  fullScreen: { 'zh-Hans': '全屏', 'zh-Hant': '全螢幕', en: 'Full Screen' },
  window: { 'zh-Hans': '窗口', 'zh-Hant': '視窗', en: 'Window' },
  minimize: { 'zh-Hans': '最小化', 'zh-Hant': '縮到最小', en: 'Minimize' },
  close: { 'zh-Hans': '关闭窗口', 'zh-Hant': '關閉視窗', en: 'Close Window' },
  help: { 'zh-Hans': '帮助', 'zh-Hant': '說明', en: 'Help' },
  // The same words as the page's button that opens it (thread.search in the renderer's dictionaries).
  logSearch: { 'zh-Hans': '搜索记录', 'zh-Hant': '搜尋紀錄', en: 'Search the log' },
  // The same words as the page's own title for it (keys.title in the renderer's dictionaries).
  shortcuts: { 'zh-Hans': '键盘快捷键', 'zh-Hant': '鍵盤快速鍵', en: 'Keyboard shortcuts' },
} as const satisfies Record<string, Words>;

/** A key as aria-keyshortcuts writes it (the shortcut table's syntax) in Electron's accelerator syntax. */
export function toAccelerator(key: string): string {
  return key
    .split('+')
    .map((part) => ({ Control: 'Ctrl', Meta: 'Super', ArrowUp: 'Up', ArrowDown: 'Down', Escape: 'Esc' })[part] ?? part)
    .join('+');
}

export interface MenuOptions {
  lang: Lang;
  platform: NodeJS.Platform;
  /** Asks the page to run a command (see sendCommand). */
  send(command: UiCommand): void;
}

export function menuTemplate({ lang, platform, send }: MenuOptions): MenuItemConstructorOptions[] {
  const w = (key: keyof typeof WORDS) => WORDS[key][lang];
  const mac = platform === 'darwin';
  return [
    // macOS puts Quit under the app's own menu; elsewhere it is File → Quit.
    mac
      ? { label: w('app'), submenu: [{ role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit', label: w('quit') }] }
      : { label: w('file'), submenu: [{ role: 'quit', label: w('quit') }] },
    {
      label: w('edit'),
      // Copy and paste in the page need these on macOS: without an Edit menu, Cmd+C and Cmd+V do nothing.
      submenu: [
        { role: 'undo', label: w('undo') },
        { role: 'redo', label: w('redo') },
        { type: 'separator' },
        { role: 'cut', label: w('cut') },
        { role: 'copy', label: w('copy') },
        { role: 'paste', label: w('paste') },
        { role: 'selectAll', label: w('selectAll') },
        { type: 'separator' },
        {
          label: w('logSearch'),
          // Taken by the menu (a key with modifiers is never text): from any view it opens Messages and its search.
          accelerator: toAccelerator(UI_COMMANDS['logSearch.open'].keys[mac ? 1 : 0]),
          click: () => send('logSearch.open'),
        },
      ],
    },
    {
      label: w('view'),
      submenu: [{ role: 'resetZoom', label: w('resetZoom') }, { role: 'zoomIn', label: w('zoomIn') }, { role: 'zoomOut', label: w('zoomOut') }, { type: 'separator' }, { role: 'togglefullscreen', label: w('fullScreen') }],
    },
    { label: w('window'), submenu: [{ role: 'minimize', label: w('minimize') }, { role: 'close', label: w('close') }] },
    {
      role: 'help',
      label: w('help'),
      submenu: [
        {
          label: w('shortcuts'),
          accelerator: toAccelerator(UI_COMMANDS['shortcuts.open'].keys[0]),
          // Shown, not taken from the page: `?` typed in a field must stay a `?`, and the page knows when one has the focus.
          registerAccelerator: false,
          click: () => send('shortcuts.open'),
        },
      ],
    },
  ];
}

/** The command, as the one event of a wire `events` message on the channel core events use: the preload hands it to the page's `on('command')`. */
export function sendCommand(target: EventReceiver | null, isAppUrl: (url: string) => boolean, command: UiCommand): boolean {
  if (target === null || target.isDestroyed() || !isAppUrl(target.getURL())) return false;
  const message: WireEvents = { type: 'events', events: [{ event: 'command', data: command }] };
  target.send(EVENT_CHANNEL, message);
  return true;
}

export interface AppMenu {
  /** Speaks `lang` from now on: the menu is built again when it is another language. */
  setLang(lang: Lang): void;
}

/**
 * The application menu in one language at a time: first the system's (before the page has said
 * anything), then the one the user chose in Settings, which the page tells at start and on each change.
 * `apply` hands a template to Electron (Menu.buildFromTemplate, Menu.setApplicationMenu).
 */
export function appMenu(options: MenuOptions & { apply(template: MenuItemConstructorOptions[]): void }): AppMenu {
  let lang = options.lang;
  options.apply(menuTemplate({ ...options, lang }));
  return {
    setLang(next) {
      if (next === lang) return;
      lang = next;
      options.apply(menuTemplate({ ...options, lang }));
    },
  };
}

/**
 * The core as the app's page reaches it over IPC, with `ui.language` answered here: the shell, not
 * the core, has a menu to speak it. Its parameters arrive checked against the contract (answerCall).
 */
export function withPageLanguage(core: CoreApi, menu: AppMenu): CoreApi {
  return {
    call: (method, params) => {
      if (method !== 'ui.language') return core.call(method, params);
      menu.setLang((params as Request<'ui.language'>).lang);
      return Promise.resolve(null as never);
    },
    on: (event, listener) => core.on(event, listener),
  };
}
