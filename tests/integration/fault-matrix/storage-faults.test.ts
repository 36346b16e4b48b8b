import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { encodeLine, Journal, nodeJournalFs, type IncomingMessage, type JournalFs } from '../../../src-main/services/journal';
import { writeError } from '../../../src-main/services/journal/errors';
import { makeI18n } from '../../../src-renderer/i18n';
import { sessionKit, type Kit } from '../session-kit';
import { expectJournaledOnce, expectReadable, expectUserError, faultCase, INSTANT, statesOf, timesSent } from './fault-kit';

let kit: Kit | null = null;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await kit?.close();
  kit = null;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-faults-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function startCore(dir: string): Promise<HallCore> {
  const core = await HallCore.create({ dataDir: dir, demo: true, emulatorOptions: INSTANT });
  cleanups.push(() => core.close());
  return core;
}

const SIM_ID = '89860012345678901234';

function reply(text: string, second: number): IncomingMessage {
  return { simId: SIM_ID, from: '10086', text, encoding: 'ucs2', timestamp: `2026-11-25T09:00:0${second}+08:00`, receivedAt: 1_780_000_000_000 + second, concat: null };
}

/** A journal as a crashed run left it: three replies, and an instruction that was going out. */
async function crashedJournal(dir: string): Promise<{ texts: string[]; sendingId: string }> {
  const texts = ['您的账户余额为12.30元。', '您本月已用流量1.2GB。', '您的积分为3200分。'];
  const journal = await Journal.open(dir);
  for (const [i, text] of texts.entries()) await journal.appendIncoming(reply(text, i));
  const sendingId = '6f1c0e36-2f4e-4b7e-9a51-0d6c2b6b1a01';
  await journal.recordOutgoing({ id: sendingId, simId: SIM_ID, to: '10086', text: 'KTGPRS', state: 'sending', messageRefs: [], error: null });
  await journal.close();
  // What the killed writer leaves besides its log: its lock, naming a process that is gone.
  await writeFile(join(dir, 'journal.lock'), 'gone\n');
  return { texts, sendingId };
}

const ENOSPC = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** A disk that is full for the writes `full` picks: ENOSPC cannot be caused for real here, the journal's file seam stands in. */
function diskFullFor(full: (line: string) => boolean): Partial<JournalFs> {
  return {
    write: async (file, bytes) => {
      if (full(new TextDecoder().decode(bytes))) throw ENOSPC;
      await nodeJournalFs.write(file, bytes);
    },
  };
}

/** What the session shows for a failed journal write: the journal's own disk-full text and advice. */
function diskFullNotice(dir: string): { zh: string; en: string } {
  const err = writeError(ENOSPC, dir);
  expect(err.code).toBe('journal.disk-full');
  return { zh: err.describe('zh-Hans'), en: err.describe('en') };
}

