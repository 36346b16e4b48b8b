import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src-main/cli/format';
import { spawn } from 'node:child_process';
import { BIN, hall, STACK_TRACE } from './cli-helpers';

const VERSION = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')).version as string;

describe('hall10086 for someone trying it the first time', () => {
  it.each(['en', 'zh-Hans', 'zh-Hant'])('help fits an 80-column terminal (%s) and still lists every command', async (lang) => {
    const run = await hall(['--help', '--lang', lang]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => displayWidth(line) > 80)).toEqual([]);
    for (const command of ['search', 'show', 'compose', 'send', 'inbox', 'ports', 'modem', 'at', 'pdu', 'emulator', 'serve', 'catalog', 'update', 'province', 'custom', 'native-host']) {
      expect(run.stdout).toContain(`hall10086 ${command} `);
    }
    expect(run.stdout).toContain('--version');
  });

  it.each([
    [['send', '--help'], 'en', /^  hall10086 send TEXT\|ID [\s\S]*Send an instruction SMS[\s\S]*Every command: hall10086 help\n$/],
    [['emulator', '-h'], 'en', /^  hall10086 emulator --pty [\s\S]*pseudo-terminal[\s\S]*Every command: hall10086 help\n$/],
    [['help', 'send'], 'zh-Hans', /^  hall10086 send [\s\S]*发送指令短信[\s\S]*全部命令：hall10086 help\n$/],
    [['serve', '--help'], 'zh-Hant', /^  hall10086 serve [\s\S]*瀏覽器模式[\s\S]*全部命令：hall10086 help\n$/],
  ])('%j (%s) shows that command’s help, not an error', async (argv, lang, shown) => {
    const run = await hall([...argv, '--lang', lang]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(shown);
  });

  it('--version prints the package version', async () => {
    const run = await hall(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `hall10086 ${VERSION}\n` });
  });

  it('a missing or wrong parameter names the flag that gives it, in Chinese and English', async () => {
    const en = await hall(['compose', 'ZD']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/Bill month.*required[\s\S]*--month/);
    const zh = await hall(['compose', 'ZD', '--lang', 'zh-Hans']);
    expect(zh.stderr).toMatch(/请填写[\s\S]*--month/);
    const traditional = await hall(['compose', 'ZD', '--lang', 'zh-Hant']);
    expect(traditional.stderr).toMatch(/^錯誤: .*請填寫。\n用 --month 值 給出。/);
    const wrong = await hall(['compose', 'ZD', '--month', '202613']);
    expect(wrong.stderr).toMatch(/01 to 12[\s\S]*--month/);
  });

  it('a new password equal to the current one is refused before anything is sent', async () => {
    const run = await hall(['send', 'MMXG', '--oldPassword', '123456', '--newPassword', '123456', '--emulator', '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/must differ[\s\S]*--newPassword/);
    expect(run.stdout + run.stderr).not.toContain('123456');
  });

  it('an instruction that needs confirmation names --yes', async () => {
    const run = await hall(['send', 'TJ', '--emulator', '--lang', 'zh-Hans']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/发送前需要确认[\s\S]*--yes/);
  });

  it('hex typed on the command line is not said to be kept as a raw PDU', async () => {
    for (const lang of ['en', 'zh-Hans']) {
      const run = await hall(['pdu', 'decode', 'ZZZZ', '--lang', lang]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/non-hex|非十六进制/);
      expect(run.stderr).not.toMatch(/raw PDU is kept|原始 PDU 已保留/);
      expect(run.stderr).toMatch(/command line|输入的十六进制/);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it.each([
    ['en', /^Error: Hall10086 is running \(process \d+: the app, browser mode or another hall10086 command\)[\s\S]*Messages \(Alt\+2\)[\s\S]*close process \d+ first[\s\S]*--data-dir/],
    ['zh-Hans', /^错误: Hall10086 正在运行（进程 \d+：应用、浏览器模式或另一条 hall10086 命令）[\s\S]*“对话”（Alt\+2）[\s\S]*先关掉进程 \d+[\s\S]*--data-dir/],
    ['zh-Hant', /^錯誤: Hall10086 正在運行（進程 \d+/],
  ])('send while the app holds the journal says what to do instead, and never to delete the live lock (%s)', async (lang, said) => {
    // The app's lock, held by a live process (this test's own).
    const dir = await mkdtemp(join(tmpdir(), 'hall10086-held-'));
    try {
      await writeFile(join(dir, 'journal.lock'), `${process.pid}\n`);
      const run = await hall(['send', 'YE', '--emulator', '--data-dir', dir, '--lang', lang]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(said);
      expect(run.stderr).not.toMatch(/delete|删除|刪除/);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      // Nothing was written next to the held journal.
      expect(await readdir(dir)).toEqual(['journal.lock']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an emulator profile that does not exist is bad input (exit 2) and lists the ones that do', async () => {
    const run = await hall(['emulator', '--pty', '--profile', 'nokia']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No device profile named "nokia". Available: huawei-e173, zte-mf190');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('output piped to a reader that stops early (| head, | grep -q) ends quietly, with no stack trace', async () => {
    // The reader is gone before the CLI writes a line: every write meets EPIPE.
    const child = spawn(process.execPath, [BIN, 'province', '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
