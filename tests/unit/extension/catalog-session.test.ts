import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { generateKeyPair } from '../../../src-shared/bundle';
import { CUSTOM_FILE_FORMAT, CUSTOM_FILE_VERSION } from '../../../src-shared/catalog/custom/file';
import { CatalogSession, loadCatalogInUse } from '../../../src-extension/catalog-session';
import { searchFor } from '../../../src-extension/worker-search';
import { builtin, nextCatalog, publisherKey, tamper } from '../bundle/bundle-kit';
import { custom } from '../catalog-overlay/fixtures';
import { FakeSource, memoryStorage } from './storage-kit';

const V2 = '2026.12.01-1';
const V3 = '2026.12.15-1';

function customFile(instructions: unknown[]): string {
  return JSON.stringify({ format: CUSTOM_FILE_FORMAT, version: CUSTOM_FILE_VERSION, instructions });
}

async function sessionWithSource(source = new FakeSource(), initial: Record<string, unknown> = {}) {
  const key = await publisherKey();
  const storage = memoryStorage({ updateSource: { source: 'https://updates.example/catalog/', publicKey: key.publicKey }, ...initial });
  const session = await CatalogSession.open(storage, builtinCatalog(), () => source.fetchFile);
  return { storage, session, source, key };
}

describe('the catalog in use, from storage', () => {
  it('is the built-in catalog when nothing is stored', async () => {
    const inUse = await loadCatalogInUse(memoryStorage(), builtinCatalog());
    expect(inUse).toMatchObject({ origin: 'builtin', problems: [], settings: { province: null, customs: [], update: null, floor: null, lastCheck: null } });
    // The same object, so the worker's search index over it is built once.
    expect(inUse.catalog).toBe(builtinCatalog());
  });

  it('adds the custom instructions after the catalog, searchable by code, Chinese name and pinyin', async () => {
    const storage = memoryStorage({ customs: [custom({ code: 'CXJF', name: { 'zh-Hans': '查询积分' } })] });
    const session = await CatalogSession.open(storage, builtinCatalog());
    expect(session.catalog.get('custom:cxjf')?.template).toBe('CXJF');
    for (const query of ['CXJF', '查询积分', 'jifen']) {
      expect((await searchFor(session.catalog)).search(query, 5).map((r) => r.id), query).toContain('custom:CXJF');
    }
  });

  it('drops stored entries that are not what it wrote, and says so', async () => {
    const storage = memoryStorage({ province: 'atlantis', customs: [{ code: 'bad code' }, custom({ code: 'CXJF', name: { en: 'Points' } })], lastCheck: 'yesterday' });
    const inUse = await loadCatalogInUse(storage, builtinCatalog());
    expect(inUse.settings.province).toBeNull();
    expect(inUse.settings.lastCheck).toBeNull();
    expect(inUse.settings.customs.map((c) => c.code)).toEqual(['CXJF']);
    expect(inUse.problems).toEqual([{ zh: '有 1 条保存的自定义指令已损坏，未使用。', en: '1 saved custom instruction(s) were damaged and are not used.' }]);
  });

  it('says so when a stored list or update source is of the wrong type, rather than dropping it unseen', async () => {
    const inUse = await loadCatalogInUse(memoryStorage({ customs: 'oops', updateSource: 'https://updates.example/' }), builtinCatalog());
    expect(inUse.settings).toMatchObject({ customs: [], update: null });
    expect(inUse.problems.map((p) => p.zh)).toEqual(['保存的自定义指令已损坏，未使用；可以重新添加或导入。', '保存的更新源已损坏，现在不检查更新；请重新填写更新源并保存。']);
  });

  it('remembers the province', async () => {
    const storage = memoryStorage();
    const session = await CatalogSession.open(storage, builtinCatalog());
    await session.setProvince('gd');
    expect(storage.data.province).toBe('gd');
    expect((await loadCatalogInUse(storage, builtinCatalog())).settings.province).toBe('gd');
    await session.setProvince(null);
    expect(storage.data).toEqual({});
  });
});

