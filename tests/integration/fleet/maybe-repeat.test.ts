import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { ModemEmulator } from '../../../src-main/emulator/modem';
import { startPtyEmulator } from '../../../src-main/emulator/pty';
import { Journal } from '../../../src-main/services/journal';
import { defaultMqttSettings } from '../../../src-main/services/mqtt/mqtt-settings';
import { encodeDeliverParts } from '../../../src-shared/pdu';
import { FAST } from '../session-kit';
import { startAedes } from './aedes-kit';
import { listen, startBroker } from './mosquitto-kit';
import { waitFor } from './pool-kit';

/**
 * journal21: after a restart on a compacted journal, a message the journal holds only masked, read again from
 * its slot (the delete refused), cannot be told from another code of the same wording put in that slot: it is
 * journaled again, naming the held key (review20). The page drops it when its row holds the very text; the
 * fleet board and MQTT had no page to ask, and told a received message a second time, as new. Real core, the
 * emulator on a real pty with the native serialport binding, the journal on disk, an MQTT broker (aedes) over
 * TCP. Text written for the test in the shape of 10086's.
 */
const SIM = { iccid: '89860012345678900001', imsi: '460001234500001' };
const STAMP = new Date(Date.UTC(2026, 11, 6, 0, 0, 7));
const RESET = '尊敬的客户，您的服务密码已重置为357108，当前话费余额为35.20元。【中国移动】';
const HOST = 'desk1';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

/**
 * The emulator on a real pty, a data folder, an MQTT broker (aedes, or with `mosquitto` the real Debian mosquitto) with a
 * listener on the event topics; `start` opens a core on the folder.
 */
