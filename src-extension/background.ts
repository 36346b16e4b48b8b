import { builtinCatalog } from '../src-shared/catalog/builtin';
import { CATALOG_KEYS } from './catalog-store';
import { CatalogSession } from './catalog-session';
import { DesktopLink } from './desktop-link';
import { DESKTOP_PORT, isDesktopCommand, type DesktopUpdate } from './desktop-protocol';
import { browserLang, isLang, LANG_KEY, t, type Lang } from './i18n';
import { PROFILE_NAME_KEY, profileLabel } from './profile-label';
import { isReportableUrl, REPORT_HANDOFF_KEY, reportedUrl, WEB_PAGES } from './report';
import { routeHash, type Route } from './routes';
import { handOver } from './search-handoff';
import { answerOnChannel, isSearchRequest, oncePerAsk, type SearchReply, type SearchRequest } from './search-protocol';
import { omniboxDefault, omniboxSuggestions } from './suggest';
import { answerSearch, searchFor } from './worker-search';

/**
 * The service worker: the omnibox keyword `10086`, the two context-menu entries (each only opens
 * the popup page in a tab at the right route), and the one link to the desktop app, whose sends
 * and replies it keeps for the popup, with a badge and a notification when 10086 answers.
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
/** The search index over the catalog in use, for the omnibox and every page's search box. */
const searchIndex = async () => searchFor((await catalogSession()).catalog);

function pageUrl(route: Route): string {
  return chrome.runtime.getURL(`popup.html${routeHash(route)}`);
}

/**
 * The search page for text from the omnibox or a selection. A tab's address goes into the browser's
 * History and session files, so the text never does: it waits in memory under a random id, which is
 * all the address carries (search-handoff.ts). Secrets in it are masked even there (the masked query
 * still finds the instruction).
 */
async function searchPage(text: string): Promise<string> {
  const query = (await catalogSession()).catalog.maskSecrets(text.trim());
  if (!query) return pageUrl({ view: 'search', query: '' });
  return pageUrl({ view: 'search', query: '', handoff: await handOver(chrome.storage.session, query) });
}

async function onMenuClicked(info: chrome.contextMenus.OnClickData): Promise<void> {
  if (info.menuItemId === MENU_LOOKUP) {
    const opening = chrome.tabs.create({ url: await searchPage(info.selectionText ?? '') });
    // While Chrome opens the tab: the index its first search will ask for (a worker just woken has none).
    void searchIndex().catch(() => undefined);
    await opening;
  } else if (info.menuItemId === MENU_REPORT) {
    // The menu shows only on http(s) pages; a local address (the app's own page) is never reported.
    const url = info.linkUrl ?? info.pageUrl ?? '';
    if (!isReportableUrl(url)) return;
    // The tab's address goes into History: there the link is cut; the whole one waits in memory for the page.
    await chrome.storage.session.set({ [REPORT_HANDOFF_KEY]: url });
    await chrome.tabs.create({ url: pageUrl({ view: 'report', url: reportedUrl(url, false) }) });
  }
}

/** A chosen suggestion brings its id; text typed and entered as it is searches for it. */
async function onInputEntered(text: string, disposition: chrome.omnibox.Disposition): Promise<void> {
  const entry = (await catalogSession()).catalog.get(text);
  const url = entry ? pageUrl({ view: 'instruction', id: entry.id }) : await searchPage(text);
  await (disposition === 'currentTab' ? chrome.tabs.update({ url }) : chrome.tabs.create({ url }));
}

/** The default suggestion last set, for the end-to-end test (Chrome has no getter). */
let defaultSuggestion: string | null = null;

async function suggest(text: string) {
  const search = await searchIndex();
  // The first line says what Enter does with the text as typed (open that code, or search for it).
  defaultSuggestion = omniboxDefault(search, text, uiLang());
  chrome.omnibox.setDefaultSuggestion({ description: defaultSuggestion });
  return omniboxSuggestions(search, text, uiLang());
}

chrome.runtime.onInstalled.addListener(() => {
  const lang = uiLang();
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_LOOKUP, title: t(lang, 'menuLookup'), contexts: ['selection'] });
    chrome.contextMenus.create({
      id: MENU_REPORT,
      title: t(lang, 'menuReport'),
      contexts: ['page', 'link'],
      documentUrlPatterns: WEB_PAGES,
      targetUrlPatterns: WEB_PAGES,
    });
  });
});
chrome.contextMenus.onClicked.addListener((info) => void onMenuClicked(info));
chrome.omnibox.setDefaultSuggestion({ description: t(uiLang(), 'omniboxDefault') });
chrome.omnibox.onInputStarted.addListener(() => chrome.omnibox.setDefaultSuggestion({ description: t(uiLang(), 'omniboxDefault') }));
chrome.omnibox.onInputChanged.addListener((text, send) => void suggest(text).then(send));
chrome.omnibox.onInputEntered.addListener((text, disposition) => void onInputEntered(text, disposition));