describe('importing and exporting custom instructions', () => {
  const mine = custom({ code: 'CXJF', name: { 'zh-Hans': '查询积分' } });

  it.each([
    [false, { added: 1, replaced: 0, kept: 2 }, '查询积分'],
    [true, { added: 1, replaced: 1, kept: 1 }, '积分（同事版）'],
  ])('replace=%s: new ones added, same-code ones replaced only when asked, identical ones kept', async (replace, counts, cxjfName) => {
    const storage = memoryStorage({ customs: [mine, custom({ code: 'KTXX', name: { en: 'Same' } })] });
    const session = await CatalogSession.open(storage, builtinCatalog());
    const outcome = await session.importCustoms(
      customFile([
        { code: 'CXJF', name: { 'zh-Hans': '积分（同事版）' } },
        { code: 'KTXX', name: { en: 'Same' } },
        { code: 'CXHY', name: { 'zh-Hans': '查询会员' } },
        { code: 'CX HY', name: { en: 'x' } },
      ]),
      replace,
    );
    expect(outcome).toEqual({
      ...counts,
      problems: [{ index: 3, code: 'CX HY', errors: [{ zh: '代码：代码应为 1–16 位字母或数字，例如 CXLL。', en: 'Code: the code must be 1–16 letters or digits, e.g. CXLL.' }] }],
    });
    expect(session.inUse.settings.customs.map((c) => [c.code, c.name['zh-Hans']])).toEqual([
      ['CXJF', cxjfName],
      ['KTXX', 'Same'],
      ['CXHY', '查询会员'],
    ]);
    expect(session.catalog.get('custom:CXHY')).toBeDefined();
  });

  it('refuses a file that is not an export whole, and keeps the list', async () => {
    const storage = memoryStorage({ customs: [mine] });
    const session = await CatalogSession.open(storage, builtinCatalog());
    await expect(session.importCustoms('{"format":"something else"}', false)).rejects.toMatchObject({ code: 'custom.file-wrong-format' });
    expect(storage.data.customs).toEqual([mine]);
  });

  it('exports what it imports, and deletes', async () => {
    const storage = memoryStorage({ customs: [mine] });
    const session = await CatalogSession.open(storage, builtinCatalog());
    const exported = session.exportCustoms(new Date('2026-11-25T00:00:00Z'));
    await session.deleteCustom('cxjf');
    expect(storage.data.customs).toEqual([]);
    expect(session.catalog.get('custom:CXJF')).toBeUndefined();
    expect(await session.importCustoms(exported, false)).toEqual({ added: 1, replaced: 0, kept: 0, problems: [] });
    expect(storage.data.customs).toEqual([mine]);
  });
});

