import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, constants, lstatSync, openSync, readlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HallError } from '../../src-shared/errors';
import { ModemEmulator } from './modem';
import type { EmulatorOptions } from './options';

export interface PtyEmulatorOptions {
  /** Where the device appears; default a fresh name in the temp directory. */
  link?: string;
  /** An emulator to expose; default a new one built from `emulatorOptions`. */
  emulator?: ModemEmulator;
  emulatorOptions?: EmulatorOptions;
  socatPath?: string;
  /** How long socat may take to create the pty. */
  readyTimeoutMs?: number;
}

export interface PtyEmulator {
  /** The device path a serial client opens (a symlink to /dev/pts/N). */
  path: string;
  emulator: ModemEmulator;
  /** Stops socat and removes the link; the emulator is disposed if this call created it. */
  close(): Promise<void>;
}

const POLL_MS = 10;
let linkCounter = 0;

function socatMissing(cause: unknown): HallError {
  return new HallError(
    'emulator.socat-missing',
    { zh: '找不到 socat，无法创建虚拟串口。', en: 'socat was not found, so the virtual serial port cannot be created.' },
    { action: { zh: '请安装 socat：sudo apt-get install socat', en: 'Install socat: sudo apt-get install socat' }, cause },
  );
}

function socatFailed(detail: string): HallError {
  return new HallError(
    'emulator.socat-failed',
    { zh: `socat 未能创建虚拟串口：${detail}`, en: `socat could not create the virtual serial port: ${detail}` },
    { details: { detail } },
  );
}

function linkTaken(path: string): HallError {
  return new HallError(
    'path.not-a-link',
    {
      zh: `${path} 已经存在，而且不是模拟调制解调器留下的链接；为了不覆盖它，没有启动。`,
      en: `${path} already exists and is not a link left by the modem emulator; not started, so that it is not overwritten.`,
    },
    { action: { zh: '请用 --link 指定一个还不存在的路径。', en: 'Give --link a path that does not exist yet.' }, details: { path } },
  );
}

/** What the link points at when it is a symbolic link, else null (missing, or a file of any other kind). */
function linkTarget(path: string): string | null {
  if (!lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return null;
  return readlinkSync(path);
}

/**
 * The device path may only ever be a link socat made to a pseudo-terminal: a missing path is
 * fine, one left behind by a crashed run is removed, anything else belongs to the user.
 */
function claimLinkPath(path: string): void {
  const stale = linkTarget(path);
  if (stale !== null && stale.startsWith('/dev/pts/')) unlinkSync(path);
  else if (lstatSync(path, { throwIfNoEntry: false })) throw linkTaken(path);
}

/**
 * One socat process = one plugged-in modem: socat owns the pty master and relays it to our
 * stdin/stdout. We also hold the slave side open ourselves, so a client closing the device
 * (gammu does, after every run) never tears down the pty the way a real USB stick stays put.
 */
class SocatLink {
  private proc: ChildProcess | null = null;
  private slaveFd: number | null = null;
  /** The pseudo-terminal our link points at: only that link is ours to remove. */
  private made: string | null = null;

  constructor(
    private readonly link: string,
    private readonly socatPath: string,
    private readonly emulator: ModemEmulator,
    private readonly readyTimeoutMs: number,
  ) {}

  async start(): Promise<void> {
    // A link left behind by a crashed run would look ready before socat made the new one.
    claimLinkPath(this.link);
    // unlink-close=0: socat would remove whatever is at the path when it exits, even a file the user
    // put there since; stop() removes the link only if it is still ours.
    const proc = spawn(this.socatPath, ['-d', `pty,raw,echo=0,link=${this.link},unlink-close=0`, 'STDIO'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc = proc;
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout!.on('data', (d: Buffer) => this.emulator.write(new Uint8Array(d)));
    // Writing after socat died fails with EPIPE: that is the pulled cable 'exit' already reports.
    proc.stdin!.on('error', () => {});
    proc.once('exit', () => {
      // socat died on its own (killed from outside): for the host that is a pulled cable.
      if (this.proc === proc) this.emulator.unplug();
    });
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (err?: HallError): void => {
        if (settled) return;
        settled = true;
        if (err) reject(err);
        else resolve();
      };
      proc.once('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ENOENT' ? socatMissing(e) : socatFailed(e.message)));
      const started = Date.now();
      const poll = (): void => {
        if (settled) return;
        if (proc.exitCode !== null || proc.signalCode !== null) return finish(socatFailed(stderr.trim() || `exit ${proc.exitCode}`));
        if (linkTarget(this.link) !== null) return finish();
        if (Date.now() - started > this.readyTimeoutMs) return finish(socatFailed('timeout waiting for the pty'));
        setTimeout(poll, POLL_MS);
      };
      poll();
    });
    this.made = linkTarget(this.link);
    this.slaveFd = openSync(this.link, constants.O_RDWR | constants.O_NOCTTY);
  }

  send(chunk: Uint8Array): void {
    this.proc?.stdin?.write(chunk);
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (this.slaveFd !== null) closeSync(this.slaveFd);
    this.slaveFd = null;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await exited;
    }
    if (this.made !== null && linkTarget(this.link) === this.made) unlinkSync(this.link);
    this.made = null;
  }
}

/** Puts an emulated modem on a real pseudo-terminal, for gammu, minicom or the real serialport binding. */
export async function startPtyEmulator(opts: PtyEmulatorOptions = {}): Promise<PtyEmulator> {
  const path = opts.link ?? join(tmpdir(), `hall10086-modem-${process.pid}-${++linkCounter}`);
  const emulator = opts.emulator ?? new ModemEmulator(opts.emulatorOptions);
  const newLink = (): SocatLink =>
    new SocatLink(path, opts.socatPath ?? 'socat', emulator, opts.readyTimeoutMs ?? 5000);
  let link = newLink();
  // Each plug-in is a new socat; `pending` orders the restarts so a quick unplug/replug cannot race.
  let pending: Promise<void> = Promise.resolve();
  const offData = emulator.onData((chunk) => link.send(chunk));
  const offUnplug = emulator.onUnplug(() => {
    const dying = link;
    pending = pending.then(() => dying.stop());
  });
  const offReplug = emulator.onReplug(() => {
    link = newLink();
    const fresh = link;
    pending = pending.then(() => fresh.start()).catch(() => emulator.unplug());
  });
  try {
    await link.start();
  } catch (e) {
    offData();
    offUnplug();
    offReplug();
    await link.stop();
    if (!opts.emulator) emulator.dispose();
    throw e;
  }
  return {
    path,
    emulator,
    async close() {
      offData();
      offUnplug();
      offReplug();
      await pending;
      await link.stop();
      if (!opts.emulator) emulator.dispose();
    },
  };
}
