import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INSTANT_TIMING } from '../../src-main/emulator/options';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { spawn } from 'node:child_process';
import { askEmulatorMaker, BIN, hall, STACK_TRACE, type CliRun } from './cli-helpers';

const TIMING = { ...INSTANT_TIMING, replyDelayMs: 20, partGapMs: 10, statusReportMs: 30 };
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

async function ptyModem(options: Parameters<typeof startPtyEmulator>[0]): Promise<{ pty: PtyEmulator; dataDir: string }> {
  const pty = await startPtyEmulator(options);
  cleanup.push(() => pty.close());
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-cli-send-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  return { pty, dataDir };
}

describe('hall10086 send on a modem over a pty: the result as it is', () => {
  it('a refused send is printed as a failure with its plain meaning and what to do, exits 1, and does not wait for a reply', async () => {
    const { pty, dataDir } = await ptyModem({ emulatorOptions: TIMING });
    // A refusal from the network (RP-cause 21) surely did not go; a 500 after the body may have (mend51).
    pty.emulator.fault({ kind: 'command-error', command: '+CMGS', cms: 21 });
    const en = await hall(['send', 'YE', '--port', pty.path, '--data-dir', dataDir, '--wait-reply', '--timeout', '120']);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/^Failed: YE {2}\[cms\.21\]$/m);
    expect(en.stdout).toMatch(/The message was not sent: .+/);
    expect(en.stdout).toMatch(/What to do: .+/);
    expect(en.stdout).not.toMatch(/^Sent:/m);
    // Told at once, not after the 120 s of --timeout.
    expect(en.stderr).not.toMatch(/No reply within/);
    expect(en.stdout + en.stderr).not.toMatch(STACK_TRACE);
    pty.emulator.fault({ kind: 'command-error', command: '+CMGS', cms: 330 });
    const zh = await hall(['send', 'YE', '--port', pty.path, '--data-dir', dataDir, '--lang', 'zh-Hans']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/^发送失败: YE {2}\[cms\.330\]$/m);
    expect(zh.stdout).toMatch(/短信没有发出：.*短信中心/);
    expect(zh.stdout).toMatch(/怎么办：/);
    // Exactly the two attempts reached the modem, neither went out.
    expect(pty.emulator.sent).toHaveLength(0);
  }, 60_000);

  it('a send still waiting for the network when --timeout runs out is not called sent: it waits, says why, and goes once registered', async () => {
    // Searching from power-on until the test registers the card (an hour's registerDelayMs): no wait depends on timing.
    const { pty, dataDir } = await ptyModem({ emulatorOptions: { ...TIMING, registerDelayMs: 3_600_000 } });
    pty.emulator.fault({ kind: 'no-network', stat: 2, durationMs: null });
    const child = spawn(process.execPath, [BIN, 'send', 'YE', '--port', pty.path, '--data-dir', dataDir, '--timeout', '2'], {
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: CliRun = { code: null, stdout: '', stderr: '' };
    const exited = new Promise<void>((done) => child.on('close', (code) => ((run.code = code), done())));
    cleanup.push(async () => void child.kill());
    child.stdout.setEncoding('utf8').on('data', (d: string) => (run.stdout += d));
    let told: () => void = () => undefined;
    const waiting = new Promise<void>((done) => (told = done));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      run.stderr += d;
      if (/Waiting for the network/.test(run.stderr)) told();
    });
    // The old command left here with "Sent: YE  [queued send.waiting-network]", exit 0, and nothing went out.
    await Promise.race([waiting, exited.then(() => Promise.reject(new Error(`the command ended while waiting for the network: ${JSON.stringify(run)}`)))]);
    expect(pty.emulator.sent).toHaveLength(0);
    pty.emulator.fault({ kind: 'no-network', stat: 1, durationMs: null });
    await exited;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Sent: YE {2}\[(sent|delivered)\]$/m);
    expect(pty.emulator.sent.map((m) => m.part.text)).toEqual(['YE']);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  }, 60_000);

  it('a send still on the line when --timeout runs out is printed "maybe not sent" with exit 1, never "Sent" (mend39\'s untested branch)', async () => {
    // The modem takes the AT+CMGS and then says nothing (a hang in the middle of a send): the instruction was journaled
    // `sending` before its first byte, so when the command stops it is what the next start journals, maybe sent.
    const { pty, dataDir } = await ptyModem({ emulatorOptions: TIMING });
    const off = pty.emulator.onCommand((line) => {
      if (!/^AT\+CMGS=/i.test(line)) return;
      off();
      pty.emulator.fault({ kind: 'silence' });
    });
    // 10 s: the session's own wait for the +CMGS answer is 90 s, so the command always stops first.
    const en = await hall(['send', 'YE', '--port', pty.path, '--data-dir', dataDir, '--timeout', '10']);
    expect(en.stdout).toMatch(/^Maybe not sent: YE {2}\[journal\.interrupted-send\]$/m);
    expect(en.stdout).not.toMatch(/^Sent:/m);
    expect(en.stdout).toMatch(/What to do: .+/);
    expect(en.code).toBe(1);
    expect(pty.emulator.sent).toHaveLength(0);
    expect(en.stdout + en.stderr).not.toMatch(STACK_TRACE);
  }, 60_000);

  it('sends through a SIMCom SIM7600/A76xx (bare ">" prompt, LTE-only registration, SMS DONE after boot) and prints the reply', async () => {
    const { pty, dataDir } = await ptyModem({ emulatorOptions: { ...TIMING, profile: 'simcom-sim7600' } });
    const run = await hall(['send', 'YE', '--port', pty.path, '--data-dir', dataDir, '--wait-reply', '--timeout', '60']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Sent: YE {2}\[(sent|delivered)\]$/m);
    expect(run.stdout).toMatch(/10086:\n  尊敬的客户.*余额/s);
    expect(pty.emulator.sent.map((m) => m.part.text)).toEqual(['YE']);
  }, 60_000);

  it('emulator --pty --profile puts that device on the pty; an unknown profile is named with the known ones', async () => {
    const bad = await hall(['emulator', '--pty', '--profile', 'nokia-3310']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/No device profile named "nokia-3310". Available: .*quectel-ec25/);
    expect(bad.stderr).not.toMatch(STACK_TRACE);
    const { answer } = await askEmulatorMaker(['--profile', 'quectel-ec25']);
    expect(answer).toContain('Quectel');
  }, 30_000);
});