describe('signed catalog updates', () => {
  it('without a source, nothing is fetched and nothing changes', async () => {
    const source = new FakeSource();
    const session = await CatalogSession.open(memoryStorage(), builtinCatalog(), () => source.fetchFile);
    expect(await session.checkNow()).toBeNull();
    expect(source.asked).toEqual([]);
  });

  it('accepts a good full bundle: stored, in use, the floor raised, the result kept', async () => {
    const { storage, session, source, key } = await sessionWithSource();
    await source.publish(nextCatalog(builtin(), V2, 'Changed in V2'), key);
    const result = await session.checkNow(1_000);
    expect(result).toEqual({ at: 1_000, ok: true, zh: `已更新到 ${V2}。`, en: `Updated to ${V2}.` });
    expect(session.inUse.origin).toBe('update');
    expect(session.inUse.base.version).toBe(V2);
    expect(session.catalog.instructions[1]!.summary.en).toBe('Changed in V2');
    expect(storage.data.highestVersion).toBe(V2);
    expect(storage.data.lastCheck).toEqual(result);
    // Read back as a new popup would.
    expect((await loadCatalogInUse(storage, builtinCatalog())).base.version).toBe(V2);
  });

  it('takes the delta from the version in use when the source has one', async () => {
    const { session, source, key } = await sessionWithSource();
    const names = await source.publish(nextCatalog(builtin(), V2), key, [builtin()]);
    await session.checkNow();
    expect(source.asked).toEqual(['index.json', names.deltas[builtin().version]]);
    expect(session.inUse.base.version).toBe(V2);
  });

  it('says when it is up to date, fetching only the index', async () => {
    const { session, source, key } = await sessionWithSource();
    await source.publish(builtin(), key);
    expect(await session.checkNow(5)).toEqual({ at: 5, ok: true, zh: `已是最新（${builtin().version}）。`, en: `Up to date (${builtin().version}).` });
    expect(source.asked).toEqual(['index.json']);
  });

  it.each([
    ['a tampered bundle', async (s: FakeSource, name: string) => s.files.set(name, await tamper(s.files.get(name)!, (json) => (json.trusted.signedAt = '2020-01-01T00:00:00.000Z'))), '更新文件的签名不对'],
    ['a truncated bundle', async (s: FakeSource, name: string) => s.files.set(name, s.files.get(name)!.slice(0, 100)), 'The current instruction catalog stays in use'],
    ['a broken index', async (s: FakeSource) => s.files.set('index.json', new TextEncoder().encode('{"format":')), '更新源的索引文件不完整或不是 JSON'],
    ['a missing bundle', async (s: FakeSource, name: string) => s.files.delete(name), '没有 catalog-'],
  ])('refuses %s with a bilingual message and keeps the catalog in use', async (_, spoil, expected) => {
    const { storage, session, source, key } = await sessionWithSource();
    const { full } = await source.publish(nextCatalog(builtin(), V2), key);
    await spoil(source, full);
    const result = await session.checkNow(7);
    expect(result).toMatchObject({ at: 7, ok: false });
    expect(result!.zh).toMatch(/^指令库更新被拒绝，继续使用当前版本：/);
    expect(result!.en).toMatch(/^The catalog update was refused; the current one stays in use: /);
    expect(`${result!.zh} ${result!.en}`).toContain(expected);
    expect(session.inUse.origin).toBe('builtin');
    expect(storage.data.acceptedCatalog).toBeUndefined();
    expect(storage.data.lastCheck).toEqual(result);
  });

  it('refuses a bundle signed by another key', async () => {
    const { session, source } = await sessionWithSource();
    await source.publish(nextCatalog(builtin(), V2), await generateKeyPair());
    expect((await session.checkNow())!.en).toContain('signed with a key that is not trusted');
    expect(session.inUse.origin).toBe('builtin');
  });

  it('after going back to built-in, still refuses anything older than the highest version accepted', async () => {
    const { storage, session, source, key } = await sessionWithSource();
    await source.publish(nextCatalog(builtin(), V3), key);
    await session.checkNow();
    await session.rollback();
    expect(session.inUse.origin).toBe('builtin');
    expect(storage.data.highestVersion).toBe(V3);
    await source.publish(nextCatalog(builtin(), V2), key);
    expect((await session.checkNow())!.en).toContain(`The update's version ${V2} is not newer than ${V3}, which this device already had`);
    expect(session.inUse.origin).toBe('builtin');
    await source.publish(nextCatalog(builtin(), V3), key);
    expect((await session.checkNow())!.ok).toBe(true);
    expect(session.inUse.base.version).toBe(V3);
  });

  it('a stored update that no longer matches its signature is not used', async () => {
    const { storage, session, source, key } = await sessionWithSource();
    await source.publish(nextCatalog(builtin(), V2), key);
    await session.checkNow();
    (storage.data.acceptedCatalog as { catalog: { instructions: { summary: { en: string } }[] } }).catalog.instructions[1]!.summary.en = 'edited';
    const inUse = await loadCatalogInUse(storage, builtinCatalog());
    expect(inUse.origin).toBe('builtin');
    expect(inUse.problems.map((p) => p.en)).toEqual(['The saved catalog update is damaged; the built-in catalog is in use. Check for updates again.']);
  });

  it('runs one check at a time', async () => {
    const { session, source, key } = await sessionWithSource();
    await source.publish(nextCatalog(builtin(), V2), key);
    const [a, b] = await Promise.all([session.checkNow(), session.checkNow()]);
    expect(a).toEqual(b);
    expect(source.asked.filter((n) => n === 'index.json')).toHaveLength(1);
  });

  it('a new source forgets the last check', async () => {
    const { storage, session } = await sessionWithSource(new FakeSource(), { lastCheck: { at: 1, ok: true, zh: '好', en: 'ok' } });
    await session.setUpdateSource(null);
    expect(storage.data).toEqual({});
  });
});
