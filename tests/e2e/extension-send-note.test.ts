import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, EXTENSION_DIR } from '../../src-extension/build';
import type { DesktopSnapshot } from '../../src-extension/desktop-protocol';
import { loadExtension, type LoadedExtension } from '../../src-extension/load-in-chromium';
import { describeSendError } from '../../src-renderer/core/describe-send-error';
import { loadTraditional, makeI18n } from '../../src-renderer/i18n';
import { sendFailure } from '../../src-main/services/extension-link/extension-session';
import { REPORT_UNTIED_NOTE } from '../../src-shared/send-failure';
import type { Lang } from '../../src-shared/errors';

/*
 * review42: a send the app journaled `sent` with REPORT_UNTIED_NOTE (a status report it and another send could own) is
 * muted in the app's thread, "已发出，送达结果未知…"; the popup showed what the app told it of that send in red, as
 * a failure ("发送失败（send.report-untied）"). The real built extension in real Chromium, its list of sends as the
 * worker keeps it (chrome.storage.session, where a worker Chrome stopped restores it from), each send's error as the
 * app's extension session words it.
 */

let ext: LoadedExtension;
const pageErrors: string[] = [];

beforeAll(async () => {
  await buildExtension();
  ext = await loadExtension(EXTENSION_DIR, 'zh-CN');
  await loadTraditional();
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

const snapshot: DesktopSnapshot = {
  app: 'connecting', error: null, paired: false, name: null, pairingCode: null, pairing: null, modems: [], unseen: 0,
  sends: [
    { ref: 'untied', label: 'YE', state: 'sent', error: sendFailure(REPORT_UNTIED_NOTE), replies: [], at: 1 },
    { ref: 'refused', label: 'CXLL', state: 'failed', error: sendFailure('cms.21'), replies: [], at: 2 },
  ],
};

/** The popup in `lang`, its list of recent sends shown from what the stopped worker kept. */
async function popupIn(lang: Lang): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${ext.base}popup.html`);
  await page.evaluate(
    ([lang, snapshot]) => {
      localStorage.setItem('lang', lang);
      return Promise.all([chrome.storage.local.set({ lang }), chrome.storage.session.set({ desktop: snapshot })]);
    },
    [lang, snapshot] as const,
  );
  // Stopped the way Chrome stops it after 30 s idle: it starts again from what it kept, the send above.
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.reload();
  await page.waitForSelector('#recent-sends li[data-ref="untied"]');
  return page;
}

describe('a send whose delivery report could be another send’s, in the popup', () => {
  for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    it(`reads as sent with its delivery unknown, muted and in the words of the app’s thread, not as a failure (${lang})`, async () => {
      const page = await popupIn(lang);
      const shown = await page.$eval('#recent-sends li[data-ref="untied"]', (li) => ({
        errors: li.querySelectorAll('.error').length,
        alerts: li.querySelectorAll('[role="alert"], [aria-live="assertive"]').length,
        note: [...li.querySelectorAll('.send-note')].map((n) => ({ text: n.textContent?.trim(), muted: n.classList.contains('hint') })),
        text: li.textContent,
      }));
      const thread = describeSendError(REPORT_UNTIED_NOTE, makeI18n(lang)).text;
      expect(shown.errors, `no failure in red: ${shown.text}`).toBe(0);
      expect(shown.alerts).toBe(0);
      expect(shown.note).toEqual([{ text: thread, muted: true }]);
      // A send that failed is still said in red, with the app's reason.
      expect(await page.$eval('#recent-sends li[data-ref="refused"] .error', (e) => e.textContent)).toMatch({ en: /was not sent/, 'zh-Hans': /没有发出/, 'zh-Hant': /沒有發出/ }[lang]);
      await page.close();
      expect(pageErrors).toEqual([]);
    });
  }
});
