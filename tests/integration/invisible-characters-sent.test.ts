import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { exportCustomFile } from '../../src-shared/catalog/custom/file';
import { hall, STACK_TRACE } from './cli-helpers';

/**
 * Characters nobody sees went out as typed: a variation selector after YE (`YE️`, as a phone's emoji
 * keyboard or a chat leaves it), emoji tags, U+2063, a BOM; and a blank-looking letter (U+2800 BRAILLE
 * PATTERN BLANK, U+3164 HANGUL FILLER) that reads as a space. An instruction to 10086 is letters, digits,
 * '#' and Chinese: 10086 answers such a text 指令有误, and the user never saw why. Now every sender takes
 * its text from outgoingText (src-shared): the modem gets the text without them, the user is told which
 * were taken out first, and a blank between two characters is refused. A modem emulator on a real
 * pseudo-terminal (socat) and serialport's own binding: what reaches the modem is asserted.
 * Texts written for this test.
 */
let modem: PtyEmulator;
beforeAll(async () => void (modem = await startPtyEmulator()), 30_000);
afterAll(() => modem?.close());

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function freshDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-invisible-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/** What reached the modem after `before` messages: the decoded text, and the PDU as typed on the line. */
const sentSince = (before: number) => modem.emulator.sent.slice(before).map((s) => ({ to: s.part.number, text: s.part.text, pdu: s.pdu }));

async function coreOnPty(): Promise<{ core: HallCore; modemId: string; simId: string }> {
  const core = await HallCore.create({ dataDir: await freshDataDir(), demo: false });
  cleanup.push(() => core.close());
  const { modemId } = await core.call('modem.connect', { path: modem.path });
  // The SIM is known once the session has read it.
  let simId: string | null | undefined;
  await expect.poll(async () => (simId = (await core.call('modem.list', {})).find((m) => m.modemId === modemId)?.simId), { timeout: 15_000 }).toBeTruthy();
  return { core, modemId, simId: simId! };
}

describe('hall10086 send (the real CLI, a modem on a real pty)', () => {
  it('takes a variation selector and a zero-width character out of an instruction, says so, and sends only once told yes', async () => {
    const dir = await freshDataDir();
    const typed = 'YE\uFE0F\u2063';
    const before = modem.emulator.sent.length;
    const asked = await hall(['send', typed, '--port', modem.path, '--data-dir', dir]);
    expect(asked.code).not.toBe(0);
    expect(asked.stdout + asked.stderr).toContain('U+FE0F');
    expect(asked.stdout + asked.stderr).toContain('U+2063');
    expect(asked.stdout + asked.stderr).not.toMatch(STACK_TRACE);
    expect(sentSince(before)).toEqual([]);

    const sent = await hall(['send', typed, '--port', modem.path, '--data-dir', dir, '--yes']);
    expect(sent.code).toBe(0);
    expect(sentSince(before).map(({ to, text }) => [to, text])).toEqual([['10086', 'YE']]);
    // Seven-bit GSM on the line: no UCS-2 code unit of U+FE0F or U+2063 reached the modem.
    expect(sentSince(before)[0]!.pdu.toUpperCase()).not.toMatch(/FE0F|2063/);
  }, 60_000);

  it('refuses a blank-looking letter between two letters, in Chinese and English, and sends nothing', async () => {
    const dir = await freshDataDir();
    const before = modem.emulator.sent.length;
    for (const lang of ['en_US.UTF-8', 'zh_CN.UTF-8']) {
      const run = await hall(['send', 'KT\u2800GPRS', '--port', modem.path, '--data-dir', dir, '--yes'], { LANG: lang });
      expect(run.code).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(lang.startsWith('zh') ? /U\+2800.*看起来像空格/ : /U\+2800.*looks like a space/);
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    }
    expect(sentSince(before)).toEqual([]);
  }, 60_000);
});