describe('fault matrix: the journal and the disk', () => {
  faultCase('journal-truncated', async (row) => {
    const dir = await dataDir();
    const { texts, sendingId } = await crashedJournal(dir);
    const torn = encodeLine({ kind: 'in', key: 'k', ...reply('写到一半', 9) }).subarray(0, 40);
    await appendFile(join(dir, 'journal.log'), torn);
    const core = await startCore(dir);
    const notice = core.recoveryNotice!;
    expectReadable(notice, 'recovery notice');
    expect(notice.en).toContain(`cut off ${torn.length} bytes`);
    expect(notice.en).toMatch(/1 instruction\(s\) were interrupted/);
    expect(core.journal.pendingIncoming().map((r) => r.text)).toEqual(texts);
    expect(core.journal.outgoing(sendingId)).toMatchObject({ state: row.states![0], error: row.code });
    expect(makeI18n('en').t('state.failed-retryable')).toBe('Not sure it was sent');
    // Coming up with the modem attached does not send it behind the user's back.
    expect(core.session('demo').snapshot().state).toBe('ready');
    expect(timesSent(core.demo!.emulator, 'KTGPRS')).toBe(0);
    // The cut is durable: the next start finds nothing to repair.
    await core.close();
    const again = await startCore(dir);
    expect(again.recoveryNotice).toBeNull();
    expect(again.journal.pendingIncoming().map((r) => r.text)).toEqual(texts);
  });

  faultCase('journal-corrupted', async () => {
    const dir = await dataDir();
    const { texts } = await crashedJournal(dir);
    const log = join(dir, 'journal.log');
    const lines = (await readFile(log, 'utf8')).split('\n');
    // The second received part's line (the log's first line is its stamp, mend41).
    const second = lines.map((line, i) => [line, i] as const).filter(([line]) => line.includes('"kind":"in"'))[1]![1];
    lines[second] = lines[second]!.replace('流量', '流星');
    await writeFile(log, lines.join('\n'));
    const core = await startCore(dir);
    const notice = core.recoveryNotice!;
    expectReadable(notice, 'recovery notice');
    expect(notice.en).toMatch(/skipped 1 damaged record\(s\).*the original file was kept as journal\.log\.corrupt-/);
    const copies = (await readdir(dir)).filter((name) => name.startsWith('journal.log.corrupt-'));
    expect(copies).toHaveLength(1);
    expect(notice.zh).toContain(copies[0]);
    expect(await readFile(join(dir, copies[0]!), 'utf8')).toBe(lines.join('\n'));
    expect(core.journal.pendingIncoming().map((r) => r.text)).toEqual([texts[0], texts[2]]);
  });

  faultCase('disk-full-receive', async (row) => {
    let full = true;
    kit = await sessionKit(INSTANT, {}, { fs: diskFullFor((line) => full && line.includes('"kind":"in"')) });
    const k = kit;
    const emu = k.binding.emulator;
    await k.session.open();
    emu.deliver('10086', '您的账户余额为8.00元。');
    await k.waitFor(() => k.seen.notice.some((n) => n.level === 'error'), 'the disk-full notice');
    const notice = k.seen.notice.find((n) => n.level === 'error')!;
    expect(notice).toMatchObject(diskFullNotice(k.dir));
    expect(notice.en).toMatch(/stay on the SIM card and are not lost/);
    expectReadable(notice, row.code!);
    expect(emu.sim.messages).toHaveLength(1);
    expect(k.seen.incoming).toEqual([]);
    full = false;
    await k.session.drain();
    expect(emu.sim.messages).toEqual([]);
    await expectJournaledOnce(k.dir, [{ from: '10086', text: '您的账户余额为8.00元。' }]);
    expect(k.seen.incoming).toHaveLength(1);
  });

  faultCase('disk-full-send', async (row) => {
    let full: 'queued' | 'sending' | null = 'queued';
    kit = await sessionKit(INSTANT, {}, { fs: diskFullFor((line) => full !== null && line.includes(`"state":"${full}"`)) });
    const k = kit;
    const emu = k.binding.emulator;
    await k.session.open();
    // Full before the instruction is even queued: refused outright, nothing goes out.
    const refused = await k.session.send('10086', 'YE', 'YE').catch((e: unknown) => e);
    expectUserError(refused, row.code!);
    expect(k.journal.unfinishedOutgoing()).toEqual([]);
    // Full between queued and sending: the user is told, and it is neither sent nor forgotten.
    full = 'sending';
    const id = await k.session.send('10086', 'CXLL', 'CXLL');
    await k.waitFor(() => k.seen.notice.some((n) => n.level === 'error'), 'the disk-full notice');
    expect(k.seen.notice.find((n) => n.level === 'error')).toMatchObject(diskFullNotice(k.dir));
    expect(statesOf(k, id)).toEqual(['queued']);
    expect(timesSent(emu, 'CXLL')).toBe(0);
    // Space is back: it goes out with the next instruction, each exactly once.
    full = null;
    const next = await k.session.send('10086', 'JF', 'JF');
    await k.waitFor(() => statesOf(k, next).includes('delivered') && statesOf(k, id).includes('delivered'), 'both delivered');
    expect(statesOf(k, id)).toEqual(['queued', 'sending', 'sent', 'delivered']);
    expect([timesSent(emu, 'YE'), timesSent(emu, 'CXLL'), timesSent(emu, 'JF')]).toEqual([0, 1, 1]);
  });

  faultCase('two-instances', async (row) => {
    const dir = await dataDir();
    const started = await Promise.allSettled([startCore(dir), startCore(dir)]);
    const winners = started.filter((s) => s.status === 'fulfilled');
    const losers = started.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect([winners.length, losers.length]).toEqual([1, 1]);
    const refusal = losers[0]!.reason as { action: { zh: string; en: string } };
    expectUserError(refusal, row.code!);
    expectReadable(refusal.action, 'what to do');
    expect(refusal.action.en).toContain(join(dir, 'journal.lock'));
    // Once the first closes, the next start gets the folder.
    await winners[0]!.value.close();
    await expect(startCore(dir)).resolves.toBeInstanceOf(HallCore);
  });
});
