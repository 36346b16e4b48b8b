import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../services/atomic-write';

const FILE = 'modems.json';

/**
 * The ports the user connected in the app (and did not disconnect), kept in the data folder so the
 * next start opens them again: a second modem, or one the system's list does not show (a
 * pseudo-terminal, socat or ser2net, /dev/serial/by-id), is not left for the user to find and type
 * again every morning. Only the app's own connect and disconnect change it; the command line's
 * `--port` does not. Writes are queued, so two connects at once both stay.
 */
export class RememberedModems {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  async list(): Promise<string[]> {
    const text = await readFile(join(this.dataDir, FILE), 'utf8').catch(() => null);
    if (text === null) return [];
    try {
      const ports = (JSON.parse(text) as { ports?: unknown }).ports;
      return Array.isArray(ports) ? ports.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 260) : [];
    } catch {
      // A damaged file only costs the reconnect: the app falls back to the first port that looks like a modem.
      return [];
    }
  }

  add(path: string): Promise<void> {
    return this.change((ports) => (ports.includes(path) ? ports : [...ports, path]));
  }

  remove(path: string): Promise<void> {
    return this.change((ports) => ports.filter((p) => p !== path));
  }

  private change(edit: (ports: string[]) => string[]): Promise<void> {
    const next = this.queue.then(async () => {
      const before = await this.list();
      const after = edit(before);
      if (after.length !== before.length) await writeFileAtomic(join(this.dataDir, FILE), `${JSON.stringify({ ports: after })}\n`);
    });
    // One failed write (a full disk) must not block the later ones.
    this.queue = next.catch(() => undefined);
    return next;
  }
}