describe('the core (a modem on a real pty)', () => {
  /** Sends `text` through the real core; its refusal (null if it went), and whether anything left the modem. */
  async function refusal(text: string) {
    const { core, modemId } = await coreOnPty();
    const before = modem.emulator.sent.length;
    const refused = await core.call('send', { modemId, text }).then(
      () => null,
      (e: unknown) => e as { code: string; zh: string; en: string },
    );
    return { refused, sent: sentSince(before) };
  }

  it('refuses a blank-looking letter inside a password without naming the digits beside it (review27)', async () => {
    // What the composer, the API and the extension pass on: before, "between “3” and “4”", two of the password's digits
    // in the toast at a hall desk (the composer's line itself covers them), and in the extension's list of sends.
    const { refused, sent } = await refusal('MMXG#123\u2800456#654321');
    expect(refused?.code).toBe('send.blank-inside');
    expect(refused!.en).toContain('U+2800');
    expect(refused!.en).toContain('Character 9');
    expect([refused!.zh, refused!.en].join(' ')).not.toMatch(/[“"][34][”"]/);
    expect(sent).toEqual([]);
  }, 60_000);

  // An 18-character ID number ends in a digit or X: named, the X told the toast, the API and the extension what the ID's
  // last character is. review28: before it (…123⠀X). review29: after it, a word beyond the blank (…123X⠀谢谢), which
  // review28's check (an X with a digit across the blank) still named "between “X” and “谢”".
  it.each([
    ['before an ID number\'s check letter (review28)', 'MMHF#11010119900307123\u2800X', 'Character 23'],
    ['after an ID number\'s check letter (review29)', 'MMHF#11010119900307123X\u2800谢谢', 'Character 24'],
  ])('refuses a blank-looking letter %s without naming it', async (_, text, position) => {
    const { refused, sent } = await refusal(text);
    expect(refused?.code).toBe('send.blank-inside');
    expect(refused!.en).toContain(position);
    expect([refused!.zh, refused!.en].join(' ')).not.toMatch(/[“"][XxＸｘ3][”"]/);
    expect(sent).toEqual([]);
  }, 60_000);

  // review46 S1: a risky instruction typed with Chinese punctuation at its end (an IME's 。) or a space in its code went
  // as free text without its question; 10086 may read it as the instruction. A harmless one so typed still goes unasked.
  it.each(['tj。', 'TJ#', 'T J', 'QXGPRS。'])('asks before sending %s, the risky instruction with punctuation or a space, and sends nothing unasked', async (text) => {
    const { refused, sent } = await refusal(text);
    expect(refused?.code).toBe('send.confirm-required');
    expect(refused!.zh).toMatch(/^发送前需要确认：/);
    expect(sent).toEqual([]);
  }, 60_000);

  it('sends a harmless code typed with punctuation (YE。) as typed, unasked', async () => {
    const before = modem.emulator.sent.length;
    const { refused } = await refusal('YE。');
    expect(refused).toBeNull();
    await expect.poll(() => sentSince(before).map((s) => [s.to, s.text]), { timeout: 15_000 }).toEqual([['10086', 'YE。']]);
  }, 60_000);

  it('keeps an emoji\'s joiners and selectors in free text to a person, and drops tags outside a flag', async () => {
    const { core, modemId } = await coreOnPty();
    const before = modem.emulator.sent.length;
    const family = '周末见 👨\u200D👩\u200D👧 ❤\uFE0F';
    await core.call('send', { modemId, text: `${family}\u{E0041}`, to: '13912345678', confirmed: true });
    await expect.poll(() => sentSince(before).length, { timeout: 15_000 }).toBe(1);
    expect(sentSince(before).map(({ to, text }) => [to, text])).toEqual([['13912345678', family]]);
  }, 60_000);

  it('retries a text journaled with a hidden character without it, after saying so', async () => {
    const { core, modemId, simId } = await coreOnPty();
    // As an older version journaled it: a failed YE with a variation selector.
    const change = { id: 'old-failed-ye', simId, to: '10086', text: 'YE\uFE0F', messageRefs: [], error: null };
    await core.journal.recordOutgoing({ ...change, state: 'queued' });
    await core.journal.recordOutgoing({ ...change, state: 'failed' });
    const before = modem.emulator.sent.length;
    await expect(core.call('retry', { commandId: 'old-failed-ye' })).rejects.toMatchObject({
      code: 'send.confirm-required',
      zh: expect.stringContaining('U+FE0F'),
      en: expect.stringContaining('U+FE0F'),
    });
    expect(sentSince(before)).toEqual([]);
    await core.call('retry', { commandId: 'old-failed-ye', confirmed: true });
    await expect.poll(() => sentSince(before).length, { timeout: 15_000 }).toBe(1);
    expect(sentSince(before)[0]!.text).toBe('YE');
    expect(modemId).toBeTruthy();
  }, 60_000);

  it('sends a custom instruction whose template ends in a variation selector and a tag without them', async () => {
    const { core, modemId } = await coreOnPty();
    const file = exportCustomFile([{ code: 'CXYE', template: 'CXYE\uFE0F\u{E0020}', to: '10086', name: { 'zh-Hans': '查余额' }, confirm: false }] as never);
    expect(await core.call('custom.import', { text: file, replace: false })).toMatchObject({ added: 1 });
    const entry = (await core.call('catalog.state', {})).catalog.instructions.find((e) => e.id === 'custom:CXYE')!;
    expect(entry.template).toBe('CXYE');
    const before = modem.emulator.sent.length;
    await core.call('send', { modemId, id: 'custom:CXYE' });
    await expect.poll(() => sentSince(before).length, { timeout: 15_000 }).toBe(1);
    expect(sentSince(before)[0]!.text).toBe('CXYE');
  }, 60_000);
});
