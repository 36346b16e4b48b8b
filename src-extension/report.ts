import { isLocalHost } from './local-host';

/**
 * Reports of spam SMS and bad websites go to 10086999, the free port the seed names for them.
 * The seed gives no wording, so the text is the plain one a clerk would type: `举报 <url>`.
 */
export const REPORT_PORT = '10086999';

/** Where the report menu shows: web pages and links only. */
export const WEB_PAGES = ['http://*/*', 'https://*/*'];

export function reportText(url: string): string {
  return `举报 ${url.trim()}`;
}

/** Only addresses on the web are worth reporting: not `chrome://`, `file:`, or this computer's own pages. */
export function isReportableUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url.trim());
    return (protocol === 'http:' || protocol === 'https:') && !isLocalHost(hostname);
  } catch {
    return false;
  }
}

/**
 * What a report carries: the address without its query and fragment (where sessions, tokens and
 * e-mail addresses sit), unless the user chose to keep them; never the user name or password.
 */
export function reportedUrl(url: string, keepQuery: boolean): string {
  const parsed = new URL(url.trim());
  parsed.username = '';
  parsed.password = '';
  if (!keepQuery) {
    parsed.search = '';
    parsed.hash = '';
  }
  return parsed.href;
}

/**
 * Where the report menu leaves the whole address for the report page: in memory
 * (chrome.storage.session), never in the page's own address. A tab's address is written to the
 * browser's History database and session files, and a link's query is where a password-reset or
 * session token sits: the page's address carries the link without its query and fragment only.
 */
export const REPORT_HANDOFF_KEY = 'reportHandoff';

/** The whole address handed over for this report page (whose address holds it cut), else the page's own. */
export function handedOverUrl(routeUrl: string, handoff: unknown): string {
  return typeof handoff === 'string' && isReportableUrl(handoff) && reportedUrl(handoff, false) === routeUrl ? handoff : routeUrl;
}

/** Whether there is anything for "keep the query and fragment" to keep. */
export function hasQueryOrFragment(url: string): boolean {
  try {
    const { search, hash } = new URL(url.trim());
    return search.length > 1 || hash.length > 1;
  } catch {
    return false;
  }
}
