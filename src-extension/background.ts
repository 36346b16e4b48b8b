import { builtinCatalog } from '../src-shared/catalog/builtin';
import { CATALOG_KEYS } from './catalog-store';
import { CatalogSession } from './catalog-session';
import { browserLang, t } from './i18n';
import { routeHash, type Route } from './routes';
import { DesktopLink } from './desktop-link';
import { isDesktopCommand, type DesktopUpdate } from './desktop-protocol';
import { omniboxSuggestions } from './suggest';

/**
 * The service worker: the omnibox keyword `10086` and the two context-menu entries. Each of them
 * only opens the popup page in a tab at the right route; nothing here touches the network.
 */
const MENU_LOOKUP = 'lookup-selection';
const MENU_REPORT = 'report-url';

/** Browser chrome (menus, omnibox) follows the browser's language, like the rest of its menus. */
const uiLang = () => browserLang([chrome.i18n.getUILanguage()]);

/** The catalog in use, read from storage when first needed and again after the settings page changes it. */
let session: Promise<CatalogSession> | undefined;
const catalogSession = () => (session ??= CatalogSession.open(chrome.storage.local, builtinCatalog()));
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && CATALOG_KEYS.some((key) => key in changes)) session = undefined;
});

function pageUrl(route: Route): string {
  return chrome.runtime.getURL(`popup.html${routeHash(route)}`);
}

/**
 * The search page for text from the omnibox or a selection. A tab's address goes into the browser's
 * history and session files, so a password or ID number in the text is masked there (the masked
 * query still finds the instruction).
 */
async function searchPage(text: string): Promise<string> {
  return pageUrl({ view: 'search', query: (await catalogSession()).catalog.maskSecrets(text.trim()) });
}

async function onMenuClicked(info: chrome.contextMenus.OnClickData): Promise<void> {
  if (info.menuItemId === MENU_LOOKUP) {
    await chrome.tabs.create({ url: await searchPage(info.selectionText ?? '') });
  } else if (info.menuItemId === MENU_REPORT) {
    await chrome.tabs.create({ url: pageUrl({ view: 'report', url: info.linkUrl ?? info.pageUrl ?? '' }) });
  }
}

/** A chosen suggestion brings its id; text typed and entered as it is searches for it. */
async function onInputEntered(text: string, disposition: chrome.omnibox.Disposition): Promise<void> {
  const entry = (await catalogSession()).catalog.get(text);
  const url = entry ? pageUrl({ view: 'instruction', id: entry.id }) : await searchPage(text);
  await (disposition === 'currentTab' ? chrome.tabs.update({ url }) : chrome.tabs.create({ url }));
}

async function suggest(text: string) {
  return omniboxSuggestions((await catalogSession()).search, text, uiLang());
}

chrome.runtime.onInstalled.addListener(() => {
  const lang = uiLang();
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_LOOKUP, title: t(lang, 'menuLookup'), contexts: ['selection'] });
    chrome.contextMenus.create({ id: MENU_REPORT, title: t(lang, 'menuReport'), contexts: ['page', 'link'] });
  });
});
chrome.contextMenus.onClicked.addListener((info) => void onMenuClicked(info));
chrome.omnibox.setDefaultSuggestion({ description: t(uiLang(), 'omniboxDefault') });
chrome.omnibox.onInputChanged.addListener((text, send) => void suggest(text).then(send));
chrome.omnibox.onInputEntered.addListener((text, disposition) => void onInputEntered(text, disposition));

const desktop = new DesktopLink((snapshot) => {
  const update: DesktopUpdate = { kind: 'desktop.update', snapshot };
  // No open page to hear it is fine: a page asks for the snapshot when it opens.
  chrome.runtime.sendMessage(update).catch(() => undefined);
});

/** Only the extension's own pages may use the desktop link; anything else is ignored. */
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== chrome.runtime.id || !sender.url?.startsWith(chrome.runtime.getURL('')) || !isDesktopCommand(message)) return;
  if (message.kind === 'desktop.status') desktop.refresh();
  else if (message.kind === 'desktop.pair') desktop.pair();
  else desktop.send(message.request, message.label);
  reply(desktop.snapshot);
});

// The handlers the listeners above call, for the end-to-end test: Chrome offers no way to fire
// omnibox or menu events from a script.
Object.assign(globalThis, { hall10086: { suggest, onMenuClicked, onInputEntered, desktop: () => desktop.snapshot } });
