import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askEmulatorMaker, BIN, hall, STACK_TRACE } from './cli-helpers';

/** Every command line on this machine now, as any user can read them (`ps`, /proc/PID/cmdline). */
async function commandLines(): Promise<string[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const lines = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')));
  return lines.map((l) => l.replaceAll('\0', ' '));
}

/** Runs the real CLI with `stdin` piped in, reading every process's command line until it exits. */
function hallWatchingPs(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string; seen: string[] }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const seen = new Set<string>();
  let running = true;
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  child.stdin.end(stdin);
  const watching = (async () => {
    while (running) for (const line of await commandLines()) if (line.includes(BIN)) seen.add(line);
  })();
  return new Promise((resolve) =>
    child.on('close', async (code) => {
      running = false;
      await watching;
      resolve({ code, stdout, stderr, seen: [...seen] });
    }),
  );
}

describe('hall10086 send / inbox / modem / ports / pdu / emulator', () => {
  it('send YE --emulator --wait-reply prints the reassembled Chinese reply', async () => {
    const run = await hall(['send', 'YE', '--emulator', '--wait-reply', '--lang', 'zh-Hans']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/已发送: YE {2}\[(sent|delivered)\]/);
    expect(run.stdout).toMatch(/10086:\n  尊敬的客户.*余额为\d+\.\d{2}元.*【中国移动】/s);
  });

  it('send --json reports the command, its state and the whole reply of a long answer', async () => {
    const run = await hall(['send', 'CXYEG', '--emulator', '--wait-reply', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ command: 'CXYEG', error: null, reply: { from: '10086', complete: true } });
    expect(['sent', 'delivered']).toContain(out.state);
    expect(out.reply.total).toBeGreaterThan(1);
    expect(out.reply.text).toMatch(/流量.*【中国移动】$/s);
  });

  it('send with parameters composes and masks secrets in what it prints', async () => {
    const run = await hall(['send', 'MMXG', '--oldPassword', '123456', '--newPassword', '654321', '--emulator', '--yes', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).command).toBe('MMXG#******#******');
    expect(run.stdout + run.stderr).not.toMatch(/123456|654321/);
  });

  it('send reads a parameter given as - from standard input: the passwords reach the modem and never the process list', async () => {
    const run = await hallWatchingPs(['send', 'MMXG', '--oldPassword', '-', '--newPassword', '-', '--emulator', '--wait-reply', '--yes', '--json'], '135790\n246813\n');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.command).toBe('MMXG#******#******');
    // The demo 10086 changes the password only when the old one (135790) came through exactly.
    expect(out.reply.text).toMatch(/服务密码已修改成功/);
    expect(run.seen.some((line) => line.includes('send MMXG --oldPassword - --newPassword -'))).toBe(true);
    expect(run.seen.join('\n') + run.stdout + run.stderr).not.toMatch(/135790|246813/);
    const short = await hall(['send', 'MMXG', '--oldPassword', '-', '--newPassword', '-', '--emulator', '--yes'], {}, '135790\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/no value for --newPassword/);
  });

  it('send asks for a parameter given as - at a terminal without echoing what is typed', async () => {
    // A real pseudo-terminal (Python's pty): the CLI sees a TTY, prompts, and must not echo the keys.
    const driver = [
      'import os, pty, sys, select, json, time',
      'answers = [b"135790\\r", b"246813\\r"]',
      'pid, fd = pty.fork()',
      'if pid == 0: os.execvp(sys.argv[1], sys.argv[1:])',
      'seen = b""',
      'while True:',
      '    if not select.select([fd], [], [], 30)[0]: break',
      '    try: chunk = os.read(fd, 4096)',
      '    except OSError: break',
      '    if not chunk: break',
      '    seen += chunk',
      '    if answers and seen.rstrip().endswith(b":"): time.sleep(0.2); os.write(fd, answers.pop(0))',
      'print(json.dumps({"code": os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), "seen": seen.decode()}))',
    ].join('\n');
    const args = ['-c', driver, process.execPath, BIN, 'send', 'MMXG', '--oldPassword', '-', '--newPassword', '-', '--emulator', '--yes', '--wait-reply'];
    const out = await new Promise<string>((resolve) => {
      const child = spawn('python3', args, { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (d) => (text += d));
      child.on('close', () => resolve(text));
    });
    const { code, seen } = JSON.parse(out) as { code: number; seen: string };
    expect(code).toBe(0);
    expect(seen).toMatch(/Current password: \r\nNew password: \r\nSent: MMXG#\*{6}#\*{6}/);
    expect(seen).toMatch(/服务密码已修改成功/);
    expect(seen).not.toMatch(/135790|246813/);
  });

  it('send says how to keep a password off the command line when one is given there', async () => {
    for (const args of [['MMXG', '--oldPassword', '135790', '--newPassword', '246813'], ['mmxg 135790 246813']]) {
      const run = await hall(['send', ...args, '--emulator', '--yes']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/process list[\s\S]*hall10086 send MMXG --oldPassword - --newPassword -/);
      expect(run.stdout + run.stderr).not.toMatch(/135790|246813/);
    }
    expect((await hall(['send', 'YE', '--emulator'])).stderr).not.toMatch(/process list/);
  });

  it('send of a password change typed any way asks for --yes, and never prints the passwords', async () => {
    const unconfirmed = await hall(['send', 'mmxg', '718293', '402615', '--emulator']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/confirmation/);
    const sent = await hall(['send', '请帮我改密码 MMXG#357108#692841#', '--emulator', '--yes']);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/Sent: 请帮我改密码 MMXG#\*{6}#\*{6}# {2}\[(sent|delivered)\]/);
    const searched = await hall(['search', 'MMHF 510107199206302858']);
    expect(searched.stdout).toMatch(/^MMHF \*{6}$/m);
    for (const r of [unconfirmed, sent, searched]) expect(r.stdout + r.stderr).not.toMatch(/718293|402615|357108|692841|510107199206302858/);
  });

  it('refuses a risky instruction without --yes, and bad parameters before touching the modem', async () => {
    const tj = await hall(['send', 'TJ', '--emulator']);
    expect(tj.code).toBe(2);
    expect(tj.stderr).toMatch(/confirmation[\s\S]*--yes/);
    const bad = await hall(['send', 'ZD', '--month', '202613', '--emulator']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/01 to 12/);
    const both = await hall(['send', 'YE', '--emulator', '--port', '/dev/null']);
    expect(both.code).toBe(2);
    for (const r of [tj, bad, both]) expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('send - sends nothing: a text piped in is not read as what to send, and "-" itself is no SMS anybody meant', async () => {
    const run = await hall(['send', '-', '--emulator', '--json'], {}, 'TJ\n');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--password -/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('a port that does not exist: exit 1 with advice, no stack trace', async () => {
    // Its own data folder: without --data-dir the CLI opens the user's journal before trying the port.
    const dataDir = await mkdtemp(join(tmpdir(), 'hall10086-cli-'));
    const run = await hall(['modem', 'status', '--port', '/dev/ttyNOPE9', '--data-dir', dataDir]);
    await rm(dataDir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not found|Cannot open/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('modem status and inbox work on the demo modem', async () => {
    const status = JSON.parse((await hall(['modem', 'status', '--emulator', '--json'])).stdout);
    expect(status).toMatchObject({ state: 'ready', demo: true, operator: 'CHINA MOBILE', sim: 'ready' });
    const inbox = await hall(['inbox', '--emulator', '--json']);
    expect(inbox.code).toBe(0);
    expect(JSON.parse(inbox.stdout)).toEqual([]);
  });

  it('at runs AT commands read from standard input and prints each answer', async () => {
    const run = await hall(['at', '--emulator'], {}, 'AT+CGMI\nAT+CSQ\nAT+BOGUS\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Hall10086\nOK/);
    expect(run.stdout).toMatch(/\+CSQ: \d+,\d+\nOK/);
    expect(run.stdout).toMatch(/AT\+BOGUS/);
    expect(run.stdout).not.toMatch(STACK_TRACE);
  });

  it('ports lists the demo modem', async () => {
    const out = JSON.parse((await hall(['ports', '--json'])).stdout);
    expect(out.ports.some((p: { path: string; demo: boolean }) => p.demo && p.path === 'emulator://demo')).toBe(true);
  });

  it('pdu decode reassembles parts given in any order; a bad PDU exits 2 with the reason', async () => {
    const encoded = JSON.parse((await hall(['pdu', 'encode', '--to', '10086', '--text', '查'.repeat(100), '--json'])).stdout);
    expect(encoded).toHaveLength(2);
    const run = await hall(['pdu', 'decode', encoded[1].hex, encoded[0].hex, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.parts.map((p: { type: string; encoding: string }) => [p.type, p.encoding])).toEqual([['submit', 'ucs2'], ['submit', 'ucs2']]);
    expect(out.parts[0].concat).toMatchObject({ part: 2, total: 2 });
    const bad = await hall(['pdu', 'decode', '0791683108']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/PDU/);
    expect(bad.stderr).not.toMatch(STACK_TRACE);
  });

  it('emulator --pty prints a device path that AT commands reach', async () => {
    const { path, answer } = await askEmulatorMaker([]);
    expect(path).toMatch(/^\//);
    expect(answer).toContain('Hall10086');
  });
});
