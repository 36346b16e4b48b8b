import type { ErrorText, ExtensionModemView, ExtensionSendState } from '../src-shared/api/extension-messages';

/**
 * Between the extension's own pages and its service worker, which holds the one native port to
 * the desktop app. No web page can send these: the extension has no content scripts and no
 * `externally_connectable`, and the worker also checks that each sender is one of its own pages.
 */

export interface DesktopSendRequest {
  id?: string;
  params?: Record<string, string>;
  text?: string;
  to?: string;
}

export type DesktopCommand =
  | { kind: 'desktop.status' }
  | { kind: 'desktop.pair' }
  | { kind: 'desktop.send'; request: DesktopSendRequest; label: string };

export interface DesktopSend {
  ref: string;
  /** What the user sees for it: the instruction code or the report's address, never a secret. */
  label: string;
  state: ExtensionSendState | 'requested';
  error: ErrorText | null;
  replies: { text: string; receivedAt: number }[];
}

export interface DesktopSnapshot {
  app: 'connecting' | 'connected' | 'unavailable';
  /** Why the app cannot be reached (not running, channel not installed…). */
  error: ErrorText | null;
  paired: boolean;
  pairingCode: string | null;
  modem: ExtensionModemView | null;
  sends: DesktopSend[];
}

export interface DesktopUpdate {
  kind: 'desktop.update';
  snapshot: DesktopSnapshot;
}

export function isDesktopCommand(value: unknown): value is DesktopCommand {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'desktop.status' || kind === 'desktop.pair') return true;
  if (kind !== 'desktop.send') return false;
  const { request, label } = value as { request?: unknown; label?: unknown };
  return typeof request === 'object' && request !== null && typeof label === 'string' && label.length <= 200;
}
