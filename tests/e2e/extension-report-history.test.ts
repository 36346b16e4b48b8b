import { describe, expect, it } from 'vitest';
import { builtExtensionProfile, historyUrls } from './extension-history';

/**
 * The report menu on a link (a password-reset mail read in webmail, say) opened the report page with
 * the whole link in the tab's address. Chromium writes every address a tab takes into the profile's
 * History database (and session files, and history sync): the reset token stayed there, though the
 * report itself leaves the query out unless the user keeps it. The built extension, loaded unpacked in
 * real Chromium with a persistent profile; History read with python3's sqlite3 once Chromium closed.
 */

interface WorkerHooks {
  onMenuClicked(info: { menuItemId: string; pageUrl?: string; linkUrl?: string }): Promise<void>;
}
declare const hall10086: WorkerHooks;

const TOKEN = 'RESET-TOKEN-4821';
const LINK = `https://mail.example/reset?token=${TOKEN}&u=me#frag`;

const loaded = builtExtensionProfile();


describe('the report menu on a link with a token', () => {
  it('shows the whole link to the user, and leaves no token in the tab address or the History database', async () => {
    const opened = loaded().context.waitForEvent('page');
    await loaded().worker.evaluate((url) => hall10086.onMenuClicked({ menuItemId: 'report-url', linkUrl: url, pageUrl: 'https://page.example/' }), LINK);
    const page = await opened;
    await page.waitForSelector('#sms-text');
    // Nothing lost: the field holds the whole link, the report leaves the query out, and keeping it puts it back.
    expect(await page.inputValue('#report-url')).toBe(LINK);
    expect(await page.textContent('#sms-text')).toBe('举报 https://mail.example/reset');
    await page.check('#report-keep-query');
    expect(await page.textContent('#sms-text')).toBe(`举报 ${LINK}`);
    // A reload reads the same from memory.
    await page.reload();
    await page.waitForSelector('#sms-text');
    expect(await page.inputValue('#report-url')).toBe(LINK);
    expect(page.url()).not.toContain(TOKEN);

    await loaded().context.close();
    const urls = historyUrls(loaded().profile);
    expect(urls.some((url) => url.includes('popup.html#/report'))).toBe(true);
    expect(urls.filter((url) => url.includes(TOKEN))).toEqual([]);
  }, 120_000);
});
