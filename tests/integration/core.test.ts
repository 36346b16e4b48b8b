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

  it('refuses risky instructions and 10086999 reports until confirmed', async () => {
    const c = await demoCore();
    await expect(c.call('send', { modemId: 'demo', id: 'TJ' })).rejects.toMatchObject({ code: 'send.confirm-required' });
    await expect(c.call('send', { modemId: 'demo', id: 'QXGPRS' })).rejects.toMatchObject({ code: 'send.confirm-required' });
    await expect(c.call('send', { modemId: 'demo', text: 'http://bad.example', to: '10086999' })).rejects.toMatchObject({ code: 'send.confirm-required' });
    await expect(c.call('send', { modemId: 'demo', id: 'YE' })).resolves.toHaveProperty('commandId');
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
