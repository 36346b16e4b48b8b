import { contentSecurityPolicy } from '../server/csp';

/**
 * The Electron shell's guards, as plain functions over the Electron objects they are given, so each
 * rule is testable without the Electron binary.
 */

/**
 * The app page's CSP. The renderer talks to the core over IPC only, so nothing beyond 'self' is
 * reachable. The dev server additionally needs inline scripts: @vitejs/plugin-react injects its
 * fast-refresh preamble inline. That page is a developer's localhost server, never a packaged app.
 */
export function appContentSecurityPolicy(devServer: boolean): string {
  return contentSecurityPolicy({ connectSrc: [], scriptSrc: devServer ? ["'unsafe-inline'"] : [] });
}

/** Links worth handing to the system browser: https, with a host, and no credentials smuggled in the URL. */
export function isSafeExternalUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

export interface NavigationPolicy {
  isAppUrl: (url: string) => boolean;
  /** The system browser (shell.openExternal); only ever called with a URL that passed isSafeExternalUrl. */
  openExternal: (url: string) => void;
}

/** `will-navigate`: the window stays on the app page; a safe external link opens in the system browser instead. */
export function guardNavigation(event: { preventDefault(): void }, url: string, policy: NavigationPolicy): void {
  if (policy.isAppUrl(url)) return;
  event.preventDefault();
  if (isSafeExternalUrl(url)) policy.openExternal(url);
}

/** `setWindowOpenHandler`: the app never opens a second window of its own. */
export function handleWindowOpen(details: { url: string }, policy: NavigationPolicy): { action: 'deny' } {
  if (isSafeExternalUrl(details.url)) policy.openExternal(details.url);
  return { action: 'deny' };
}

/** What a permission handler is told about the page asking (Electron passes more). */
export interface PermissionDetails {
  requestingUrl?: string;
}

/**
 * The one web permission the app uses: desktop notifications (low-balance and low-data alerts),
 * for its own page only. Camera, geolocation, serial… are refused (modems are driven from the main
 * process), and so is everything asked by any other page.
 */
export function allowsPermission(permission: string, requestingUrl: string | undefined, isAppUrl: (url: string) => boolean): boolean {
  return permission === 'notifications' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** Response headers with our CSP in place of any the server sent (a dev server may send its own). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [csp] };
}

/** The parts of Electron's objects the guards use (Electron's own types satisfy them). */
export interface GuardedContents {
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void; url: string }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardedApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}

type ResponseHeaders = Record<string, string[]>;

export interface GuardedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionDetails) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string, details: PermissionDetails) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/** Every web contents, including any the app did not create on purpose: no webviews, no navigation, no new windows. */
export function guardWebContents(contents: GuardedContents, policy: NavigationPolicy): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => guardNavigation(event, event.url, policy));
  contents.setWindowOpenHandler((details) => handleWindowOpen(details, policy));
}

export interface SecuritySetup extends NavigationPolicy {
  app: GuardedApp;
  session: GuardedSession;
  csp: string;
}

/** Installs every guard; must run before the first window exists so `web-contents-created` sees it. */
export function installSecurity(setup: SecuritySetup): void {
  setup.session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowsPermission(permission, details?.requestingUrl, setup.isAppUrl)),
  );
  setup.session.setPermissionCheckHandler((_contents, permission, _origin, details) => allowsPermission(permission, details?.requestingUrl, setup.isAppUrl));
  setup.session.webRequest.onHeadersReceived((details, callback) => {
    callback(setup.isAppUrl(details.url) ? { responseHeaders: withContentSecurityPolicy(details.responseHeaders, setup.csp) } : {});
  });
  setup.app.on('web-contents-created', (_event, contents) => guardWebContents(contents, setup));
}
