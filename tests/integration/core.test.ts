import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../src-shared/api/validate';
import type { OutgoingRecord } from '../../src-shared/api/contract';
import { demoCores } from './demo-core-kit';

const cores = demoCores('hall-core-');
const demoCore = () => cores.start();

async function waitFor<T>(check: () => T | undefined | null | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v as T;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('HallCore behind the API contract', () => {
  it('sends a password change and keeps no password anywhere on disk', async () => {
    const c = await demoCore();
    const outgoing: OutgoingRecord[] = [];
    c.on('outgoing', (o) => outgoing.push(o));
    const { commandId } = await c.call('send', { modemId: 'demo', id: 'MMXG', params: { oldPassword: '135790', newPassword: '246802' }, confirmed: true });
    await waitFor(() => outgoing.some((o) => o.id === commandId && o.state === 'sent'));
    expect(outgoing.every((o) => o.text === 'MMXG#******#******')).toBe(true);
    // The emulated network did receive the real text: the secret left only over the air.
    expect(c.demo!.emulator.sent.at(-1)!.part.text).toBe('MMXG#135790#246802');
    await waitFor(() => c.journal.pendingIncoming().length > 0);
    for (const name of await readdir(cores.dir)) {
      const bytes = await readFile(join(cores.dir, name), 'utf8').catch(() => '');
      expect(bytes, name).not.toMatch(/135790|246802/);
    }
  });

  it('masks a secret typed as free text, too', async () => {
    const c = await demoCore();
    const outgoing: OutgoingRecord[] = [];
    c.on('outgoing', (o) => outgoing.push(o));
    await c.call('send', { modemId: 'demo', text: 'mmhf#11010519491231002X', confirmed: true });
    await waitFor(() => outgoing.some((o) => o.state === 'sent'));
    expect(outgoing.map((o) => o.text)).toContain('MMHF#******');
    expect(JSON.stringify(outgoing)).not.toMatch(/11010519491231002X/);
  });

  // The forms that got through in the attack of issue 14: journaled, printed and sent unconfirmed.
  it.each([
    ['MMXG#274061#938150#', 'MMXG#******#******#', ['274061', '938150']],
    ['MMXG 815203 406927', 'MMXG ****** ******', ['815203', '406927']],
    ['请帮我改密码 MMXG#357108#692841', '请帮我改密码 MMXG#******#******', ['357108', '692841']],
    ['MMHF 510107199206302858', 'MMHF ******', ['510107199206302858']],
    ['mmxg 718293 402615', 'mmxg ****** ******', ['718293', '402615']],
    // Full-width but otherwise exact: recognised as the instruction, so composed (and sent) in its canonical form.
    ['ＭＭＸＧ＃５９２０３７＃６５４３２１', 'MMXG#******#******', ['592037', '654321', '５９２０３７', '６５４３２１'], 'MMXG#592037#654321'],
    // Found in review: words between the code and the values, an invisible character inside a value, an ID number in groups.
    ['mmxg 旧密码274061 新密码938150', 'mmxg 旧密码****** 新密码******', ['274061', '938150']],
    // Sent without the invisible character: what the user sees.
    ['请改密码 mmxg 2740\u200b61 938150', '请改密码 mmxg ****** ******', ['274061', '938150', '2740\u200b61', '\u200b61'], '请改密码 mmxg 274061 938150'],
    ['MMHF 510107 19920630 2858', 'MMHF ******', ['19920630 2858']],
  ])('%s needs the confirmation, goes out unmasked and is kept only as %s', async (typed, kept, secrets, sent = typed) => {
    const c = await demoCore();
    const outgoing: OutgoingRecord[] = [];
    c.on('outgoing', (o) => outgoing.push(o));
    await expect(c.call('send', { modemId: 'demo', text: typed })).rejects.toMatchObject({ code: 'send.confirm-required' });
    expect(c.demo!.emulator.sent).toHaveLength(0);

    const { commandId } = await c.call('send', { modemId: 'demo', text: typed, confirmed: true });
    await waitFor(() => outgoing.some((o) => o.id === commandId && o.state === 'sent'));
    expect(c.demo!.emulator.sent.map((s) => s.part.text)).toEqual([sent]);
    expect([...new Set(outgoing.map((o) => o.text))]).toEqual([kept]);
    expect(c.journal.outgoing(commandId)?.text).toBe(kept);
    // Written by now: the reply came after the instruction's own journal lines.
    await waitFor(() => c.journal.pendingIncoming().length > 0);
    for (const name of await readdir(cores.dir, { recursive: true })) {
      const bytes = await readFile(join(cores.dir, name), 'utf8').catch(() => '');
      for (const secret of secrets) expect(bytes, name).not.toContain(secret);
    }
  });

  it('refuses risky instructions and 10086999 reports until confirmed', async () => {
    const c = await demoCore();
    await expect(c.call('send', { modemId: 'demo', id: 'TJ' })).rejects.toMatchObject({ code: 'send.confirm-required' });
    await expect(c.call('send', { modemId: 'demo', id: 'QXGPRS' })).rejects.toMatchObject({ code: 'send.confirm-required' });
    await expect(c.call('send', { modemId: 'demo', text: 'http://bad.example', to: '10086999' })).rejects.toMatchObject({ code: 'send.confirm-required' });
    await expect(c.call('send', { modemId: 'demo', id: 'YE' })).resolves.toHaveProperty('commandId');
  });

  // Text copied from a web page may carry characters nobody sees. Before, `T\u200bJ` was no instruction, so it
  // went unasked as free text (with the character in it) where a typed TJ asks first.
  it.each([
    ['T\u200bJ', 'TJ'],
    ['TJ\u2060', 'TJ'],
    ['T\u00adJ', 'TJ'],
    ['T\u202eJ', 'TJ'],
    ['qx\u200dgprs', 'QXGPRS'],
    // Control characters show nothing either (NUL, NEL, DEL): before, these went unasked as typed.
    ['T\u0000J', 'TJ'],
    ['\u0085TJ', 'TJ'],
    ['QXGPRS\u007f', 'QXGPRS'],
  ])('%j with an invisible character is still its risky instruction: asked first, sent as %s', async (typed, sent) => {
    const c = await demoCore();
    await expect(c.call('send', { modemId: 'demo', text: typed })).rejects.toMatchObject({ code: 'send.confirm-required' });
    expect(c.demo!.emulator.sent).toHaveLength(0);
    await c.call('send', { modemId: 'demo', text: typed, confirmed: true });
    await waitFor(() => c.demo!.emulator.sent.length > 0);
    expect(c.demo!.emulator.sent.map((s) => s.part.text)).toEqual([sent]);
  });

  it('sends free text without the invisible characters in it, once told which were taken out', async () => {
    const c = await demoCore();
    // Said before anything goes (outgoingText): what is confirmed is what the modem gets.
    await expect(c.call('send', { modemId: 'demo', text: '\u200b查询\u2060我的\ufeff余额\u00ad\u0000' })).rejects.toMatchObject({
      code: 'send.confirm-required',
      zh: expect.stringContaining('已去掉 5 个'),
      en: expect.stringContaining('U+200B'),
    });
    expect(c.demo!.emulator.sent).toHaveLength(0);
    await c.call('send', { modemId: 'demo', text: '\u200b查询\u2060我的\ufeff余额\u00ad\u0000', confirmed: true });
    await waitFor(() => c.demo!.emulator.sent.length > 0);
    expect(c.demo!.emulator.sent.map((s) => s.part.text)).toEqual(['查询我的余额']);
  });

  it('sends an emoji sequence and Persian to a personal number as typed, after the confirmation', async () => {
    // Before, every format character went: the family glyph arrived as three people, Persian lost its ZWNJ.
    const c = await demoCore();
    const text = '周末见 👨\u200d👩\u200d👧 می\u200cخواهم';
    await expect(c.call('send', { modemId: 'demo', text, to: '13912345678' })).rejects.toMatchObject({ code: 'send.confirm-required' });
    await c.call('send', { modemId: 'demo', text, to: '13912345678', confirmed: true });
    await waitFor(() => c.demo!.emulator.sent.length > 0);
    expect(c.demo!.emulator.sent.map((s) => s.part.text)).toEqual([text]);
  });

  it('takes 10086 and 10086999 however they are written, and asks before anything else', async () => {
    const c = await demoCore();
    for (const to of ['10086', '8610086', '+8610086']) await expect(c.call('send', { modemId: 'demo', text: '1', to })).resolves.toHaveProperty('commandId');
    for (const to of ['1008611', '10658000']) {
      await expect(c.call('send', { modemId: 'demo', text: '1', to })).rejects.toMatchObject({ code: 'send.confirm-required', en: expect.stringContaining(`Goes to ${to}`) });
    }
    // A report to 10086999 is confirmed in every spelling: before, +8610086999 went without asking.
    for (const to of ['10086999', '+8610086999', '8610086999']) {
      await expect(c.call('send', { modemId: 'demo', text: 'http://bad.example', to })).rejects.toMatchObject({ code: 'send.confirm-required', en: expect.stringContaining('report') });
    }
  });

  it('will not retry a failed instruction whose secret it never kept', async () => {
    const c = await demoCore();
    const outgoing: OutgoingRecord[] = [];
    c.on('outgoing', (o) => outgoing.push(o));
    c.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    const { commandId } = await c.call('send', { modemId: 'demo', id: 'CXYEH', params: { password: '112233' } });
    await waitFor(() => outgoing.some((o) => o.id === commandId && o.state === 'failed'));
    await expect(c.call('retry', { commandId })).rejects.toMatchObject({ code: 'send.retry-needs-secret' });
  });

  it('hands unacknowledged messages to a reloading UI, and forgets them once acknowledged', async () => {
    const c = await demoCore();
    await c.call('send', { modemId: 'demo', id: 'JF' });
    // The whole reply, every part of a long one: a part arriving after the acknowledgement would still be pending.
    const whole = () => {
      const parts = c.journal.pendingIncoming();
      return parts.length > 0 && parts.every(({ concat }) => concat === null || parts.filter((q) => q.concat?.ref === concat.ref).length === concat.total);
    };
    await waitFor(whole);
    const pending = await c.call('journal.pending', {});
    expect(pending.incoming.length).toBeGreaterThan(0);
    await c.call('journal.ack', { keys: pending.incoming.map((r) => r.key) });
    expect((await c.call('journal.pending', {})).incoming).toEqual([]);
  });

  it('validates requests at the boundary with bilingual errors', () => {
    expect(() => validateRequest('send', { modemId: '' })).toThrowError(expect.objectContaining({ code: 'api.bad-request' }));
    expect(() => validateRequest('rm -rf', {})).toThrowError(expect.objectContaining({ code: 'api.unknown-method' }));
    expect(() => validateRequest('modem.enterPin', { modemId: 'demo', pin: '12ab' })).toThrow(/pin/);
  });
});