async function rig(o: { mosquitto?: boolean } = {}) {
  const emulator = new ModemEmulator({ ...FAST, sim: SIM });
  const pty = await startPtyEmulator({ emulator });
  cleanup.push(() => pty.close());
  const dir = await mkdtemp(join(tmpdir(), 'hall-maybe-repeat-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const broker = o.mosquitto ? await startBroker() : await startAedes();
  cleanup.push(() => broker.stop());
  const listener = await listen(broker.url, [`hall10086/${HOST}/sim/+/event`]);
  cleanup.push(() => listener.close());
  const start = async () => {
    const core = await HallCore.create({ dataDir: dir, warn: () => undefined });
    cleanup.push(() => core.close());
    return core;
  };
  return { emulator, pty, dir, events: { messages: listener.messages, url: broker.url }, start };
}

/** MQTT on, to the broker at `url`, connected. */
async function publishOn(core: HallCore, url: string): Promise<void> {
  await core.call('mqtt.set', { settings: { ...defaultMqttSettings(), enabled: true, url, hostId: HOST, username: '', password: null, clientKeyPem: null } });
  await waitFor(async () => (await core.call('mqtt.get', {})).status.state === 'connected', 'connected');
}

describe('a message the journal cannot tell from the one it holds masked, on the fleet board and MQTT', () => {
  it('is published marked as maybe the one told before, and counts no second time', async () => {
    const { emulator, pty, dir, events, start } = await rig();
    // First run: the reset reply is journaled, its delete refused (it stays in SM:0), and it is told once.
    const first = await start();
    await publishOn(first, events.url);
    emulator.fault({ kind: 'command-error', command: 'AT+CMGD', cms: 500, times: 1000 });
    emulator.deliverPdu(encodeDeliverParts({ from: '10086', text: RESET, timestamp: STAMP, tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 1 })[0]!.hex);
    await first.call('modem.connect', { path: pty.path });
    await waitFor(() => events.messages.length === 1, 'the reply told once');
    const { incoming } = await first.call('journal.pending', {});
    expect(incoming.map((r) => r.text)).toEqual([RESET]);
    // A page stored it and acknowledged it; the journal is compacted (its text masked on disk, the slot still held).
    await first.call('journal.ack', { keys: [incoming[0]!.key] });
    await first.close();
    const journal = await Journal.open(dir);
    await journal.compact();
    await journal.close();
    emulator.clearFaults();

    // Next start: the same slot gives the same reply, which the journal holds only masked.
    const again = await start();
    await again.call('modem.connect', { path: pty.path });
    await waitFor(() => emulator.messages('SM').length === 0, 'SM:0 read and deleted');
    const pending = (await again.call('journal.pending', {})).incoming;
    expect(pending.map((r) => [r.text, r.maybeStoredAs])).toEqual([[RESET, incoming[0]!.key]]);
    await waitFor(() => events.messages.length === 2, 'the second telling');
    const told = events.messages.map((m) => JSON.parse(m.payload) as Record<string, unknown>);
    // The first as any message; the second says it may be that one, so that nothing counting messages counts it again.
    expect(told.map((e) => e.mayRepeat)).toEqual([undefined, true]);
    expect(told.map((e) => e.text)).toEqual([told[0]!.text, told[0]!.text]);
    expect(JSON.stringify(told)).not.toContain('357108');
  });

  it('a single SMS the network hands over twice (same sender, second and text, another slot) is kept twice and told once as new', async () => {
    const { emulator, pty, events, start } = await rig();
    const core = await start();
    await publishOn(core, events.url);
    await core.call('modem.connect', { path: pty.path });
    const pdu = (text: string) => encodeDeliverParts({ from: '10086', text, timestamp: STAMP, tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 1 })[0]!.hex;
    const BALANCE = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
    emulator.deliverPdu(pdu(BALANCE));
    await waitFor(() => events.messages.length === 1, 'the reply told');
    // A page stored it and acknowledged it; then the SMSC, its acknowledgement lost on the air, hands it over again.
    const first = (await core.call('journal.pending', {})).incoming;
    await core.call('journal.ack', { keys: first.map((r) => r.key) });
    emulator.deliverPdu(pdu(BALANCE));
    await waitFor(() => events.messages.length === 2, 'the repeat told');
    // Another text of that second is another message, told as new.
    emulator.deliverPdu(pdu('尊敬的客户，您本月已用流量1.20GB。【中国移动】'));
    await waitFor(() => events.messages.length === 3, 'the other text told');
    const told = events.messages.map((m) => JSON.parse(m.payload) as Record<string, unknown>);
    expect(told.map((e) => e.mayRepeat)).toEqual([undefined, true, undefined]);
    // Kept all the same: a second identical reply stamped in the same second cannot be told from the repeat.
    const pending = (await core.call('journal.pending', {})).incoming;
    expect(pending.map((r) => r.text)).toEqual([BALANCE, '尊敬的客户，您本月已用流量1.20GB。【中国移动】']);
    // A page that reloads now is told too (journal22): the repeat names the first, the other text nothing.
    expect(pending.map((r) => r.sameTextAs)).toEqual([first[0]!.key, undefined]);
  });

  it('after a restart of the core, the network\'s repeat of a single SMS is published marked as maybe the one told before (journal25; real mosquitto)', async () => {
    const { emulator, pty, events, start } = await rig({ mosquitto: true });
    const pdu = (text: string, second: number) =>
      encodeDeliverParts({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 11, 6, 0, 0, second)), tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 1 })[0]!.hex;
    const BALANCE = '尊敬的客户，您的话费余额为35.20元。【中国移动】';
    const LATER = '尊敬的客户，您的话费余额为30.20元。【中国移动】';
    // First run: the balance reply is told, a page stores it and acknowledges it (the journal then keeps its key only).
    const first = await start();
    await publishOn(first, events.url);
    await first.call('modem.connect', { path: pty.path });
    emulator.deliverPdu(pdu(BALANCE, 7));
    await waitFor(() => events.messages.length === 1, 'the reply told');
    await first.call('journal.ack', { keys: (await first.call('journal.pending', {})).incoming.map((r) => r.key) });
    await first.close();

    // Next start: the SMSC, its acknowledgement lost on the air, hands the same SMS over again with its stamp; then a later reply.
    const again = await start();
    await publishOn(again, events.url);
    await again.call('modem.connect', { path: pty.path });
    emulator.deliverPdu(pdu(BALANCE, 7));
    await waitFor(() => events.messages.length === 2, 'the repeat told');
    emulator.deliverPdu(pdu(LATER, 40));
    await waitFor(() => events.messages.length === 3, 'the later reply told');
    const told = events.messages.map((m) => JSON.parse(m.payload) as Record<string, unknown>);
    expect(told.map((e) => [e.text, e.mayRepeat])).toEqual([
      [BALANCE, undefined],
      [BALANCE, true],
      [LATER, undefined],
    ]);
    // Told, never dropped: the journal keeps it as a message of its own (an identical second reply of that second cannot be told from it).
    const pending = (await again.call('journal.pending', {})).incoming;
    expect(pending.map((r) => [r.text, /#2$/.test(r.key)])).toEqual([
      [BALANCE, true],
      [LATER, false],
    ]);
  });
});
