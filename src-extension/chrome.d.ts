/**
 * The few extension APIs this extension calls, typed by hand: @types/chrome is not a dependency
 * and these are all it needs.
 */
declare namespace chrome {
  namespace runtime {
    const id: string;
    const lastError: { message?: string } | undefined;
    function getURL(path: string): string;
    const onInstalled: { addListener(cb: () => void): void };
    interface Port {
      name: string;
      sender?: MessageSender;
      postMessage(message: unknown): void;
      disconnect(): void;
      onMessage: { addListener(cb: (message: unknown) => void): void };
      onDisconnect: { addListener(cb: () => void): void };
    }
    interface MessageSender {
      id?: string;
      url?: string;
    }
    function connectNative(application: string): Port;
    function connect(info: { name: string }): Port;
    const onConnect: { addListener(cb: (port: Port) => void): void };
    function openOptionsPage(): Promise<void>;
    function sendMessage(message: unknown): Promise<unknown>;
    /** Chrome 116+: the extension's contexts now running; asking starts none (the worker stays asleep). */
    function getContexts(filter: { contextTypes: 'BACKGROUND'[] }): Promise<unknown[]>;
    const onMessage: {
      addListener(cb: (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => boolean | void): void;
      removeListener(cb: (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => boolean | void): void;
    };
  }
  namespace i18n {
    function getUILanguage(): string;
  }
  namespace storage {
    const local: {
      get(keys: string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
    /** In memory only, until the browser closes: Chrome 102+. */
    const session: {
      /** null: every key. */
      get(keys: string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    };
    const onChanged: { addListener(cb: (changes: Record<string, unknown>, areaName: string) => void): void };
  }
  namespace permissions {
    /** Only during a user gesture; resolves once the user answers the browser's prompt. */
    function request(permissions: { origins: string[] }): Promise<boolean>;
    function remove(permissions: { origins: string[] }): Promise<boolean>;
  }
  namespace tabs {
    function create(props: { url: string }): Promise<unknown>;
    function update(props: { url: string }): Promise<unknown>;
  }
  namespace contextMenus {
    interface OnClickData {
      menuItemId: string | number;
      selectionText?: string;
      linkUrl?: string;
      pageUrl?: string;
    }
    function create(
      props: { id: string; title: string; contexts: string[]; documentUrlPatterns?: string[]; targetUrlPatterns?: string[] },
      done?: () => void,
    ): void;
    function removeAll(done?: () => void): void;
    const onClicked: { addListener(cb: (info: OnClickData) => void): void };
  }
  namespace omnibox {
    interface SuggestResult {
      content: string;
      description: string;
    }
    type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';
    function setDefaultSuggestion(s: { description: string }): void;
    const onInputStarted: { addListener(cb: () => void): void };
    const onInputChanged: { addListener(cb: (text: string, suggest: (s: SuggestResult[]) => void) => void): void };
    const onInputEntered: { addListener(cb: (text: string, disposition: Disposition) => void): void };
  }
  namespace action {
    function setBadgeText(details: { text: string }): Promise<void>;
    function setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  }
  namespace notifications {
    function create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
    function clear(id: string): Promise<boolean>;
    const onClicked: { addListener(cb: (id: string) => void): void };
  }
}
