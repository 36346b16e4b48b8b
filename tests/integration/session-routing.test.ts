import { afterEach, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import type { DeviceProfile } from '../../src-main/emulator/profiles';
import { assembleRecords } from '../../src-shared/assemble';
import { ptyRig, until } from './pty-rig';
import { FAST } from './session-kit';

/**
 * TS 27.005 §3.4.1, and every vendor manual that repeats it (Siemens MC35 "AT+CNMA", MC55/AC75 §13.10,
 * Cinterion BGS2T §13.10, Multitech MTCMR-H): a +CMT/+CDS the modem did not see acknowledged in time
 * makes it answer RP-ERROR and set CNMI's <mt> and <ds> to 0. From then on nothing is announced: every
 * message lands in storage with no +CMTI. A late +CNMA is answered "+CMS ERROR: 340" (no acknowledgement
 * expected). Here the acknowledgement is late the way it is on a slow network: the report for a long
 * message's first part arrives while the second part's AT+CMGS is still waiting for the network.
 */

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

const LONG_TO_FRIEND = '王老师您好，明天上午九点的会议改到下午两点，地点还是三楼会议室，请您通知一下其他几位老师，谢谢！如果有问题请随时给我打电话。另外，下周的培训资料我已经发到您的邮箱了，请查收。';
const REPLY = '尊敬的客户，您好！截至12月5日，您的账户余额为37.50元，本月已用流量3.2GB，剩余通用流量6.8GB。如需查询详单请回复CXXD，办理流量包请回复KTLL，感谢您的使用，中国移动。';
/** UCS2 holds 70 characters in one SMS, 67 in each part of a long one: the reply comes in two parts. */
const REPLY_PARTS = 2;
/**
 * A wait of the modem (for +CNMA) or of the SMSC (before delivering again) that outlasts the test: it ends
 * when the test says so ('cnma-wait-ends', 'smsc-retry') at a point of the conversation it waited for, so a
 * loaded machine cannot move it to another point. A host slow to acknowledge is then never a late one.
 */
const UNTIL_TOLD = 600_000;

/** A Quectel M26 offers no service 1 (AT+CSMS=? answers +CSMS: (0,128), warthog618/modem issue #17). */
const phase2: DeviceProfile = {
  name: 'phase-2-only',
  family: 'Test',
  models: 'AT+CSMS=1 refused, as on a Quectel M26',
  identity: { manufacturer: 'Test', model: 'T2', revision: '1', imei: '867530010086013' },
  behaviours: [],
  quirks: { smsServices: [0] },
};

describe('direct deliveries acknowledged too late (real pty, native serialport binding)', () => {
  it('switches announcements back on and reads what was stored meanwhile, once each, without sending twice', async () => {
    // The report for the first part comes while the second part's AT+CMGS waits for the network; the modem
    // holds the +CDS back until that command ends, and its wait for +CNMA ends before that. Each step is
    // tied to the command the modem reads, not to timers racing each other. The modem refuses <ds>=2 (as
    // many do, ModemManager mm-broadband-modem.c cnmi_sequence), so reports come as +CDS.
    const emulator = new ModemEmulator({ ...FAST, cnmaTimeoutMs: UNTIL_TOLD, smscRetryMs: UNTIL_TOLD });
    emulator.fault({ kind: 'refuse-cnmi', ds: 2 });
    emulator.fault({ kind: 'hold', what: 'status-reports' });
    let submits = 0;
    let acknowledgements = 0;
    emulator.onCommand((line) => {
      if (line.startsWith('AT+CMGS=') && ++submits === 2) {
        // The second part's "> " is out, the line held: the first part's report lands, its +CDS waits
        // behind this command, and the modem's wait for the +CNMA ends before the command does.
        emulator.fault({ kind: 'release', what: 'status-reports' });
        emulator.fault({ kind: 'cnma-wait-ends' });
      }
      // The late +CNMA is being refused and announcements are off. The SMSC tries again: the modem takes
      // the report back without passing it on (<ds> 0), and 10086's two-part reply lands in storage, unsaid.
      if (line === 'AT+CNMA' && ++acknowledgements === 1) {
        emulator.fault({ kind: 'smsc-retry' });
        emulator.deliver('10086', REPLY, { partGapMs: 0 });
      }
    });
    const r = await ptyRig(emulator, cleanup);
    const { incoming, outgoing } = r;
    const session = await r.open();

    const id = await session.send('13912345678', LONG_TO_FRIEND, LONG_TO_FRIEND);
    await until(() => outgoing.some((o) => o.id === id && o.state === 'sent'), 'the long message sent');
    // The modem no longer expected the acknowledgement: it has switched its announcements off.
    await until(() => r.rx.includes('+CMS ERROR: 340'), 'the late +CNMA refused with 340');

    // The session switches them on again and reads the reply the modem stored meanwhile.
    const reply = await until(() => assembleRecords(incoming.filter((x) => x.from === '10086')).find((m) => m.complete), 'the reply journaled');
    expect(reply.text).toBe(REPLY);
    // And the next message is announced again.
    emulator.deliver('13912345678', '收到，谢谢。');
    await until(() => incoming.some((x) => x.text === '收到，谢谢。'), 'the next message journaled');

    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    // The reply's parts were read from storage (and deleted there) unannounced; the next message was announced (+CMTI).
    expect(emulator.deletions.filter((d) => d.message.kind === 'deliver')).toHaveLength(REPLY_PARTS + 1);
    expect(r.rx.filter((l) => l.startsWith('+CMTI:'))).toHaveLength(1);
    const keys = incoming.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(REPLY.length).toBeGreaterThan(70);
    expect(incoming.filter((x) => x.from === '10086')).toHaveLength(REPLY_PARTS);
    expect(incoming.filter((x) => x.text === '收到，谢谢。')).toHaveLength(1);
    expect(r.journal.pendingIncoming()).toHaveLength(REPLY_PARTS + 1);
    // With announcements on, the second part's report comes: the first one the session read from the late +CDS.
    emulator.fault({ kind: 'release', what: 'status-reports' });
    await until(() => outgoing.some((o) => o.id === id && o.state === 'delivered'), 'the long message reported delivered');
    // The long message went out once: two parts submitted, never again.
    expect(emulator.sent).toHaveLength(2);
  });

  it('leaves a phase 2 modem (AT+CSMS=1 refused) to acknowledge its own +CDS: no +CNMA, no re-set, no re-read per report', async () => {
    // In phase 2 the modem acknowledges a +CMT/+CDS to the network as it hands it over, and answers any
    // AT+CNMA with +CMS ERROR: 340. Before, each such refusal set CNMI again and read every memory.
    const emulator = new ModemEmulator({ ...FAST, profile: phase2, statusReportMs: 50, cnmaTimeoutMs: 150 });
    emulator.fault({ kind: 'refuse-cnmi', ds: 2 });
    const r = await ptyRig(emulator, cleanup);
    const { incoming, outgoing } = r;
    const session = await r.open();
    expect(r.rx).toContain('+CMS ERROR: 303');
    const upTo = r.tx.length;

    const ids = [await session.send('13912345678', '明天见', '明天见'), await session.send('13912345678', '好的', '好的')];
    await until(() => ids.every((id) => outgoing.some((o) => o.id === id && o.state === 'delivered')), 'both reports applied');
    expect(r.rx.filter((l) => l.startsWith('+CDS:'))).toHaveLength(2);
    // Only the two sends went to the modem: no AT+CNMA, no AT+CNMI again, no AT+CPMS/AT+CMGL of the memories.
    expect(r.tx.slice(upTo).filter((l) => l.startsWith('AT') && !l.startsWith('AT+CMGS='))).toEqual([]);
    expect(r.rx).not.toContain('+CMS ERROR: 340');

    // Announcements stayed on: 10086's two-part reply is announced, journaled and cleared from the SIM.
    emulator.deliver('10086', REPLY);
    const reply = await until(() => assembleRecords(incoming.filter((x) => x.from === '10086')).find((m) => m.complete), 'the reply journaled');
    expect(reply.text).toBe(REPLY);
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    expect(incoming).toHaveLength(REPLY_PARTS);
    expect(emulator.sent).toHaveLength(2);
  });

  it.each([
    ['a busy SIM (+CMS ERROR: 314)', { cms: 314 }],
    ['a bare ERROR from a modem still starting', {}],
  ])('keeps acknowledging a modem still in service 1 when AT+CSMS=1 gets %s on the next bring-up', async (_, failure) => {
    // The app restarts; the modem kept the service 1 it took, so it still waits for each +CNMA. Before,
    // any failed AT+CSMS=1 read as phase 2: no +CNMA, the modem switched announcements off at its wait.
    const emulator = new ModemEmulator({ ...FAST, statusReportMs: 50, cnmaTimeoutMs: UNTIL_TOLD });
    emulator.fault({ kind: 'refuse-cnmi', ds: 2 });
    const r = await ptyRig(emulator, cleanup);
    await (await r.open()).close();
    emulator.fault({ kind: 'command-error', command: '+CSMS', ...failure });
    const session = await r.open();
    const upTo = r.tx.length;

    const ids = [await session.send('13912345678', '明天见', '明天见'), await session.send('13912345678', '好的', '好的')];
    await until(() => ids.every((id) => r.outgoing.some((o) => o.id === id && o.state === 'delivered')), 'both reports applied');
    await until(() => r.tx.slice(upTo).filter((l) => l === 'AT+CNMA').length === 2, 'both reports acknowledged');
    await until(() => !emulator.awaitingAcknowledgement, 'the modem holding no delivery unacknowledged');
    const beforeNext = r.tx.length;
    // The next message comes after both acknowledgements' answers (the modem takes none while it waits for
    // one): once it is journaled, those answers have been read.
    emulator.deliver('13912345678', '收到，谢谢。');
    await until(() => r.incoming.some((x) => x.text === '收到，谢谢。'), 'the next message journaled');
    // Acknowledged: nothing refused, announcements never switched off, nothing re-set or re-read.
    expect(r.rx).not.toContain('+CMS ERROR: 340');
    expect(r.tx.slice(upTo, beforeNext).filter((l) => l.startsWith('AT') && !l.startsWith('AT+CMGS=') && l !== 'AT+CNMA')).toEqual([]);
  });

  it('stops acknowledging after the first refused +CNMA when the modem said no service at all', async () => {
    // Phase 2 only, and AT+CSMS? fails too: unsure, the session acknowledges; the modem's 340 settles it.
    const emulator = new ModemEmulator({ ...FAST, profile: phase2, statusReportMs: 50, cnmaTimeoutMs: 150 });
    emulator.fault({ kind: 'refuse-cnmi', ds: 2 });
    emulator.fault({ kind: 'command-error', command: '+CSMS', times: 2 });
    const r = await ptyRig(emulator, cleanup);
    const session = await r.open();
    const upTo = r.tx.length;

    for (const text of ['明天见', '好的', '再见']) {
      const id = await session.send('13912345678', text, text);
      await until(() => r.outgoing.some((o) => o.id === id && o.state === 'delivered'), `the report for ${text} applied`);
    }
    expect(r.tx.slice(upTo).filter((l) => l === 'AT+CNMA')).toHaveLength(1);
    expect(r.rx.filter((l) => l === '+CMS ERROR: 340')).toHaveLength(1);
    emulator.deliver('10086', REPLY);
    await until(() => assembleRecords(r.incoming.filter((x) => x.from === '10086')).find((m) => m.complete), 'the reply journaled');
  });

  it('takes a direct delivery whose PDU line comes after a vendor line (Huawei ^RSSI between +CDS and its PDU)', async () => {
    // Huawei says ^RSSI at any time (ModemManager plugins/huawei); here it lands inside the first +CDS.
    // Its report read, the +CDS is acknowledged; lost, the modem would switch announcements off at its wait.
    const emulator = new ModemEmulator({ ...FAST, profile: 'huawei-e173', statusReportMs: 200, cnmaTimeoutMs: UNTIL_TOLD });
    emulator.fault({ kind: 'refuse-cnmi', ds: 2 });
    const r = await ptyRig(emulator, cleanup);
    const { incoming, outgoing } = r;
    const session = await r.open();

    const id = await session.send('10086', 'YE', 'YE');
    await until(() => outgoing.some((o) => o.id === id && o.state === 'delivered'), 'the report applied');
    const cds = r.rx.findIndex((l) => l.startsWith('+CDS:'));
    expect(r.rx[cds + 1]).toBe('^RSSI:17');
    // The modem waits for the +CNMA until it comes (lost, it would wait on, then switch announcements off).
    await until(() => !emulator.awaitingAcknowledgement, 'the report acknowledged');
    emulator.deliver('13912345678', '收到，谢谢。');
    await until(() => incoming.some((x) => x.text === '收到，谢谢。'), 'the next message journaled');
    expect(r.rx).not.toContain('+CMS ERROR: 340');
  });

  it('refuses a direct delivery whose PDU line came garbled, so the network sends it again, once', async () => {
    // Line noise on the way (a UART module): the +CDS header arrives, its PDU line does not.
    const emulator = new ModemEmulator({ ...FAST, statusReportMs: 50, cnmaTimeoutMs: UNTIL_TOLD, smscRetryMs: 100 });
    emulator.fault({ kind: 'refuse-cnmi', ds: 2 });
    const r = await ptyRig(emulator, cleanup);
    const { incoming, outgoing } = r;
    const session = await r.open();

    emulator.fault({ kind: 'garble-delivery' });
    const id = await session.send('10086', 'YE', 'YE');
    // Refused (RP-ERROR), the report comes again and is taken.
    await until(() => outgoing.some((o) => o.id === id && o.state === 'delivered'), 'the report applied');
    expect(r.tx).toContain('AT+CNMA=2');
    // The report taken the second time is acknowledged too: a message is still announced and read, once.
    await until(() => !emulator.awaitingAcknowledgement, 'the repeated report acknowledged');
    emulator.deliver('13912345678', '收到，谢谢。');
    await until(() => incoming.some((x) => x.text === '收到，谢谢。'), 'the next message journaled');
    expect(incoming.filter((x) => x.text === '收到，谢谢。')).toHaveLength(1);
    expect(emulator.sent).toHaveLength(1);
  });

  it('notices a modem that restarted without a word and sets it up again (SIM800 with autobauding: no RDY)', async () => {
    const emulator = new ModemEmulator({ ...FAST, profile: 'simcom-sim800' });
    const r = await ptyRig(emulator, cleanup, { healthEveryMs: 300 });
    await r.open();
    // A brown-out: settings back to factory (no announcements), and not a word said.
    emulator.fault({ kind: 'restart', banner: false });
    emulator.deliver('10086', REPLY);
    const reply = await until(() => assembleRecords(r.incoming).find((m) => m.complete), 'the reply journaled');
    expect(reply.text).toBe(REPLY);
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    expect(r.incoming).toHaveLength(REPLY_PARTS);
    expect(r.rx).not.toContain('RDY');
  });
});

