import type { ErrorText, ExtensionModemView, ExtensionSendState } from '../src-shared/api/extension-messages';

/**
 * Between the extension's own pages and its service worker, which holds the one native port to
 * the desktop app. No web page can send these: the extension has no content scripts and no
 * `externally_connectable`, and the worker also checks that each sender is one of its own pages.
 */

export interface DesktopSendRequest {
  id?: string;
  /** One of the user's own instructions (they live in this extension, not in the app's catalog). */
  custom?: { code: string; template: string; to: string };
  params?: Record<string, string>;
  text?: string;
  to?: string;
  /** The user confirmed sending again what may have gone out (`maybe-sent`, or the app's `extension.maybe-sent`). */
  resend?: true;
}

export type DesktopCommand =
  | { kind: 'desktop.status' }
  | { kind: 'desktop.pair' }
  /** The popup showed the sends: the badge is cleared. */
  | { kind: 'desktop.seen' }
  | { kind: 'desktop.send'; request: DesktopSendRequest; label: string };

export interface DesktopReply {
  text: string;
  receivedAt: number;
  /** May be joined wrong (docs/security.md): shown with a note. Absent in snapshots kept before it = certain. */
  uncertain?: boolean;
}

export interface DesktopSend {
  ref: string;
  /** What the user sees for it: the instruction code or the report's address, never a secret. */
  label: string;
  state: ExtensionSendState | 'requested';
  error: ErrorText | null;
  replies: DesktopReply[];
  at: number;
}

export interface DesktopSnapshot {
  /** `absent`: Chrome found no host (the app is not installed): the popup stays quiet about it. */
  app: 'connecting' | 'connected' | 'unavailable' | 'absent';
  /** Why the app cannot be reached (not running…), or what it refused. */
  error: ErrorText | null;
  paired: boolean;
  /** The app's name for this browser profile's association. */
  name: string | null;
  pairingCode: string | null;
  /** How the last pairing request ended when it did not pair. */
  pairing: 'refused' | 'expired' | 'revoked' | 'rate-limited' | null;
  /** Every modem the app has, in its order (a send goes from the first ready one); none while not connected and paired. */
  modems: ExtensionModemView[];
  /**
   * The worker has asked the app for its status and the answer has not come: `modems` is what the app said before,
   * maybe no longer so (a modem became ready meanwhile). Absent in snapshots kept before mend45 = not asking.
   */
  checking?: boolean;
  /** How many times this worker asked the app for its status: a page's ask is answered once `asked` reaches it and `checking` is off. */
  asked?: number;
  sends: DesktopSend[];
  /** Replies not yet seen in the popup (the badge). */
  unseen: number;
}

/** The name of the port an extension page opens to hear the worker's snapshots. */
export const DESKTOP_PORT = 'desktop';

export interface DesktopUpdate {
  kind: 'desktop.update';
  snapshot: DesktopSnapshot;
}

export function isDesktopCommand(value: unknown): value is DesktopCommand {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'desktop.status' || kind === 'desktop.pair' || kind === 'desktop.seen') return true;
  if (kind !== 'desktop.send') return false;
  const { request, label } = value as { request?: unknown; label?: unknown };
  return typeof request === 'object' && request !== null && typeof label === 'string' && label.length <= 200;
}

/** Where the worker keeps its snapshot (chrome.storage.session): a worker Chrome stopped and started again, and a page it has not woken, read the same sends. */
export const SNAPSHOT_KEY = 'desktop';

export const LINK_LOST: ErrorText = {
  code: 'extension.link-lost',
  zh: '与桌面应用的连接断开了：结果请在桌面应用中查看。',
  en: 'The link to the desktop app was lost: see the desktop app for the outcome.',
};

/** An app message that failed its check (after its MAC) was dropped: shown where the user would otherwise wait for it. */
export const APP_MESSAGE_UNREADABLE: ErrorText = {
  code: 'extension.bad-app-message',
  zh: '桌面应用发来的消息无法读取，已忽略：请把桌面应用和扩展都更新到最新版本，结果请在桌面应用中查看。',
  en: 'A message from the desktop app could not be read and was ignored: update the desktop app and the extension to their latest versions, and see the desktop app for the outcome.',
};

/** A snapshot kept by a worker that has stopped since: its port, and the app's half of unfinished sends, went with it. */
export function afterWorkerStopped(saved: DesktopSnapshot): DesktopSnapshot {
  const sends = saved.sends.map((s) => (s.state === 'requested' || s.state === 'confirming' ? { ...s, state: 'failed' as const, error: LINK_LOST } : s));
  // `modems ?? []`: a snapshot an extension before mend42 kept has one `modem` instead.
  return { ...saved, app: 'connecting', pairingCode: null, modems: saved.modems ?? [], checking: false, sends };
}
