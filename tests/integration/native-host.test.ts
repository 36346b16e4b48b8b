import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { extensionSocketPath } from '../../src-main/services/extension-link';
import { EXTENSION_ID } from '../../src-shared/extension-identity';
import type { ApprovalView } from '../../src-shared/api/contract';
import type { AppMessage } from '../../src-shared/api/extension-messages';
import { FakeChromePort, is } from './native-host-kit';
import { FAST } from './session-kit';

const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
let core: HallCore | null = null;
let ports: FakeChromePort[] = [];
let dir = '';

afterEach(async () => {
  await Promise.all(ports.map((p) => p.close()));
  ports = [];
  await core?.close();
  core = null;
  await rm(dir, { recursive: true, force: true });
});

async function start(): Promise<{ core: HallCore; socket: string }> {
  dir = await mkdtemp(join(tmpdir(), 'hall-host-'));
  core = await HallCore.create({ dataDir: dir, demo: true, emulatorOptions: FAST });
  await core.openExtensionLink();
  return { core, socket: extensionSocketPath(dir) };
}

function port(socket: string, origin = ORIGIN): FakeChromePort {
  const p = new FakeChromePort(socket, origin);
  ports.push(p);
  return p;
}

async function approval(c: HallCore, kind: ApprovalView['kind']): Promise<ApprovalView> {
  for (let i = 0; i < 400; i++) {
    const found = (await c.call('approvals.list', {})).find((a) => a.kind === kind);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no ${kind} approval`);
}

async function pair(c: HallCore, p: FakeChromePort): Promise<void> {
  p.post({ type: 'pair' });
  const { code } = await p.next(is('pairing'));
  const question = await approval(c, 'pair');
  expect(question).toMatchObject({ extensionId: EXTENSION_ID, code });
  await c.call('approvals.decide', { id: question.id, approve: true });
  await p.next(is('paired'));
}

describe('the native-messaging host and the app behind it', () => {
  it('keeps the socket for the user alone', async () => {
    const { socket } = await start();
    expect((await stat(socket)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o077).toBe(0);
  });

  it('refuses a send from an extension that is not paired, and the modem sends nothing', async () => {
    const { core: c, socket } = await start();
    const p = port(socket);
    p.post({ type: 'hello' });
    expect(await p.next(is('hello'))).toMatchObject({ paired: false, pairingCode: null, modem: { state: 'ready', demo: true } });
    p.post({ type: 'send', ref: 'r1', id: 'YE' });
    const refused = await p.next(is('send-state', (m) => m.ref === 'r1'));
    expect(refused).toMatchObject({ state: 'refused', error: { code: 'extension.not-paired' } });
    expect(refused.error!.zh).toMatch(/配对/);
    expect(c.demo!.emulator.sent).toHaveLength(0);
  });

  it('pairs after the app user approves the code, then sends YE and brings the reply back', async () => {
    const { core: c, socket } = await start();
    const p = port(socket);
    await pair(c, p);
    expect((await c.call('extensions.list', {})).map((e) => e.extensionId)).toEqual([EXTENSION_ID]);
    p.post({ type: 'send', ref: 'ye', id: 'YE' });
    await p.next(is('send-state', (m) => m.ref === 'ye' && m.state === 'sent'));
    const reply = await p.next(is('reply', (m) => m.ref === 'ye'));
    expect(reply.from).toBe('10086');
    expect(reply.text).toMatch(/余额/);
    expect(c.demo!.emulator.sent.map((s) => s.part.text)).toEqual(['YE']);
  });

  it('a pairing the user declines is refused, and the extension stays unpaired', async () => {
    const { core: c, socket } = await start();
    const p = port(socket);
    p.post({ type: 'pair' });
    await p.next(is('pairing'));
    await c.call('approvals.decide', { id: (await approval(c, 'pair')).id, approve: false });
    expect(await p.next(is('unpaired'))).toEqual({ type: 'unpaired', reason: 'refused' });
    expect(await c.call('extensions.list', {})).toEqual([]);
  });

  it('asks the app user before a risky instruction (TJ) and sends nothing when declined', async () => {
    const { core: c, socket } = await start();
    const p = port(socket);
    await pair(c, p);
    p.post({ type: 'send', ref: 'tj', id: 'TJ' });
    await p.next(is('send-state', (m) => m.ref === 'tj' && m.state === 'confirming'));
    const question = await approval(c, 'send');
    expect(question).toMatchObject({ to: '10086', text: 'TJ', extensionId: EXTENSION_ID });
    await c.call('approvals.decide', { id: question.id, approve: false });
    expect(await p.next(is('send-state', (m) => m.ref === 'tj' && m.state === 'refused'))).toMatchObject({ error: { code: 'extension.send-declined' } });
    expect(c.demo!.emulator.sent).toHaveLength(0);
  });

  it('shows a report to 10086999 in the app, masked of nothing, and sends it once approved', async () => {
    const { core: c, socket } = await start();
    const p = port(socket);
    await pair(c, p);
    p.post({ type: 'send', ref: 'rep', text: '举报 http://bad.example/', to: '10086999' });
    const question = await approval(c, 'send');
    expect(question).toMatchObject({ to: '10086999', text: '举报 http://bad.example/' });
    await c.call('approvals.decide', { id: question.id, approve: true });
    await p.next(is('send-state', (m) => m.ref === 'rep' && m.state === 'sent'));
    expect(c.demo!.emulator.sent.map((s) => [s.part.number, s.part.text])).toEqual([['10086999', '举报 http://bad.example/']]);
  });

  it('refuses free text to any number but a report port, and a catalog instruction sent elsewhere', async () => {
    const { core: c, socket } = await start();
    const p = port(socket);
    await pair(c, p);
    p.post({ type: 'send', ref: 'free', text: 'hello', to: '13800138000' });
    p.post({ type: 'send', ref: 'moved', id: 'YE', to: '13800138000' });
    for (const ref of ['free', 'moved']) {
      expect(await p.next(is('send-state', (m) => m.ref === ref))).toMatchObject({ state: 'refused', error: { code: 'extension.not-allowed' } });
    }
    expect(await c.call('approvals.list', {})).toEqual([]);
    expect(c.demo!.emulator.sent).toHaveLength(0);
  });

  it('stops a runaway sender at the rate limit', async () => {
    const { core: c, socket } = await start();
    const p = port(socket);
    await pair(c, p);
    for (let i = 1; i <= 6; i++) p.post({ type: 'send', ref: `s${i}`, id: 'YE' });
    expect(await p.next(is('send-state', (m) => m.ref === 's6'))).toMatchObject({ state: 'refused', error: { code: 'extension.rate-limited' } });
    for (let i = 1; i <= 5; i++) await p.next(is('send-state', (m) => m.ref === `s${i}` && m.state === 'sent'));
    expect(c.demo!.emulator.sent).toHaveLength(5);
  });

  it('tells a connected extension when the user revokes its pairing', async () => {
    const { core: c, socket } = await start();
    const p = port(socket);
    await pair(c, p);
    expect(await c.call('extensions.revoke', { extensionId: EXTENSION_ID })).toEqual({ revoked: true });
    expect(await p.next(is('unpaired'))).toEqual({ type: 'unpaired', reason: 'revoked' });
    p.post({ type: 'send', ref: 'after', id: 'YE' });
    expect(await p.next(is('send-state', (m) => m.ref === 'after'))).toMatchObject({ state: 'refused', error: { code: 'extension.not-paired' } });
  });

  it('answers malformed messages with a bilingual error and keeps the channel open', async () => {
    const { socket } = await start();
    const p = port(socket);
    p.writeRaw(new Uint8Array([5, 0, 0, 0, 0x7b, 0x7b, 0x7b, 0x7b, 0x7b]));
    p.post({ type: 'send', ref: 'x', id: 'YE', extra: 'field' });
    p.post({ type: 'launch-missiles' });
    p.post({ type: 'hello' });
    await p.next(is('hello'));
    const errors = p.received.filter((m) => m.type === 'error');
    expect(errors.map((e) => e.type === 'error' && e.error.code)).toEqual(['extension.bad-message', 'extension.bad-message', 'extension.bad-message']);
    for (const e of errors) if (e.type === 'error') expect(e.error.zh && e.error.en).toBeTruthy();
  });

  it('refuses an oversized frame without reading it, and the host exits', async () => {
    const { socket } = await start();
    const p = port(socket);
    p.writeRaw(new Uint8Array([0, 0, 0, 0x7f]));
    expect(await p.next(is('error'))).toMatchObject({ error: { code: 'extension.frame-too-large' } });
    expect(await p.exited).toBe(1);
  });

  it('says plainly when the desktop app is not running', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hall-host-'));
    const p = port(join(dir, 'extension.sock'));
    const message = await p.next(is('error'));
    expect(message.error.code).toBe('extension.app-not-running');
    expect(message.error.zh).toMatch(/没有运行/);
    expect(message.error.en).toMatch(/not running/);
  });

  it('drops a connection whose origin is not an extension', async () => {
    const { socket } = await start();
    const p = port(socket, 'https://evil.example/');
    expect(await p.next(is('error'))).toMatchObject({ error: { code: 'extension.host-misconfigured' } });
  });
});

describe('pairing prompts from several host sessions', () => {
  it('closing one session leaves another session’s pairing prompt (same extension, another profile) waiting, and it can be approved', async () => {
    const { core: c, socket } = await start();
    const [leaving, staying] = [port(socket), port(socket)];
    leaving.post({ type: 'pair' });
    const { code: leavingCode } = await leaving.next(is('pairing'));
    staying.post({ type: 'pair' });
    const { code } = await staying.next(is('pairing'));
    await expect.poll(async () => (await c.call('approvals.list', {})).length, { timeout: 10_000 }).toBe(2);

    await leaving.close();
    await expect.poll(async () => (await c.call('approvals.list', {})).map((a) => a.code), { timeout: 10_000 }).not.toContain(leavingCode);
    const [question] = await c.call('approvals.list', {});
    expect(question).toMatchObject({ kind: 'pair', code });
    await c.call('approvals.decide', { id: question!.id, approve: true });
    await staying.next(is('paired'));
    expect(staying.received.filter((m) => m.type === 'unpaired')).toEqual([]);
  });

  it('caps the pairing prompts waiting at once; a session past the cap is told so in both languages and no prompt appears', async () => {
    const { core: c, socket } = await start();
    const sessions = Array.from({ length: 5 }, () => port(socket));
    for (const p of sessions) p.post({ type: 'pair' });
    const answers = await Promise.all(sessions.map((p) => p.next((m): m is AppMessage => m.type === 'pairing' || m.type === 'error')));
    const refused = answers.filter((m) => m.type === 'error');
    expect(answers.filter((m) => m.type === 'pairing')).toHaveLength(4);
    expect(refused).toEqual([
      { type: 'error', error: { code: 'approval.too-many', zh: expect.stringMatching(/配对请求/), en: expect.stringMatching(/pairing request/) } },
    ]);
    expect(await c.call('approvals.list', {})).toHaveLength(4);
  });
});

describe('fuzzing the extension channel', () => {
  it('random bytes and JSON on the app socket never crash the core; it keeps answering', async () => {
    const { core: c, socket } = await start();
    const { connect } = await import('node:net');
    const fc = (await import('fast-check')).default;
    const samples = fc.sample(
      fc.oneof(
        fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
        fc.jsonValue().map((v) => Buffer.from(`${JSON.stringify(v)}\n`)),
        fc.record({ type: fc.constantFrom('hello', 'pair', 'send', 'x'), ref: fc.string(), id: fc.string(), text: fc.string() }).map((v) => Buffer.from(`${JSON.stringify(v)}\n`)),
      ),
      { numRuns: 300, seed: 8086 },
    );
    for (let i = 0; i < samples.length; i += 30) {
      const s = connect(socket);
      s.on('error', () => undefined);
      await new Promise<void>((r) => s.once('connect', () => r()));
      s.write(`{"origin":"chrome-extension://${EXTENSION_ID}/"}\n`);
      for (const chunk of samples.slice(i, i + 30)) s.write(chunk);
      s.resume(); // read the app's error answers, or the socket never reaches 'close'
      s.write(Buffer.alloc(200 * 1024, 0x61)); // one line far over the limit: the app hangs up
      await new Promise<void>((r) => s.once('close', () => r()));
    }
    expect(c.demo!.emulator.sent).toHaveLength(0);
    const p = port(socket);
    p.post({ type: 'hello' });
    expect(await p.next(is('hello'))).toMatchObject({ paired: false });
  });
});
