import { describe, expect, it } from 'vitest';
import { appUrlMatcher } from '../../../src-main/electron/app-url';
import {
  appContentSecurityPolicy,
  allowsPermission,
  guardNavigation,
  handleWindowOpen,
  installSecurity,
  isSafeExternalUrl,
  withContentSecurityPolicy,
  type GuardedApp,
  type GuardedContents,
  type GuardedSession,
  type NavigationPolicy,
} from '../../../src-main/electron/security';

const APP = 'file:///opt/hall/out/renderer/index.html';

/** A navigation policy that records what it would have opened in the system browser. */
function recordingPolicy(): NavigationPolicy & { opened: string[] } {
  const opened: string[] = [];
  return { opened, isAppUrl: appUrlMatcher(APP), openExternal: (url) => opened.push(url) };
}

function fakeEvent(url = '') {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('appContentSecurityPolicy', () => {
  it('allows the app itself and nothing else', () => {
    expect(appContentSecurityPolicy(false)).toBe(
      "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('adds inline scripts for the dev server only, and nothing else', () => {
    expect(appContentSecurityPolicy(true)).toBe(appContentSecurityPolicy(false).replace("script-src 'self';", "script-src 'self' 'unsafe-inline';"));
    expect(appContentSecurityPolicy(true)).not.toBe(appContentSecurityPolicy(false));
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.10086.cn/', true],
    ['https://example.com/path?q=1#x', true],
    ['http://www.10086.cn/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['smb://server/share', false],
    ['https://user:pass@example.com/', false],
    ['https://user@example.com/', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

describe('guardNavigation (will-navigate)', () => {
  it.each([
    ['the app page itself', APP, false, []],
    ['an https link: blocked, opened in the system browser', 'https://www.10086.cn/', true, ['https://www.10086.cn/']],
    ['an http link: blocked, not opened', 'http://www.10086.cn/', true, []],
    ['another local file: blocked, not opened', 'file:///etc/passwd', true, []],
    ['a javascript: URL: blocked, not opened', 'javascript:alert(1)', true, []],
  ])('%s', (_name, url, prevented, opened) => {
    const policy = recordingPolicy();
    const event = fakeEvent();
    guardNavigation(event, url, policy);
    expect(event.prevented).toBe(prevented);
    expect(policy.opened).toEqual(opened);
  });
});

describe('handleWindowOpen', () => {
  it.each([
    ['https://www.10086.cn/', ['https://www.10086.cn/']],
    [APP, []],
    ['file:///etc/passwd', []],
    ['about:blank', []],
  ])('denies %s and opens only safe links outside', (url, opened) => {
    const policy = recordingPolicy();
    expect(handleWindowOpen({ url }, policy)).toEqual({ action: 'deny' });
    expect(policy.opened).toEqual(opened);
  });
});

describe('allowsPermission', () => {
  const isApp = (url: string) => url.startsWith('file:///opt/hall/out/renderer/');
  it.each(['media', 'geolocation', 'openExternal', 'clipboard-read', 'serial', 'hid'])('refuses %s, even to the app', (permission) => {
    expect(allowsPermission(permission, 'file:///opt/hall/out/renderer/index.html', isApp)).toBe(false);
  });
  it('grants notifications to the app page only', () => {
    expect(allowsPermission('notifications', 'file:///opt/hall/out/renderer/index.html', isApp)).toBe(true);
    expect(allowsPermission('notifications', 'https://evil.example/', isApp)).toBe(false);
    expect(allowsPermission('notifications', undefined, isApp)).toBe(false);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces any CSP the server sent, whatever its case, and keeps the other headers', () => {
    const headers = { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'], 'CONTENT-SECURITY-POLICY': ['x'] };
    expect(withContentSecurityPolicy(headers, "default-src 'self'")).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });

  it('adds the CSP to a response without headers', () => {
    expect(withContentSecurityPolicy(undefined, "default-src 'self'")).toEqual({ 'Content-Security-Policy': ["default-src 'self'"] });
  });
});

describe('installSecurity', () => {
  type Listener = (...args: never[]) => unknown;

  class FakeContents implements GuardedContents {
    readonly listeners = new Map<string, Listener>();
    openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      this.openHandler = handler;
    }
  }

  function install() {
    const policy = recordingPolicy();
    let contentsCreated: ((event: unknown, contents: GuardedContents) => void) | null = null;
    const app: GuardedApp = { on: (_event, listener) => (contentsCreated = listener) };
    const session = {
      permissionRequest: null as Parameters<GuardedSession['setPermissionRequestHandler']>[0] | null,
      permissionCheck: null as Parameters<GuardedSession['setPermissionCheckHandler']>[0] | null,
      headers: null as Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0] | null,
      setPermissionRequestHandler(handler: Parameters<GuardedSession['setPermissionRequestHandler']>[0]) {
        this.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler: Parameters<GuardedSession['setPermissionCheckHandler']>[0]) {
        this.permissionCheck = handler;
      },
      webRequest: {
        onHeadersReceived: (listener: Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0]) => {
          session.headers = listener;
        },
      },
    };
    installSecurity({ ...policy, app, session, csp: 'THE-CSP' });
    const contents = new FakeContents();
    contentsCreated!({}, contents);
    return { policy, session, contents };
  }

  it('answers permission requests and checks with the policy: notifications for the app page, nothing else', () => {
    const { session } = install();
    const answers: boolean[] = [];
    session.permissionRequest!({}, 'notifications', (granted) => answers.push(granted), { requestingUrl: APP });
    session.permissionRequest!({}, 'notifications', (granted) => answers.push(granted), { requestingUrl: 'https://evil.example/' });
    session.permissionRequest!({}, 'media', (granted) => answers.push(granted), { requestingUrl: APP });
    expect(answers).toEqual([true, false, false]);
    expect(session.permissionCheck!({}, 'notifications', 'file://', { requestingUrl: APP })).toBe(true);
    expect(session.permissionCheck!({}, 'geolocation', 'file://', { requestingUrl: APP })).toBe(false);
  });

  it('puts the CSP on app responses and leaves others alone', () => {
    const { session } = install();
    const answers: unknown[] = [];
    session.headers!({ url: APP, responseHeaders: { Server: ['x'] } }, (response) => answers.push(response));
    session.headers!({ url: 'https://www.10086.cn/', responseHeaders: { Server: ['y'] } }, (response) => answers.push(response));
    expect(answers).toEqual([{ responseHeaders: { Server: ['x'], 'Content-Security-Policy': ['THE-CSP'] } }, {}]);
  });

  it('guards every new web contents: no webview, no navigation away, no new window', () => {
    const { contents, policy } = install();
    const attach = fakeEvent();
    contents.listeners.get('will-attach-webview')!(attach as never);
    expect(attach.prevented).toBe(true);

    const away = fakeEvent('https://www.10086.cn/');
    contents.listeners.get('will-navigate')!(away as never);
    expect(away.prevented).toBe(true);

    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(policy.opened).toEqual(['https://www.10086.cn/', 'https://example.com/']);
  });
});
