import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import type { OutgoingRecord, OutgoingState } from '../../src-shared/journal-records';
import { FAST } from '../integration/session-kit';
import { coreSuite } from './core-suite';
import { readLog, readTables } from './ui-kit';

/*
 * sendstate25 (found by ux24): the page's log store loads when the page is idle, and live events that came
 * before it were dropped. Catching up with `journal.pending` hands back unacknowledged parts and unfinished
 * instructions, not a send already finished (failed, sent) that this log had never seen. So an instruction sent
 * from elsewhere (CLI, extension, schedule, another window) that ended in the page's first moments never showed
 * in that page's log. Here the store's code is held back (the request for its chunk waits) until the send has
 * ended: the same order a slow start gives, made certain. Real core, demo modem answering AT commands, browser
 * mode in real Chromium, the log read from its IndexedDB.
 */
describe('A send that ends before the log store starts still shows in the log', () => {
  let core: HallCore;
  let page: Page;
  let held: Route[] = [];
  let release = false;
  coreSuite(
    {
      dirPrefix: 'hall-early-send-e2e-',
      core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: FAST }),
      perTest: true,
      // The log store's chunk (dynamic import of store/sync) is answered only once the test lets it.
      prepare: (context) => {
        held = [];
        release = false;
        return context.route(/\/assets\/sync-[^/]*\.js$/, (route) => (release ? route.continue() : void held.push(route)));
      },
    },
    (suite) => {
      ({ core, page } = suite);
    },
  );

  async function sendBeforeTheStore(fault: boolean): Promise<OutgoingRecord> {
    // The page is up and its store's code has been asked for, not yet given.
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const simId = (await core.call('modem.list', {}))[0]!.simId!;
    const outgoing: OutgoingRecord[] = [];
    core.on('outgoing', (r) => outgoing.push(r));
    if (fault) core.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    // Sent from the core, as the CLI, a schedule or the extension send.
    const { commandId } = await core.call('send', { modemId: 'demo', id: 'YE' });
    const finished: OutgoingState[] = ['failed', 'sent', 'delivered'];
    await expect.poll(() => finished.includes(outgoing.filter((o) => o.id === commandId).at(-1)?.state as OutgoingState), { timeout: 30_000 }).toBe(true);
    const last = outgoing.filter((o) => o.id === commandId).at(-1)!;
    expect(last.simId).toBe(simId);
    // Only now does the store load.
    release = true;
    await Promise.all(held.map((r) => r.continue()));
    return last;
  }

  it('a YE that fails (CMS 38) before the store starts shows failed, once', async () => {
    const last = await sendBeforeTheStore(true);
    expect(last.state).toBe('failed');
    await expect.poll(async () => (await readLog(page)).commands.find((c) => c.id === last.id)?.state, { timeout: 30_000 }).toBe('failed');
    const rows = (await readLog(page)).messages.filter((m) => m.text === 'YE');
    expect(rows.map((m) => m.state)).toEqual(['failed']);
    // And the thread shows it as a failed bubble.
    const base = new URL(page.url()).origin + new URL(page.url()).pathname;
    await page.goto(`${base}#/thread/${last.simId}`);
    await page.locator('.bubble-failed', { hasText: 'YE' }).waitFor({ timeout: 30_000 });
  }, 120_000);

  it('a YE that goes out before the store starts shows in its final state, once', async () => {
    const last = await sendBeforeTheStore(false);
    expect(['sent', 'delivered']).toContain(last.state);
    // A status report may still come after: the log holds the newest state the core has.
    await expect
      .poll(
        async () => {
          const now = core.journal.outgoing(last.id)?.state;
          return now !== undefined && (await readLog(page)).commands.find((c) => c.id === last.id)?.state === now;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const rows = (await readLog(page)).messages.filter((m) => m.text === 'YE');
    expect(rows.length).toBe(1);
  }, 120_000);

  it('a YE sent while no page of the log is open (a check at night) shows when a page opens again', async () => {
    release = true;
    await Promise.all(held.map((r) => r.continue()));
    const app = page.url();
    const simId = (await core.call('modem.list', {}))[0]!.simId!;
    const outgoing: OutgoingRecord[] = [];
    core.on('outgoing', (r) => outgoing.push(r));
    const endOf = async (commandId: string) => {
      await expect.poll(() => outgoing.filter((o) => o.id === commandId).at(-1)?.state, { timeout: 30_000 }).toMatch(/^(sent|delivered)$/);
    };
    // The page listens: a YE sent now comes to its log live, and the log has caught up once.
    const day = await core.call('send', { modemId: 'demo', id: 'YE' });
    await endOf(day.commandId);
    await expect.poll(async () => (await readLog(page)).commands.some((c) => c.id === day.commandId), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await readTables(page, ['meta'])).meta.some((m) => m.key === 'sendsHeard'), { timeout: 30_000 }).toBe(true);

    // The tab leaves the app; the core sends on its own, as a scheduled check does, and the send ends.
    await page.goto('about:blank');
    const night = await core.call('send', { modemId: 'demo', id: 'YE' });
    await endOf(night.commandId);

    // The same tab opens the app again (its session is kept in the tab): the night's send is in its log, once.
    await page.goto(app);
    await expect.poll(async () => (await readLog(page)).commands.find((c) => c.id === night.commandId)?.state, { timeout: 30_000 }).toBe(core.journal.outgoing(night.commandId)?.state);
    const log = await readLog(page);
    expect(log.messages.filter((m) => m.id === `out:${night.commandId}`)).toHaveLength(1);
    expect(log.messages.filter((m) => m.id === `out:${day.commandId}`)).toHaveLength(1);
    expect(log.commands.find((c) => c.id === night.commandId)?.simId).toBe(simId);
  }, 120_000);
});