/** The extension's pages that are open now and hear every change of the desktop link. */
const pages = new Set<chrome.runtime.Port>();
const ownPage = (sender: chrome.runtime.MessageSender | undefined) =>
  sender?.id === chrome.runtime.id && !!sender.url?.startsWith(chrome.runtime.getURL(''));

/** The popup's language when it has one, else the browser's: for the badge's notification. */
async function notificationLang(): Promise<Lang> {
  const stored = (await chrome.storage.local.get([LANG_KEY]))[LANG_KEY];
  return isLang(stored) ? stored : uiLang();
}

const desktop = new DesktopLink(
  (snapshot) => {
    const update: DesktopUpdate = { kind: 'desktop.update', snapshot };
    for (const page of pages) page.postMessage(update);
    void chrome.action.setBadgeText({ text: snapshot.unseen ? String(snapshot.unseen) : '' });
  },
  (text, uncertain) => {
    // With a page of ours open, the reply is on screen already.
    if (pages.size) return;
    void notify(text, uncertain);
  },
  async () => profileLabel((await chrome.storage.local.get([PROFILE_NAME_KEY]))[PROFILE_NAME_KEY]),
);
void chrome.action.setBadgeBackgroundColor({ color: '#0085d0' });

/** A click on the reply's notification opens the popup page, which lists the send and its reply. */
/**
 * The reply as a system notification, with passwords, one-time codes and ID numbers masked: the
 * system keeps notifications beyond the browser (a notification centre's history, a lock screen),
 * and a 10086 reply after MMHF carries the new service password. The popup shows the whole text.
 */
async function notify(text: string, uncertain: boolean): Promise<void> {
  const [lang, catalog] = await Promise.all([notificationLang(), catalogSession().then((s) => s.catalog)]);
  // A reply that may be joined wrong says so first: the note must not be cut off by a long text.
  const message = uncertain ? `${t(lang, 'replyUncertain')}\n${catalog.maskSecrets(text)}` : catalog.maskSecrets(text);
  await chrome.notifications.create('', { type: 'basic', iconUrl: chrome.runtime.getURL('icons/icon-128.png'), title: t(lang, 'replyNotification'), message });
}

async function onNotificationClicked(id: string): Promise<void> {
  await chrome.notifications.clear(id);
  await chrome.tabs.create({ url: pageUrl({ view: 'search', query: '' }) });
}
chrome.notifications.onClicked.addListener((id) => void onNotificationClicked(id));

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== DESKTOP_PORT || !ownPage(port.sender)) return port.disconnect();
  pages.add(port);
  // Read: a page gone with its port open (closed, or moved to the back/forward cache) may end it with an error.
  port.onDisconnect.addListener(() => {
    void chrome.runtime.lastError;
    pages.delete(port);
  });
  // A page opened: the index is built now, after its snapshot, so the first keystroke finds it ready.
  void desktop
    .snapshot()
    .then((snapshot) => port.postMessage({ kind: 'desktop.update', snapshot } satisfies DesktopUpdate))
    .then(searchIndex)
    .catch(() => undefined);
});

const search = oncePerAsk(
  (request: SearchRequest): Promise<SearchReply> =>
    catalogSession().then(
      (s) => answerSearch(s.catalog, request),
      () => ({ error: { zh: '读取指令库失败，请重新打开。', en: 'The catalog could not be read; reopen this page.' } }),
    ),
);

// A page's first query, asked before it knows whether this worker runs (search-protocol.ts).
answerOnChannel(search);

/** Only the extension's own pages may search or use the desktop link; anything else is ignored. */
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (!ownPage(sender)) return;
  if (isSearchRequest(message)) {
    void search(message).then(reply);
    return true;
  }
  if (!isDesktopCommand(message)) return;
  const done =
    message.kind === 'desktop.status'
      ? desktop.refresh()
      : message.kind === 'desktop.pair'
        ? desktop.pair()
        : message.kind === 'desktop.seen'
          ? desktop.seen()
          : desktop.send(message.request, message.label);
  // Answered at once with the snapshot as it stands; what follows comes on the page's port.
  void desktop.snapshot().then(reply);
  void done;
  return true;
});

// The handlers the listeners above call, for the end-to-end test: Chrome offers no way to fire
// omnibox or menu events from a script.
Object.assign(globalThis, { hall10086: { suggest, onMenuClicked, onInputEntered, desktop: () => desktop.snapshot(), omniboxDefault: () => defaultSuggestion, onNotificationClicked } });
