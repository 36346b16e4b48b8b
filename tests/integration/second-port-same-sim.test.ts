import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { encodeDeliver } from '../../src-shared/pdu';

/**
 * A Quectel EC25 shows two AT ports (USB interfaces 02 and 03, ModemManager's 77-mm-quectel-port-types.rules), a
 * SIM7600 ttyUSB2 and ttyUSB3; the modem list marks both "looks like a modem" and a user connects both. They are two
 * devices, so `modem.same-device` does not hold them back, and one card is behind both: two sessions each list the
 * memory, journal what they read and delete it by index. The one deleting second removes whatever the network put in
 * the slot the other freed meanwhile (review30's repeated index, across two sessions this time): a message read by
 * neither. The emulator's second port onto the same card and memory, each port a real pseudo-terminal (socat) opened by
 * serialport's own binding through the core, as the app does.
 */
let modem: PtyEmulator;
let otherPort: PtyEmulator;
let dataDir: string;
let core: HallCore;
const ICCID = '89860012345678900074';

beforeAll(async () => {
  modem = await startPtyEmulator({ emulatorOptions: { sim: { iccid: ICCID, imsi: '460001234567007' } } });
  otherPort = await startPtyEmulator({ emulator: modem.emulator.secondPort() });
  dataDir = await mkdtemp(join(tmpdir(), 'hall-second-port-'));
  core = await HallCore.create({ dataDir, demo: false });
}, 30_000);
afterAll(async () => {
  await core?.close();
  await otherPort?.close();
  otherPort?.emulator.dispose();
  await modem?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const stateOf = async (path: string) => (await core.call('modem.list', {})).find((m) => m.path === path);
/** null once connected, else what the connect was refused with. */
const connect = (path: string) => core.call('modem.connect', { path }).then(() => null, (e: unknown) => e);
/** Commands that read or delete the card's messages. */
const onMemory = (lines: readonly string[]) => lines.filter((l) => /^AT\+CMG[LRD]/i.test(l));

/** Two messages to the card (written for this test: only their slots matter). */
const message = (text: string, minute: number) =>
  encodeDeliver({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 7, 6, minute)), tzQuarterHours: 32, smsc: '+8613800100500' }).hex;
const READ_FIRST = '您的话费账单已出。';
const CAME_NEXT = '您的余额为12.50元。';

describe("a modem's second AT port, connected beside its first", () => {
  it('is let go before it reads or deletes anything on the card: a message that took a slot the first port freed is not deleted unread', async () => {
    expect(await connect(modem.path)).toBeNull();
    await expect.poll(async () => (await stateOf(modem.path))?.simId, { timeout: 20_000 }).toBe(ICCID);
    const journaled = (text: string) => core.journal.pendingIncoming().some((p) => p.simId === ICCID && p.text === text);

    // The first port reads a message announced to it, journals it and deletes its slot 0.
    const first = message(READ_FIRST, 0);
    modem.emulator.deliverPdu(first);
    await expect.poll(() => journaled(READ_FIRST), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => modem.emulator.messages('SM').length, { timeout: 20_000 }).toBe(0);
    // The next message takes the freed slot (modems fill the lowest free one); its announcement is left out, so that
    // the test, not the load, decides the order.
    const next = message(CAME_NEXT, 1);
    expect(modem.emulator.preload('SM', next)).toBe(0);
    // The second port's listing as the modem gave it a moment before the first port's delete: slot 0 held the first
    // message. Two sessions on one memory interleave so by chance; the replay fixes that order.
    const entry = `+CMGL: 0,1,,${first.length / 2 - 1 - parseInt(first.slice(0, 2), 16)}\r\n${first}\r\n`;
    otherPort.emulator.fault({ kind: 'replay', command: 'AT+CMGL=4', bytes: `\r\n${entry}\r\nOK\r\n` });

    const onSecond: string[] = [];
    otherPort.emulator.onCommand((line) => onSecond.push(line));
    const refused = await connect(otherPort.path);
    // The old code let its set-up end (ready) with a reading of the card; wait for that or the refusal.
    await expect.poll(async () => (await stateOf(otherPort.path))?.state, { timeout: 20_000 }).toMatch(/^(ready|failed)$/);
    const onSim = modem.emulator.messages('SM').map((e) => e.message.pdu.toUpperCase());
    expect(journaled(CAME_NEXT) || onSim.includes(next.toUpperCase()), 'the message in the freed slot is on the SIM or in the journal').toBe(true);
    expect(onMemory(onSecond), 'what the second port read or deleted on the card').toEqual([]);
    expect(refused).toMatchObject({ code: 'modem.same-sim' });
    const second = await stateOf(otherPort.path);
    expect(second).toMatchObject({ state: 'failed', simId: null, error: { code: 'modem.same-sim' } });
    expect(second!.error!.zh).toContain(modem.path);
    expect(second!.error!.en).toContain(modem.path);
    otherPort.emulator.clearFaults();

    // The first port goes on: a message announced to it is read; the one left on the card, at its next reading.
    modem.emulator.deliver('13912345678', '收到，谢谢。');
    await expect.poll(() => journaled('收到，谢谢。'), { timeout: 20_000 }).toBe(true);
    const { modemId } = (await stateOf(modem.path))!;
    await core.call('modem.disconnect', { modemId });
    expect(await connect(modem.path)).toBeNull();
    await expect.poll(() => journaled(CAME_NEXT), { timeout: 20_000 }).toBe(true);
    expect(modem.emulator.messages('SM')).toEqual([]);
  }, 90_000);

  it('connected at the same time as the first: one of the two comes up, the other is let go', async () => {
    for (const m of await core.call('modem.list', {})) await core.call('modem.disconnect', { modemId: m.modemId });
    const outcomes = await Promise.all([connect(modem.path), connect(otherPort.path)]);
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes.filter((o) => o !== null)).toEqual([expect.objectContaining({ code: 'modem.same-sim' })]);
    const up = (await core.call('modem.list', {})).filter((m) => m.state === 'ready');
    expect(up.map((m) => m.simId)).toEqual([ICCID]);
  }, 90_000);
});
