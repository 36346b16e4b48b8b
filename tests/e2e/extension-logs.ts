import type { BrowserContext, CDPSession } from 'playwright-core';

/**
 * Everything the extension's service worker and pages log at warning or error level, read from
 * each target through the DevTools protocol. Chrome reports an unchecked `runtime.lastError` as a
 * Log entry of the target ("Unchecked runtime.lastError: …", what the chrome://extensions Errors
 * panel lists), not as a console call, and Playwright's console events do not carry a service
 * worker's Log entries: reading them here is what lets a test see that message.
 */
export interface ExtensionLogs {
  /** `level: text`, in the order the targets reported them. */
  readonly lines: string[];
  /** Waits until every target has delivered what it logged before this call. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

type TargetInfo = { targetId: string; type: string };
type Message = { id?: number; method?: string; params?: Record<string, unknown> };

const WATCHED = new Set(['service_worker', 'page']);
const LEVELS = new Set(['error', 'warning']);

export async function watchExtensionLogs(context: BrowserContext): Promise<ExtensionLogs> {
  const browser = context.browser();
  if (!browser) throw new Error('the extension context has no browser to attach to');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const lines: string[] = [];
  const sessions = new Map<string, string>(); // targetId → sessionId
  const waiting = new Map<number, () => void>();
  let nextId = 0;

  const send = (sessionId: string, method: string, params: object = {}) => {
    const id = ++nextId;
    const answered = new Promise<void>((resolve) => waiting.set(id, resolve));
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => waiting.get(id)?.());
    return answered;
  };

  const receive = (m: Message) => {
    if (m.id !== undefined) return waiting.get(m.id)?.(), void waiting.delete(m.id);
    if (m.method === 'Log.entryAdded') {
      const entry = m.params!.entry as { level: string; text: string };
      if (LEVELS.has(entry.level)) lines.push(`${entry.level}: ${entry.text}`);
    } else if (m.method === 'Runtime.consoleAPICalled') {
      const { type, args } = m.params as { type: string; args: { value?: unknown; description?: string }[] };
      if (type === 'error' || type === 'warning' || type === 'assert') lines.push(`${type}: ${args.map((a) => String(a.value ?? a.description ?? '')).join(' ')}`);
    } else if (m.method === 'Runtime.exceptionThrown') {
      const details = m.params!.exceptionDetails as { text: string; exception?: { description?: string } };
      lines.push(`exception: ${details.exception?.description ?? details.text}`);
    }
  };

  const attach = async ({ targetId, type }: TargetInfo) => {
    if (!WATCHED.has(type) || sessions.has(targetId)) return;
    sessions.set(targetId, '');
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
      sessions.set(targetId, sessionId);
      await Promise.all([send(sessionId, 'Log.enable'), send(sessionId, 'Runtime.enable')]);
    } catch {
      sessions.delete(targetId); // gone before it could be attached
    }
  };

  cdp.on('Target.receivedMessageFromTarget', (e) => receive(JSON.parse(e.message) as Message));
  cdp.on('Target.targetCreated', (e) => void attach(e.targetInfo));
  cdp.on('Target.targetInfoChanged', (e) => void attach(e.targetInfo));
  cdp.on('Target.detachedFromTarget', (e) => {
    for (const [target, session] of sessions) if (session === e.sessionId) sessions.delete(target);
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  await Promise.all(targetInfos.map(attach));

  return {
    lines,
    async flush() {
      // A target answers in order: once it answered this, what it logged before has arrived.
      await Promise.all([...sessions.values()].filter(Boolean).map((s) => Promise.race([send(s, 'Runtime.evaluate', { expression: '0' }), new Promise((r) => setTimeout(r, 2000))])));
    },
    async stop() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
