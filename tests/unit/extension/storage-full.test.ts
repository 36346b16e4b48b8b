import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { HallError } from '../../../src-shared/errors';
import { inWords } from '../../../src-extension/bilingual';
import { CatalogSession } from '../../../src-extension/catalog-session';
import { builtin, nextCatalog, publisherKey } from '../bundle/bundle-kit';
import { custom } from '../catalog-overlay/fixtures';
import { FakeSource, memoryStorage } from './storage-kit';

/** What Chromium 14x rejects chrome.storage.local.set with once the extension's 10 MB are used (seen in the real browser). */
const CHROME_QUOTA_MESSAGE = 'Resource::kQuotaBytes quota exceeded';

/** A storage that reads as usual and refuses every write, as a full chrome.storage.local does. */
function fullStorage(initial: Record<string, unknown> = {}) {
  const storage = memoryStorage(initial);
  const refuse = () => Promise.reject(new Error(CHROME_QUOTA_MESSAGE));
  return { ...storage, set: refuse, remove: refuse };
}

describe('a full chrome.storage.local', () => {
  it('refuses a saved setting in words, with what to do, never with the browser’s code', async () => {
    const session = await CatalogSession.open(fullStorage(), builtinCatalog());
    for (const write of [() => session.saveCustom(custom({ code: 'CXJF', name: { 'zh-Hans': '查询积分' } })), () => session.setProvince('bj'), () => session.setUpdateSource(null)]) {
      const error = await write().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(HallError);
      expect(error).toMatchObject({ code: 'storage-full', zh: expect.stringContaining('存储空间已满'), en: expect.stringContaining('storage is full') });
      expect((error as HallError).action?.zh).toContain('删除一些自定义指令');
      expect(`${(error as HallError).zh}${(error as HallError).en}`).not.toContain('kQuotaBytes');
    }
    const full = await session.setProvince('bj').catch((e: HallError) => e);
    expect([inWords('zh-Hans', full as HallError), inWords('en', full as HallError)]).toEqual([
      '浏览器没能保存：扩展的存储空间已满。请删除一些自定义指令，或回到内置指令库，然后再试。',
      "The browser could not save this: the extension's storage is full. Delete some of your own instructions, or go back to the built-in catalog, then try again.",
    ]);
    // Nothing changed.
    expect(session.inUse.settings.customs).toEqual([]);
  });

  it('ends an update check with its outcome, not a check that never finishes', async () => {
    const key = await publisherKey();
    const source = new FakeSource();
    await source.publish(nextCatalog(builtin(), '2026.12.01-1'), key);
    const storage = fullStorage({ updateSource: { source: 'https://updates.example/catalog/', publicKey: key.publicKey } });
    const session = await CatalogSession.open(storage, builtinCatalog(), () => source.fetchFile);
    const result = await session.checkNow(9);
    expect(result).toMatchObject({ at: 9, ok: false, zh: expect.stringContaining('存储空间已满'), en: expect.stringContaining('storage is full') });
    expect(result!.zh).not.toContain('kQuotaBytes');
    expect(session.inUse.origin).toBe('builtin');
  });
});
