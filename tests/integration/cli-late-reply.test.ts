import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { hall, STACK_TRACE } from './cli-helpers';

/**
 * `send --wait-reply` when 10086 is slow: the command stops waiting, says where the late reply will
 * be, and that place holds it. A modem on a real pseudo-terminal (socat) whose 10086 answers only
 * when the test says so, the real `hall10086` executable on the real serial binding.
 */

let emulator: ModemEmulator;
let modem: PtyEmulator;
let dataDir: string;

beforeAll(async () => {
  emulator = new ModemEmulator({ replyDelayMs: 3_600_000 });
  modem = await startPtyEmulator({ emulator });
  dataDir = await mkdtemp(join(tmpdir(), 'hall10086-late-'));
}, 30_000);

afterAll(async () => {
  await modem?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a reply that does not come while send waits', () => {
  it('is said with where the late reply will be (zh and en), and inbox then reads it from there', async () => {
    const zh = await hall(['send', 'YE', '--port', modem.path, '--wait-reply', '--timeout', '2', '--data-dir', dataDir, '--lang', 'zh-Hans']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/^已发送: YE/);
    expect(zh.stderr).toContain('在 2 秒内没有收到回复。');
    expect(zh.stderr).toContain(`稍后运行 hall10086 inbox --port ${modem.path} --data-dir ${dataDir} 读取`);
    expect(zh.stderr).not.toMatch(STACK_TRACE);
    const en = await hall(['send', 'JF', '--port', modem.path, '--wait-reply', '--timeout', '2', '--data-dir', dataDir]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`a late reply waits on the SIM: run hall10086 inbox --port ${modem.path} --data-dir ${dataDir} later to read it`);

    // 10086 answers after the command has gone: the reply waits on the SIM, and the advice finds it.
    // Counted apart from status reports: JF's comes 3 s after its send and may be stored here too.
    const replies = () => emulator.messages('SM').filter((m) => m.message.kind === 'deliver').length;
    const before = replies();
    emulator.deliver('10086', '尊敬的客户，截至2026年12月5日16时，您的账户余额为50.43元。【中国移动】');
    await expect.poll(replies, { timeout: 10_000 }).toBe(before + 1);
    const inbox = await hall(['inbox', '--port', modem.path, '--data-dir', dataDir]);
    expect(inbox.code).toBe(0);
    expect(inbox.stdout).toContain('您的账户余额为50.43元');
  }, 90_000);
});
