import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePdu, reassemble, type DeliverPart } from '../../src-shared/pdu';
import { gammu, GAMMU_MS } from './gammu-kit';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';

/** gammu is a third-party client: if the emulator satisfies it, it speaks AT the way real modems do. */

/** `gammu getallsms` prints each stored part as a block; long messages say "part i of n". */
function gammuTexts(listing: string): string[] {
  const blocks = listing.split(/^Location \d+, /m).slice(1);
  const parts = blocks.map((block) => {
    const header = block.match(/part (\d+) of (\d+)/);
    const body = block.split(/\n\s*\n/)[1]!.trim();
    return { id: header ? block.match(/ID \(\d+ bit\) (\d+)/)![1]! : body, part: header ? Number(header[1]) : 1, body };
  });
  const byId = new Map<string, typeof parts>();
  for (const p of parts) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  return [...byId.values()].map((ps) => ps.sort((a, b) => a.part - b.part).map((p) => p.body).join(''));
}

describe('gammu against the emulated modem', () => {
  let pty: PtyEmulator;
  let dir: string;
  let rc: string;

  beforeAll(async () => {
    const probe = spawnSync('gammu', ['version'], { encoding: 'utf8' });
    if (probe.error) throw new Error('gammu is not installed (Debian: apt-get install gammu); this test needs it.');
    pty = await startPtyEmulator({
      emulatorOptions: { seed: 3, latencyMs: 2, sendDelayMs: 100, replyDelayMs: 300, partGapMs: 150 },
    });
    dir = mkdtempSync(join(tmpdir(), 'hall10086-gammu-'));
    rc = join(dir, 'gammurc');
    writeFileSync(rc, `[gammu]\ndevice = ${pty.path}\nconnection = at\n`);
  });

  afterAll(async () => {
    await pty?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('identifies the modem', async () => {
    const run = await gammu(rc, ['identify']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Manufacturer\s+: Hall10086/);
    expect(run.output).toMatch(/IMEI\s+: 867530010086005/);
    expect(run.output).toMatch(/SIM IMSI\s+: 460001234567890/);
  });

  it('reads the network registration', async () => {
    const run = await gammu(rc, ['networkinfo']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Network state\s+: home network/);
    expect(run.output).toMatch(/Network\s+: 460 00 .*LAC 1A2B, CID 0C3D4E5F/);
    expect(run.output).toMatch(/GPRS\s+: attached/);
  });

  it('sends YE to 10086 and reads the Chinese reply back with getallsms', async () => {
    const sent = await gammu(rc, ['sendsms', 'TEXT', '10086', '-text', 'YE']);
    expect(sent.code, sent.output).toBe(0);
    expect(sent.output).toMatch(/OK, message reference=\d+/);
    expect(pty.emulator.sent.map((s) => [s.part.number, s.part.text])).toEqual([['10086', 'YE']]);

    const reply = await new Promise<string>((resolve, reject) => {
      const deadline = Date.now() + GAMMU_MS;
      const poll = (): void => {
        const parts = pty.emulator.sim.messages.map((e) => decodePdu(e.message.pdu) as DeliverPart);
        const [message] = reassemble(parts);
        if (message?.complete) return resolve(message.text);
        if (Date.now() > deadline) return reject(new Error('the 10086 reply never reached the SIM'));
        setTimeout(poll, 100);
      };
      poll();
    });
    expect(reply).toMatch(/余额.*\d+\.\d{2}元.*【中国移动】$/);

    const listing = await gammu(rc, ['getallsms']);
    expect(listing.code, listing.output).toBe(0);
    expect(listing.output).toMatch(/Remote number\s+: "10086"/);
    expect(gammuTexts(listing.output)).toEqual([reply]);
  });
});
