import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingRecord } from '../../src-shared/api/contract';
import { HallCore } from '../../src-main/core';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { encodeSubmit } from '../../src-shared/pdu';
import { hall, STACK_TRACE } from './cli-helpers';
import { until } from './pty-rig';

/**
 * mend55: a fresh send of what may already have gone out is one rule in the core, for every transport. KTCL (a paid
 * ring-back tone, asked about by nothing in the catalog) answered +CMS ERROR: 332 after its body (the network timed
 * out: the centre may have taken it). Before, only the extension's path held the same KTCL back: the desktop composer,
 * the browser-mode API and the CLI sent it again at once, and two confirmed re-sends at once both went as retries.
 * A modem emulator on a real pseudo-terminal (socat), serialport's own binding, the real CLI.
 */
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** A modem of this test's own on a pty, a data folder, and how many KTCL reached its network. */
async function rig(prefix: string): Promise<{ modem: PtyEmulator; dataDir: string; reached(): number }> {
  const modem = await startPtyEmulator();
  cleanup.push(() => modem.close());
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  return { modem, dataDir, reached: () => modem.emulator.sent.filter((s) => s.part.text === 'KTCL').length };
}

/** The rig with a real core connected to its modem, its SIM identified, and every outgoing change it emitted. */
async function coreRig(prefix: string) {
  const { modem, dataDir, reached } = await rig(prefix);
  const core = await HallCore.create({ dataDir, demo: false });
  cleanup.push(() => core.close());
  const outgoing: OutgoingRecord[] = [];
  core.on('outgoing', (o) => outgoing.push(o));
  const { modemId } = await core.call('modem.connect', { path: modem.path });
  await expect.poll(async () => (await core.call('modem.list', {})).find((m) => m.modemId === modemId)?.simId, { timeout: 15_000 }).toBeTruthy();
  return { modem, reached, core, outgoing, modemId };
}

