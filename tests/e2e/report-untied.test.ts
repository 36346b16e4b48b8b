import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { INSTANT_TIMING } from '../../src-main/emulator/options';
import type { OutgoingRecord } from '../../src-shared/journal-records';
import { REPORT_UNTIED_NOTE } from '../../src-shared/send-failure';
import { coreSuite } from './core-suite';

/*
 * mend46: a status report two waiting sends to one number could own marks neither (mend44), and said so only in a passing
 * notice: in the thread both still read "已发送". The session journals each once more `sent` with REPORT_UNTIED_NOTE
 * (tests/integration/session.test.ts drives the 257 sends); here its bubble, in real Chromium over the real core.
 */
const SIM = '89860099887766550047';

describe('a send whose status report could be another send’s', () => {
  let core: HallCore;
  let page: Page;
  coreSuite({ dirPrefix: 'hall-report-untied-e2e-', core: (dataDir) => HallCore.create({ dataDir, demo: true, emulatorOptions: INSTANT_TIMING }), perTest: true }, (suite) => {
    ({ core, page } = suite);
  });

  it('says under “已发送”, muted, that its delivery is not known, and offers no Retry', async () => {
    await page.evaluate((sim) => (location.hash = `#/thread/${sim}`), SIM);
    for (const [state, error] of [['queued', null], ['sending', null], ['sent', null], ['sent', REPORT_UNTIED_NOTE]] as const) {
      const change = { id: 'untied-1', simId: SIM, to: '10086', text: 'YE', state, messageRefs: state === 'queued' || state === 'sending' ? [] : [7], error };
      await core.journal.recordOutgoing(change);
      core.emit('outgoing', { kind: 'out', ...change, at: Date.now() } satisfies OutgoingRecord);
    }
    // The first line under the text the last record brings (the records before it carry none), as a note or an error.
    const note = page.locator('.bubble-line.out :is(.bubble-note, .bubble-error)');
    await note.waitFor({ timeout: 60_000 });
    expect({ class: await note.getAttribute('class'), text: await note.textContent() }).toEqual({
      class: 'bubble-note muted',
      text: '已发出，送达结果未知：收到的状态报告可能属于这条，也可能属于发往同一号码、共用同一参考号的另一条。重发前先看看有没有收到 10086 的回复。',
    });
    expect(await page.locator('.bubble-line.out .state').textContent()).toBe('已发送');
    expect(await page.locator('.bubble-line.out .bubble-error, .bubble-line.out button.retry').count()).toBe(0);
  }, 120_000);
});
