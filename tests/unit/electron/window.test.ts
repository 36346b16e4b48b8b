import { describe, expect, it, vi } from 'vitest';

// The Electron binary cannot exist here: this stands in for the BrowserWindow class only.
const fake = vi.hoisted(() => {
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    readonly calls: string[] = [];
    private readonly onceListeners = new Map<string, () => void>();
    minimized = false;
    destroyed = false;

    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
    once(event: string, listener: () => void) {
      this.onceListeners.set(event, listener);
    }
    fire(event: string) {
      this.onceListeners.get(event)?.();
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.calls.push('restore');
    }
    show() {
      this.calls.push('show');
    }
    focus() {
      this.calls.push('focus');
    }
  }
  return { FakeBrowserWindow };
});
vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }));

const { createMainWindow, focusWindow, secureWebPreferences } = await import('../../../src-main/electron/window');

const SECURE = {
  preload: '/app/out/preload/index.js',
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
};

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and turns off everything it does not need', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toEqual(SECURE);
  });
});

describe('createMainWindow', () => {
  it('creates a hidden window with exactly the secure preferences, shown once ready', () => {
    createMainWindow('/app/out/preload/index.js');
    const window = fake.FakeBrowserWindow.created.at(-1)!;
    expect(window.options.webPreferences).toEqual(SECURE);
    expect(window.options.show).toBe(false);
    expect(window.calls).toEqual([]);
    window.fire('ready-to-show');
    expect(window.calls).toEqual(['show']);
  });
});

describe('focusWindow', () => {
  it.each([
    ['a minimized window', { minimized: true, destroyed: false }, ['restore', 'show', 'focus']],
    ['a window behind others', { minimized: false, destroyed: false }, ['show', 'focus']],
    ['a destroyed window', { minimized: false, destroyed: true }, []],
  ])('brings forward %s', (_name, state, expected) => {
    const window = Object.assign(new fake.FakeBrowserWindow({}), state);
    focusWindow(window);
    expect(window.calls).toEqual(expected);
  });

  it('does nothing before the window exists', () => {
    expect(() => focusWindow(null)).not.toThrow();
  });
});
