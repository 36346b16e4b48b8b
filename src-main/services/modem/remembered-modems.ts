import { join } from 'node:path';
import * as v from 'valibot';
import type { Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { jsonOf, loadSettingsFile } from '../settings-file';

const FILE = 'modems.json';
const Port = v.pipe(v.string(), v.minLength(1), v.maxLength(260));
const ModemsFileSchema = v.object({ ports: v.array(Port) });

/**
 * The ports the user connected in the app (and did not disconnect), kept in the data folder so the
 * next start opens them again: a second modem, or one the system's list does not show (a
 * pseudo-terminal, socat or ser2net, /dev/serial/by-id), is not left for the user to find and type
 * again every morning. Only the app's own connect and disconnect change it; the command line's
 * `--port` does not. A port is noted when its connect is accepted, before the modem is set up: a user
 * who quits during the set-up, or whose modem then fails it, still gets it back (with its error) at
 * the next start. Writes are queued, so two connects at once both stay; the list in memory changes
 * first, so a failed write loses nothing and the next change writes it all.
 */
export class RememberedModems {
  private queue: Promise<unknown> = Promise.resolve();
  /** Whether modems.json holds `ports` (false after a change whose write has not succeeded yet). */
  private written = true;

  private constructor(
    private readonly path: string,
    private ports: string[],
    /** Said once at start when the file was damaged: where its copy was kept. */
    readonly problem: Bilingual | null,
  ) {}

  /** A damaged file only costs the reconnect: it is kept aside, and the app falls back to the first port that looks like a modem. */
  static async open(dataDir: string): Promise<RememberedModems> {
    const path = join(dataDir, FILE);
    const { value, problem } = await loadSettingsFile({
      path,
      holds: { zh: '已连接调制解调器记录', en: 'connected modems' },
      meanwhile: {
        zh: '上次连接的调制解调器这次没有自动重新连接：请在“设备”页再连接一次。',
        en: 'the modems connected last time were not connected again at this start: connect them once more on the Modem page.',
      },
      parse: jsonOf(ModemsFileSchema),
    });
    return new RememberedModems(path, value?.ports ?? [], problem);
  }

  list(): string[] {
    return [...this.ports];
  }

  add(path: string): Promise<void> {
    // Never a port this file's own check refuses at the next start: the whole file would be kept aside, every modem in it
    // forgotten (review29: a connect to "" was noted before it failed).
    if (!v.is(Port, path)) return Promise.resolve();
    return this.change((ports) => (ports.includes(path) ? ports : [...ports, path]));
  }

  remove(path: string): Promise<void> {
    return this.change((ports) => ports.filter((p) => p !== path));
  }

  private change(edit: (ports: string[]) => string[]): Promise<void> {
    const after = edit(this.ports);
    if (after.length === this.ports.length && this.written) return Promise.resolve();
    this.ports = after;
    this.written = false;
    const next = this.queue.then(() => this.write());
    // One failed write (a full disk) must not block the later ones.
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Writes the list as it is now: a write queued behind one that already saved it has nothing to do. */
  private async write(): Promise<void> {
    if (this.written) return;
    const ports = this.ports;
    await writeFileAtomic(this.path, `${JSON.stringify({ ports })}\n`);
    if (this.ports === ports) this.written = true;
  }
}
