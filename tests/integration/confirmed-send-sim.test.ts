import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';

/**
 * review36: the composer's question names the SIM it sends from (`confirm.via`), but the page's send named only the
 * modem. A card swapped in that modem while the question was up (a clerk moving on to the next customer) took the
 * risky instruction the user said yes to for the first card. The emulator on a real pseudo-terminal (socat), opened
 * by serialport's own binding through the core.
 */
let modem: PtyEmulator;
let dataDir: string;
let core: HallCore;
const FIRST = { iccid: '89860012345678900082', imsi: '460001234567008' };
const NEXT = { iccid: '89860012345678900108', imsi: '460001234567010' };

beforeAll(async () => {
  modem = await startPtyEmulator({ emulatorOptions: { sim: FIRST } });
  dataDir = await mkdtemp(join(tmpdir(), 'hall-confirmed-sim-'));
  core = await HallCore.create({ dataDir, demo: false });
}, 30_000);
afterAll(async () => {
  await core?.close();
  await modem?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a yes given for one SIM', () => {
  it('is not sent from the card put in that modem since: refused as send.sim-changed, nothing sent; asked of the card in, it goes', async () => {
    const { modemId } = await core.call('modem.connect', { path: modem.path });
    await expect.poll(async () => (await core.call('modem.list', {})).find((m) => m.modemId === modemId)?.simId, { timeout: 20_000 }).toBe(FIRST.iccid);
    // The page asks TJ's question for the first card; the clerk swaps the card; the next is up before the yes.
    modem.emulator.swapSim(NEXT);
    await expect.poll(async () => (await core.call('modem.list', {})).find((m) => m.modemId === modemId), { timeout: 20_000 }).toMatchObject({ state: 'ready', simId: NEXT.iccid, registration: 'home' });
    const sentBefore = modem.emulator.sent.length;
    const refused = await core.call('send', { modemId, id: 'TJ', confirmed: true, simId: FIRST.iccid }).then(
      () => null,
      (e: { code: string; zh: string; en: string }) => e,
    );
    expect(refused).toMatchObject({ code: 'send.sim-changed', zh: expect.stringMatching(/没有发出/), en: expect.stringMatching(/not sent/) });
    // The same yes asked of the card in now goes: the refusal was the only thing between them.
    const { commandId } = await core.call('send', { modemId, id: 'TJ', confirmed: true, simId: NEXT.iccid });
    await expect.poll(() => core.journal.outgoing(commandId)?.state, { timeout: 20_000 }).toMatch(/^(sent|delivered)$/);
    expect(modem.emulator.sent.slice(sentBefore).map((s) => s.part.text)).toEqual(['TJ']);
  }, 90_000);
});
