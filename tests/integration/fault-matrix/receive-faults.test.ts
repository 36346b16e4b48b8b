import { afterEach, describe, expect } from 'vitest';
import { VirtualScheduler } from '../../../src-main/emulator';
import { sessionKit, type Kit } from '../session-kit';
import {
  expectJournaledOnce,
  expectReadable,
  faultCase,
  INSTANT,
  journaledMessages,
  journaledStartingWith,
  statesOf,
  timesSent,
} from './fault-kit';

let kit: Kit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function readyKit(options = INSTANT): Promise<Kit> {
  kit = await sessionKit(options);
  await kit.session.open();
  return kit;
}

/** Three parts in UCS-2 (67 characters each). */
const LONG_REPLY = `尊敬的客户，${'您本月套餐内流量已使用一半，'.repeat(12)}【中国移动】`;

function expectSimAndNetworkEmpty(k: Kit): void {
  expect(k.binding.emulator.sim.messages).toEqual([]);
  expect(k.binding.emulator.waitingInNetwork).toBe(0);
}

describe('fault matrix: receiving', () => {
  faultCase('unplug-during-multipart-receive', async (row) => {
    const k = await readyKit();
    const emu = k.binding.emulator;
    // The line dies while the first part read is being deleted: the modem deletes it, but its OK is lost.
    emu.fault({ kind: 'unplug', onCommand: 'AT+CMGD' });
    emu.deliver('10086', LONG_REPLY);
    await k.waitFor(() => k.session.snapshot().state === 'reconnecting', 'reconnecting');
    expect(k.session.snapshot().error?.code).toBe(row.code);
    expectReadable(k.session.snapshot().error!, 'status error');
    expect(k.seen.incoming).toHaveLength(1);
    expect(emu.sim.messages).toHaveLength(2);
    emu.replug();
    await k.waitFor(() => k.session.snapshot().state === 'ready' && emu.sim.messages.length === 0, 'the rest read after the replug');
    for (const notice of k.seen.notice) expectReadable(notice, 'notice');
    await expectJournaledOnce(k.dir, [{ from: '10086', text: LONG_REPLY }]);
    expect((await journaledMessages(k.dir))[0]!.keys).toHaveLength(3);
    expect(k.seen.incoming).toHaveLength(3);
    expectSimAndNetworkEmpty(k);
  });

  faultCase('unplug-between-parts', async () => {
    // The network's clock is virtual: the later parts leave it only when the test moves time on.
    const network = new VirtualScheduler();
    const k = await readyKit({ ...INSTANT, scheduler: network, partOrder: 'in-order', partGapMs: 1000 });
    const emu = k.binding.emulator;
    emu.deliver('10086', LONG_REPLY);
    await k.waitFor(() => k.seen.incoming.length === 1 && emu.sim.messages.length === 0, 'the first part, read and deleted');
    emu.unplug();
    network.advance(10_000);
    expect(emu.waitingInNetwork).toBe(2);
    await k.waitFor(() => k.session.snapshot().state === 'reconnecting', 'reconnecting');
    emu.replug();
    await k.waitFor(() => {
      // Registration and the network's new attempt are on the virtual clock too.
      network.advance(0);
      return k.session.snapshot().state === 'ready' && k.replies().some((m) => m.complete);
    }, 'the rest, after the replug');
    for (const notice of k.seen.notice) expectReadable(notice, 'notice');
    await k.waitFor(() => emu.sim.messages.length === 0, 'the SIM emptied');
    await expectJournaledOnce(k.dir, [{ from: '10086', text: LONG_REPLY }]);
    expect(k.seen.incoming).toHaveLength(3);
    expectSimAndNetworkEmpty(k);
  });

  faultCase('sim-full-on-arrival', async () => {
    const k = await readyKit();
    const emu = k.binding.emulator;
    emu.fault({ kind: 'sim-full' });
    const promotions = emu.sim.messages.length;
    expect(promotions).toBe(50);
    emu.deliver('10086', '您的账户余额为23.50元。');
    await k.waitFor(() => k.replies().some((m) => m.text === '您的账户余额为23.50元。'), 'the reply that waited in the network');
    const notice = k.seen.notice.find((n) => /SIM/.test(n.en) && /full/.test(n.en));
    expect(notice).toMatchObject({ level: 'warning' });
    expectReadable(notice!, 'SIM-full notice');
    await k.waitFor(() => emu.sim.messages.length === 0 && emu.waitingInNetwork === 0, 'the SIM emptied');
    // Nothing lost on the way: every promotion that filled the SIM is journaled, once.
    const journaled = await journaledMessages(k.dir);
    expect(journaled.filter((m) => m.from === '10658000')).toHaveLength(promotions);
    await expectJournaledOnce(k.dir, [{ from: '10086', text: '您的账户余额为23.50元。' }]);
    expectSimAndNetworkEmpty(k);
  });

  faultCase('cmgd-failing', async () => {
    const k = await readyKit();
    const emu = k.binding.emulator;
    emu.fault({ kind: 'command-error', command: 'AT+CMGD', cms: 321 });
    emu.deliver('10086', '您已成功开通来电显示。');
    await k.waitFor(() => k.seen.notice.some((n) => n.level === 'warning'), 'the warning');
    const warning = k.seen.notice.find((n) => n.level === 'warning')!;
    expect(warning.en).toMatch(/saved but could not be deleted/);
    expectReadable(warning, 'warning');
    expect(emu.sim.messages).toHaveLength(1);
    await k.session.drain();
    await expectJournaledOnce(k.dir, [{ from: '10086', text: '您已成功开通来电显示。' }]);
    expect(k.seen.incoming).toHaveLength(1);
    expectSimAndNetworkEmpty(k);
  });

  faultCase('part-never-arrives', async () => {
    const k = await readyKit();
    k.binding.emulator.fault({ kind: 'drop-part', part: 2 });
    k.binding.emulator.deliver('10086', LONG_REPLY);
    await k.waitFor(() => k.seen.incoming.length === 2, 'the two parts that came');
    const [message, ...others] = await journaledStartingWith(k.dir, '10086', '尊敬的客户');
    expect(others).toEqual([]);
    expect(message).toMatchObject({ complete: false, missing: [2], total: 3 });
    expect(k.replies()).toMatchObject([{ complete: false, missing: [2] }]);
    expectSimAndNetworkEmpty(k);
  });

  faultCase('duplicate-part', async () => {
    const k = await readyKit();
    k.binding.emulator.fault({ kind: 'duplicate-part', part: 1 });
    k.binding.emulator.deliver('10086', LONG_REPLY);
    await k.waitFor(() => k.binding.emulator.sim.messages.length === 0 && k.replies().some((m) => m.complete), 'the whole reply');
    await expectJournaledOnce(k.dir, [{ from: '10086', text: LONG_REPLY }]);
    expect(k.seen.incoming).toHaveLength(3);
    expect(k.journal.pendingIncoming()).toHaveLength(3);
    expectSimAndNetworkEmpty(k);
  });

  faultCase('unknown-status-report', async (row) => {
    const k = await readyKit();
    k.binding.emulator.fault({ kind: 'stray-status-report', messageRef: 201 });
    await k.waitFor(() => k.seen.notice.some((n) => /reference 201/.test(n.en)), 'the note');
    const note = k.seen.notice.find((n) => /reference 201/.test(n.en))!;
    expect(note.level).toBe('info');
    expect(note.zh).toContain('201');
    expectReadable(note, 'note');
    expect(k.seen.outgoing).toEqual([]);
    const id = await k.session.send('10086', 'JF', 'JF');
    await k.waitFor(() => statesOf(k, id).includes('delivered'), 'a send afterwards');
    expect(statesOf(k, id)).toEqual(row.states);
    expect(timesSent(k.binding.emulator, 'JF')).toBe(1);
    expectSimAndNetworkEmpty(k);
  });

  faultCase('foreign-sender', async (row) => {
    const k = await readyKit();
    const emu = k.binding.emulator;
    const id = await k.session.send('10086', 'YE', 'YE');
    emu.fault({ kind: 'foreign-sms', from: '13912345678', text: '明天下午三点开会。' });
    await k.waitFor(() => statesOf(k, id).includes('delivered') && k.replies().some((m) => m.complete), 'the reply');
    await k.waitFor(() => k.replies('13912345678').length === 1, 'the other message');
    expect(statesOf(k, id)).toEqual(row.states);
    expect(k.replies().map((m) => m.text)).not.toContain('明天下午三点开会。');
    const journaled = await journaledMessages(k.dir);
    expect(journaled.filter((m) => m.from === '10086').map((m) => m.text)).toEqual([k.replies()[0]!.text]);
    await expectJournaledOnce(k.dir, [{ from: '13912345678', text: '明天下午三点开会。' }]);
    expect(timesSent(emu, 'YE')).toBe(1);
    expectSimAndNetworkEmpty(k);
  });
});