describe('a fresh send of what may have gone out (the core, a modem on a real pty)', () => {
  it('is refused unconfirmed (zh/en), goes as its retry once confirmed, and two confirmed at once send it once', async () => {
    const { modem, reached, core, outgoing, modemId } = await coreRig('hall-maybe-once-');
    const unsureOnce = async () => {
      modem.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 332 });
      const { commandId } = await core.call('send', { modemId, id: 'KTCL' });
      await until(() => outgoing.some((o) => o.id === commandId && o.state === 'failed-retryable'), 'the maybe-sent KTCL');
      return commandId;
    };
    const before = reached();
    const unsure = await unsureOnce();

    // The composer's, the browser-mode page's send: the same KTCL from the same SIM.
    const refused = await core.call('send', { modemId, id: 'KTCL' }).then(
      () => null,
      (e: { code: string; zh: string; en: string }) => e,
    );
    expect(refused).toMatchObject({ code: 'send.maybe-sent', zh: expect.stringContaining('可能已经发出了'), en: expect.stringContaining('may already have gone out') });
    // The same number written with its country code is the same send (review48 F4: it went unasked).
    await expect(core.call('send', { modemId, to: '+8610086', text: 'KTCL' })).rejects.toMatchObject({ code: 'send.maybe-sent' });
    expect(reached()).toBe(before);

    // Two windows say yes at once: one goes, as the unsure one's retry; the other is refused as already retried.
    const both = await Promise.allSettled([core.call('send', { modemId, id: 'KTCL', resend: true }), core.call('send', { modemId, id: 'KTCL', resend: true })]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const went = both.find((r) => r.status === 'fulfilled')!.value.commandId;
    expect(both.find((r) => r.status === 'rejected')!.reason).toMatchObject({ code: 'send.already-retried', zh: expect.stringContaining('已经重发过'), en: expect.stringContaining('already been sent again') });
    const retried = await until(() => outgoing.find((o) => o.id === went && o.state === 'sent'), 'the retry sent');
    expect(retried.retryOf).toBe(unsure);
    expect(reached()).toBe(before + 1);
  }, 60_000);

  it('a yes after its retry surely did not go sends it (review48 F1: refused as already retried for 10 minutes)', async () => {
    const { modem, reached, core, outgoing, modemId } = await coreRig('hall-maybe-once-failed-retry-');
    const ended = (id: string, state: string, what: string) => until(() => outgoing.find((o) => o.id === id && o.state === state), what);
    modem.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 332 });
    const unsure = (await core.call('send', { modemId, id: 'KTCL' })).commandId;
    await ended(unsure, 'failed-retryable', 'the maybe-sent KTCL');
    // Its retry is refused before the prompt (answered straight to AT+CMGS=<len>): nothing went again.
    const len = encodeSubmit({ to: '10086', text: 'KTCL', statusReport: true, concatRef: 0 })[0]!.tpduLength;
    modem.emulator.fault({ kind: 'replay', command: `AT+CMGS=${len}`, bytes: '\r\n+CMS ERROR: 500\r\n' });
    const retry = (await core.call('send', { modemId, id: 'KTCL', resend: true })).commandId;
    await ended(retry, 'failed', 'the retry refused before its prompt');
    const before = reached();
    const again = (await core.call('send', { modemId, id: 'KTCL', resend: true })).commandId;
    await ended(again, 'sent', 'the yes after the failed retry sent');
    expect(reached()).toBe(before + 1);
  }, 60_000);

  it('holds the same KTCL back after a bare ERROR answered its body, as after a +CMS ERROR: 332 (mend65, review49 F1)', async () => {
    const { modem, reached, core, outgoing, modemId } = await coreRig('hall-maybe-once-bare-');
    // A modem whose +CMEE is 0 (refused it, or lost it to a restart) answers any failure with a bare ERROR.
    modem.emulator.fault({ kind: 'command-error', command: 'AT+CMGS' });
    const { commandId } = await core.call('send', { modemId, id: 'KTCL' });
    const first = await until(() => outgoing.find((o) => o.id === commandId && (o.state === 'failed' || o.state === 'failed-retryable')), 'the first KTCL ended');
    expect(`${first.state} ${first.error}`).toBe('failed-retryable at.error');
    const before = reached();
    await expect(core.call('send', { modemId, id: 'KTCL' })).rejects.toMatchObject({ code: 'send.maybe-sent' });
    expect(reached()).toBe(before);
  }, 60_000);

  it('is refused by the CLI unless --yes, which sends it once as the retry (zh/en, no stack trace)', async () => {
    const { modem, dataDir, reached } = await rig('hall-maybe-once-cli-');
    const args = ['send', 'KTCL', '--port', modem.path, '--data-dir', dataDir];
    const before = reached();
    modem.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 332 });
    const first = await hall(args);
    expect(first.stdout + first.stderr).toMatch(/may have gone through/);
    expect(reached()).toBe(before);

    for (const [lang, words] of [
      ['en_US.UTF-8', /may already have gone out[\s\S]*--yes/],
      ['zh_CN.UTF-8', /可能已经发出了[\s\S]*--yes/],
    ] as const) {
      const again = await hall(args, { LANG: lang });
      expect(again.code).not.toBe(0);
      expect(again.stdout + again.stderr).toMatch(words);
      expect(again.stdout + again.stderr).not.toMatch(STACK_TRACE);
    }
    expect(reached()).toBe(before);

    const sure = await hall([...args, '--yes']);
    expect(sure.code).toBe(0);
    expect(reached()).toBe(before + 1);
    // Journaled as the retry: a second yes within the hold is refused, not sent a third time.
    const twice = await hall([...args, '--yes']);
    expect(twice.code).not.toBe(0);
    expect(twice.stdout + twice.stderr).toMatch(/already been sent again/);
    expect(reached()).toBe(before + 1);
  }, 90_000);
});
