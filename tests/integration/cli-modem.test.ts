import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askEmulatorMaker, hall, STACK_TRACE } from './cli-helpers';

describe('hall10086 send / inbox / modem / ports / pdu / emulator', () => {
  it('send YE --emulator --wait-reply prints the reassembled Chinese reply', async () => {
    const run = await hall(['send', 'YE', '--emulator', '--wait-reply', '--lang', 'zh-Hans']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/已发送: YE {2}\[(sent|delivered)\]/);
    expect(run.stdout).toMatch(/10086:\n尊敬的客户.*余额为\d+\.\d{2}元.*【中国移动】/s);
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
