import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorBinding, DEMO_PATH } from '../../src-main/emulator/binding';
import { Journal, nodeJournalFs } from '../../src-main/services/journal';
import { ModemSession } from '../../src-main/services/modem/session';
import { FAST, sessionKit, type Kit } from './session-kit';
import { REPORT_UNTIED_NOTE } from '../../src-shared/send-failure';

let kit: Kit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const states = (k: Kit, id: string) => k.seen.outgoing.filter((o) => o.id === id).map((o) => o.state);

describe('modem session over the emulated modem (in-process serialport binding)', () => {
  it('probes the modem: identity, SIM, network, signal, SMS centre, storage', async () => {
    kit = await sessionKit();
    await kit.session.open();
    expect(kit.session.snapshot()).toMatchObject({
      state: 'ready',
      sim: 'ready',
      simId: '89860012345678901234',
      identity: { imei: '867530010086005', imsi: '460001234567890', iccid: '89860012345678901234' },
      registration: 'home',
      operator: 'CHINA MOBILE',
      smsc: '+8613800100500',
      storage: { used: 0, total: 50 },
      traps: [],
    });
    const signal = kit.session.snapshot().signal!;
    expect(signal.dbm).toBe(-113 + 2 * signal.csq);
  });

  it('waits for a SIM that is still starting (+CME ERROR: 14) instead of calling it missing', async () => {
    kit = await sessionKit();
    kit.binding.emulator.fault({ kind: 'command-error', command: 'AT+CPIN', cme: 14, times: 2 });
    await kit.session.open();
    expect(kit.session.snapshot()).toMatchObject({ state: 'ready', sim: 'ready', traps: [] });
  });

  it('sends an instruction, follows its states, and journals the whole reply, parts in any order', async () => {
    kit = await sessionKit();
    await kit.session.open();
    const id = await kit.session.send('10086', 'CXYEG', 'CXYEG');
    const reply = await kit.waitFor(() => kit!.replies().find((m) => m.complete), 'the data-usage reply');
    await kit.waitFor(() => states(kit!, id).includes('delivered'), 'the status report');
    expect(states(kit, id)).toEqual(['queued', 'sending', 'sent', 'delivered']);
    expect(reply.total).toBeGreaterThan(1);
    expect(reply.text).toMatch(/^尊敬的客户.*流量.*【中国移动】$/s);
    const sentToNetwork = kit.binding.emulator.sent.at(-1)!;
    expect(sentToNetwork.part).toMatchObject({ number: '10086', text: 'CXYEG', statusReportRequest: true });
    // Parts left the SIM only after the journal had them.
    expect(kit.binding.emulator.sim.messages).toHaveLength(0);
    expect(kit.journal.pendingIncoming().map((r) => r.key).sort()).toEqual(reply.keys.sort());
  });

  it('marks a long instruction delivered once, when the report for its last part has come', async () => {
    kit = await sessionKit();
    const emu = kit.binding.emulator;
    // The network hands each report over when the test says, and the test waits until the session has
    // read it (and deleted it from the modem): no sleep deciding what "after" means.
    emu.fault({ kind: 'hold', what: 'status-reports' });
    await kit.session.open();
    const long = '请帮我查询一下本月的套餐余量，包括通话分钟数、短信条数和国内通用流量，谢谢。'.repeat(2);
    const id = await kit.session.send('10086', long, long);
    await kit.waitFor(() => states(kit!, id).includes('sent'), 'the long instruction sent');
    const parts = emu.sent.filter((s) => s.part.text && long.includes(s.part.text)).length;
    expect(parts).toBeGreaterThan(1);
    const reportsRead = () => emu.deletions.filter((d) => d.message.kind === 'status-report').length;
    for (let n = 1; n < parts; n++) {
      emu.fault({ kind: 'release', what: 'status-reports', count: 1 });
      await kit.waitFor(() => reportsRead() === n, `report ${n} read`);
    }
    // Every part's report but the last one's: not delivered yet.
    expect(states(kit, id)).toEqual(['queued', 'sending', 'sent']);
    emu.fault({ kind: 'release', what: 'status-reports' });
    await kit.waitFor(() => reportsRead() === parts, 'the last report read');
    expect(states(kit, id)).toEqual(['queued', 'sending', 'sent', 'delivered']);
  });

  it('drains what was already on the SIM at start, multipart included', async () => {
    kit = await sessionKit();
    const emu = kit.binding.emulator;
    emu.deliver('10086', '您的账户余额为12.30元。');
    emu.deliver('10086', '长'.repeat(150), { order: 'shuffled' });
    emu.deliver('13800138000', 'hello from a friend');
    await kit.waitFor(() => emu.sim.messages.length === 5, 'five parts on the SIM');
    await kit.session.open();
    expect(emu.sim.messages).toHaveLength(0);
    const texts = kit.replies().map((m) => m.text).sort();
    expect(texts).toEqual(['您的账户余额为12.30元。', '长'.repeat(150)].sort());
    expect(kit.replies('13800138000').map((m) => m.text)).toEqual(['hello from a friend']);
  });

  it('keeps a message it could not delete on the SIM, and does not journal it twice when read again', async () => {
    kit = await sessionKit();
    const emu = kit.binding.emulator;
    emu.deliver('10086', '您已成功开通来电显示。');
    await kit.waitFor(() => emu.sim.messages.length === 1, 'a message on the SIM');
    emu.fault({ kind: 'command-error', command: 'AT+CMGD', cms: 321, times: 1 });
    await kit.session.open();
    expect(kit.seen.incoming).toHaveLength(1);
    expect(emu.sim.messages).toHaveLength(1);
    expect(kit.seen.notice.map((n) => n.en).join()).toMatch(/could not be deleted/);
    await kit.session.drain();
    expect(emu.sim.messages).toHaveLength(0);
    expect(kit.seen.incoming).toHaveLength(1);
    expect(kit.journal.pendingIncoming()).toHaveLength(1);
  });

  it('keeps two identical messages that arrive in the same second, one after the other', async () => {
    kit = await sessionKit();
    await kit.session.open();
    const emu = kit.binding.emulator;
    const timestamp = new Date(Date.UTC(2026, 10, 25, 1, 0, 0));
    emu.deliver('10086', '您的账户余额为35.20元。', { timestamp });
    await kit.waitFor(() => kit!.seen.incoming.length === 1 && emu.sim.messages.length === 0, 'the first, read and deleted');
    emu.deliver('10086', '您的账户余额为35.20元。', { timestamp });
    await kit.waitFor(() => kit!.seen.incoming.length === 2, 'the second');
    const [a, b] = kit.seen.incoming;
    expect(b!.key).toBe(`${a!.key}#2`);
    expect(kit.replies().map((m) => m.text)).toEqual(['您的账户余额为35.20元。', '您的账户余额为35.20元。']);
  });

  it('leaves a message on the SIM when the journal cannot write it (disk full), and takes it once the disk recovers', async () => {
    let full = true;
    const enospc = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    kit = await sessionKit(FAST, {}, {
      // ENOSPC cannot be caused for real here: the journal's file-system seam stands in for a full disk.
      fs: {
        write: async (file, bytes) => {
          if (full && new TextDecoder().decode(bytes).includes('"kind":"in"')) throw enospc;
          await nodeJournalFs.write(file, bytes);
        },
      },
    });
    const emu = kit.binding.emulator;
    emu.deliver('10086', '您的账户余额为8.00元。');
    await kit.waitFor(() => emu.sim.messages.length === 1, 'a message on the SIM');
    await kit.session.open();
    expect(emu.sim.messages).toHaveLength(1);
    expect(kit.seen.incoming).toHaveLength(0);
    expect(kit.seen.notice.some((n) => n.level === 'error' && /disk|space|磁盘/i.test(n.en + n.zh))).toBe(true);
    full = false;
    await kit.session.drain();
    expect(emu.sim.messages).toHaveLength(0);
    expect(kit.replies().map((m) => m.text)).toEqual(['您的账户余额为8.00元。']);
  });

  it('keeps an incomplete long message (a part never came) and ignores a duplicated part', async () => {
    kit = await sessionKit();
    await kit.session.open();
    const emu = kit.binding.emulator;
    emu.fault({ kind: 'drop-part', part: 2 });
    emu.deliver('10086', '甲'.repeat(140));
    emu.fault({ kind: 'duplicate-part', part: 1 });
    emu.deliver('10086', '乙'.repeat(140));
    await kit.waitFor(() => kit!.replies().filter((m) => m.text.startsWith('乙')).some((m) => m.complete), 'the second message whole');
    await kit.waitFor(() => kit!.replies().some((m) => m.text.startsWith('甲') && m.keys.length === 2), 'the two parts that did come');
    const first = kit.replies().find((m) => m.text.startsWith('甲'))!;
    expect(first).toMatchObject({ complete: false, missing: [2], total: 3 });
    const secondParts = kit.seen.incoming.filter((r) => r.text.startsWith('乙'));
    expect(secondParts).toHaveLength(3);
  });

  it('marks an instruction cut off by an unplug before the prompt as failed (nothing written), reconnects, and goes on', async () => {
    kit = await sessionKit();
    await kit.session.open();
    const emu = kit.binding.emulator;
    emu.fault({ kind: 'unplug', onCommand: 'AT+CMGS' });
    const id = await kit.session.send('10086', 'YE', 'YE');
    await kit.waitFor(() => states(kit!, id).includes('failed'), 'the cut-off send');
    await kit.waitFor(() => kit!.session.snapshot().state === 'reconnecting', 'reconnecting');
    emu.replug();
    await kit.waitFor(() => kit!.session.snapshot().state === 'ready', 'ready again');
    expect(kit.seen.notice.map((n) => n.en).join('\n')).toMatch(/disconnected[\s\S]*connected again/);
    const again = await kit.session.send('10086', 'YE', 'YE');
    await kit.waitFor(() => states(kit!, again).includes('sent'), 'the next send');
    expect(states(kit, id)).toEqual(['queued', 'sending', 'failed']);
  });

  it('reports a refused send with the modem error code (SMS centre unknown, +CMS 330) and the no-SMSC trap', async () => {
    kit = await sessionKit({ ...FAST, sim: { smsc: '' } });
    await kit.session.open();
    expect(kit.session.snapshot().traps.map((t) => t.code)).toEqual(['no-smsc']);
    kit.binding.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 330 });
    const id = await kit.session.send('10086', 'YE', 'YE');
    await kit.waitFor(() => states(kit!, id).includes('failed'), 'the failure');
    expect(kit.seen.outgoing.at(-1)).toMatchObject({ state: 'failed', error: 'cms.330' });
  });

  it('asks for the PIN, then comes up when it is given', async () => {
    kit = await sessionKit({ ...FAST, sim: { pin: '1234' } });
    await kit.session.open();
    expect(kit.session.snapshot()).toMatchObject({ sim: 'pin', state: 'probing' });
    expect(kit.session.snapshot().traps.map((t) => t.code)).toEqual(['pin']);
    await kit.session.enterPin('1234');
    await kit.waitFor(() => kit!.session.snapshot().state === 'ready', 'ready after the PIN');
    expect(kit.session.snapshot().sim).toBe('ready');
  });

  it('falls back when the modem refuses a new-message setting, and still receives', async () => {
    kit = await sessionKit();
    kit.binding.emulator.fault({ kind: 'refuse-cnmi', mode: 2, mt: 1, bm: 0, ds: 2, bfr: 0 });
    await kit.session.open();
    kit.binding.emulator.deliver('10086', '您好');
    await kit.waitFor(() => kit!.replies().some((m) => m.text === '您好'), 'the message');
  });

  it('notes a status report for a message it never sent, and carries on', async () => {
    kit = await sessionKit();
    await kit.session.open();
    kit.binding.emulator.fault({ kind: 'stray-status-report', messageRef: 201 });
    await kit.waitFor(() => kit!.seen.notice.some((n) => /reference 201/.test(n.en)), 'the note');
    const id = await kit.session.send('10086', 'JF', 'JF');
    await kit.waitFor(() => states(kit!, id).includes('sent'), 'a send afterwards');
  });

  it('takes a status report only for the number its message went to: a report under the same reference for 10086 leaves a text to a person as sent', async () => {
    // review38: a reference is one octet and a report names its recipient (TS 23.040 9.2.2.3, TP-RA). A report for a
    // message to 10086 (one long gone, or never sent by us) that comes under the reference of a text to a person must
    // not say that text was delivered, or failed (a Retry would send it twice).
    kit = await sessionKit();
    await kit.session.open();
    const emu = kit.binding.emulator;
    emu.fault({ kind: 'hold', what: 'status-reports' });
    const id = await kit.session.send('13800138000', '明天见', '明天见');
    await kit.waitFor(() => states(kit!, id).includes('sent'), 'the text sent');
    const [ref] = kit.seen.outgoing.find((o) => o.id === id && o.state === 'sent')!.messageRefs;
    emu.fault({ kind: 'stray-status-report', messageRef: ref! });
    // Either it is noted as nobody's or it is taken for the text's: whichever, it has been handled.
    await kit.waitFor(() => kit!.seen.notice.some((n) => n.en.includes(`reference ${ref}`)) || states(kit!, id).length > 3, 'the report handled');
    expect(states(kit, id)).toEqual(['queued', 'sending', 'sent']);
    // Its own report, naming 13800138000, still counts.
    emu.fault({ kind: 'release', what: 'status-reports' });
    await kit.waitFor(() => states(kit!, id).includes('delivered'), 'its own report');
  });

  it('a send keeps its status report when the next send under its reference, 256 sends on, went to another number', async () => {
    // A reference is one octet: the 257th send takes the first one's again. The sends waiting under it were one entry,
    // the latest: the first send's report, naming its own number, found the other send there and was ignored, so a
    // text delivered stayed "sent" for good.
    kit = await sessionKit();
    await kit.session.open();
    const emu = kit.binding.emulator;
    emu.fault({ kind: 'hold', what: 'status-reports' });
    const first = await kit.session.send('13800138000', '明天见', '明天见');
    await kit.waitFor(() => states(kit!, first).includes('sent'), 'the text sent');
    const [ref] = kit.seen.outgoing.find((o) => o.id === first && o.state === 'sent')!.messageRefs;
    const others: string[] = [];
    for (let i = 0; i < 256; i++) others.push(await kit.session.send('13900139000', `第${i}条`, `第${i}条`));
    const last = others.at(-1)!;
    await kit.waitFor(() => states(kit!, last).includes('sent'), 'the 256 others sent', 120_000);
    expect(kit.seen.outgoing.find((o) => o.id === last && o.state === 'sent')!.messageRefs).toEqual([ref]);
    // The reports come in the order of the sends: the last one's handled, the first one's was before it.
    emu.fault({ kind: 'release', what: 'status-reports' });
    await kit.waitFor(() => states(kit!, last).includes('delivered'), 'the last send delivered', 60_000);
    expect(states(kit, first)).toEqual(['queued', 'sending', 'sent', 'delivered']);
  }, 180_000);

  it('never gives a send another send\'s status report when both went to 10086 under one reference', async () => {
    // Nearly every send goes to 10086, so the two sends under a reused reference are to one number. A's report went to
    // B (the latest waiting), then B's to A: a failed B marked a delivered A failed and offered its Retry (review39).
    kit = await sessionKit();
    await kit.session.open();
    const emu = kit.binding.emulator;
    emu.fault({ kind: 'hold', what: 'status-reports' });
    emu.fault({ kind: 'hold', what: '10086-replies' });
    const first = await kit.session.send('10086', 'YE', 'YE');
    const others: string[] = [];
    // The last is a Retry (review42): what it retries must stay on its record, or a second Retry is no longer refused.
    for (let i = 0; i < 256; i++) others.push(await kit.session.send('10086', 'YE', 'YE', undefined, i === 255 ? 'out-failed-before' : undefined));
    const last = others.at(-1)!;
    await kit.waitFor(() => states(kit!, last).includes('sent'), 'the 256 others sent', 120_000);
    const refOf = (id: string) => kit!.seen.outgoing.find((o) => o.id === id && o.state === 'sent')!.messageRefs;
    expect(refOf(last)).toEqual(refOf(first));
    // The reports come in the order of the sends: the first's says delivered, and the last's (held back) failed.
    emu.fault({ kind: 'release', what: 'status-reports', count: 256 });
    await kit.waitFor(() => states(kit!, others.at(-2)!).includes('delivered'), 'the reports before the last', 60_000);
    emu.fault({ kind: 'release', what: 'status-reports', count: 1, status: 0x41 });
    // Reports are taken in turn: one more send's report, handled, proves the last one's was.
    const after = await kit.session.send('10086', 'YE', 'YE');
    await kit.waitFor(() => states(kit!, after).includes('sent'), 'one more send');
    emu.fault({ kind: 'release', what: 'status-reports' });
    await kit.waitFor(() => states(kit!, after).includes('delivered'), 'its report');
    expect(states(kit, first)).not.toContain('failed');
    expect(states(kit, last)).not.toContain('delivered');
    // Neither is left saying only "sent": each says in its thread that a report came it could not be tied to (mend46).
    for (const id of [first, last]) expect(kit.seen.outgoing.filter((o) => o.id === id).at(-1)).toMatchObject({ state: 'sent', error: REPORT_UNTIED_NOTE });
    expect(kit.seen.outgoing.filter((o) => o.id === last).at(-1)!.retryOf).toBe('out-failed-before');
  }, 240_000);

  it('runs several modems at once, each its own session, into one journal', async () => {
    kit = await sessionKit();
    const other = createEmulatorBinding({
      path: 'emulator://second',
      emulatorOptions: { ...FAST, seed: 7, sim: { iccid: '89860000000000000002', imsi: '460000000000002' } },
    });
    const second = new ModemSession({ modemId: 'second', path: 'emulator://second', demo: true, journal: kit.journal as Journal, binding: other });
    const secondIn: string[] = [];
    second.on('incoming', (r) => secondIn.push(r.simId));
    await Promise.all([kit.session.open(), second.open()]);
    await Promise.all([kit.session.send('10086', 'YE', 'YE'), second.send('10086', 'YE', 'YE')]);
    await kit.waitFor(() => kit!.replies().some((m) => m.complete) && secondIn.length > 0, 'both replies');
    expect(new Set(kit.journal.pendingIncoming().map((r) => r.simId))).toEqual(new Set(['89860012345678901234', '89860000000000000002']));
    await second.close();
    other.emulator.dispose();
  });

  it('fails clearly when the modem never answers', async () => {
    kit = await sessionKit();
    kit.binding.emulator.fault({ kind: 'silence' });
    await expect(kit.session.open()).rejects.toMatchObject({ code: 'modem.silent' });
    expect(kit.session.snapshot()).toMatchObject({ state: 'failed', error: { code: 'modem.silent' } });
  });
});

describe('DEMO_PATH', () => {
  it('is what the in-process demo modem is opened as', () => {
    expect(DEMO_PATH).toBe('emulator://demo');
  });
});
