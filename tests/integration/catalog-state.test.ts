import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishUpdate } from '../../src-main/services/catalog-update';
import { catalogHash, encodeCatalog, generateKeyPair, INDEX_FILE, INDEX_FORMAT, type KeyPair } from '../../src-shared/bundle';
import type { Catalog } from '../../src-shared/catalog/schema';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { exportCustomFile } from '../../src-shared/catalog/custom/file';
import { isHallError } from '../../src-shared/errors';
import type { OutgoingRecord } from '../../src-shared/api/contract';
import { demoCores } from './demo-core-kit';
import { signRaw } from '../unit/bundle/bundle-kit';

const cores = demoCores('hall-catalog-');
const start = () => cores.start();
const restart = () => cores.restart();

const LIUL = { code: 'CXLLB', template: 'CXLLB', name: { 'zh-Hans': '查询流量包明细' }, notes: { en: 'Lists the data packages of this line' } };

/**
 * A full bundle signed by `key` whatever the catalog holds, with its index: a maintainer whose key
 * was stolen, or who turned, needs none of our publishing tools (which check the catalog first).
 */
async function publishUnchecked(dir: string, catalog: Catalog, key: KeyPair): Promise<void> {
  const trusted = { version: catalog.version, date: catalog.date, signedAt: '2099-01-01T00:00:00Z', target: await catalogHash(catalog) };
  const name = `catalog-${catalog.version}.full.json.gz`;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), await signRaw({ kind: 'full', trusted, payload: encodeCatalog(catalog) }, key));
  await writeFile(join(dir, INDEX_FILE), JSON.stringify({ format: INDEX_FORMAT, latest: catalog.version, full: name, deltas: {} }));
}

async function sentOnce(c: Awaited<ReturnType<typeof start>>, send: () => Promise<unknown>): Promise<[string, string][]> {
  const outgoing: OutgoingRecord[] = [];
  c.on('outgoing', (o) => outgoing.push(o));
  await send();
  await new Promise<void>((r) => {
    const t = setInterval(() => outgoing.some((o) => o.state === 'sent') && (clearInterval(t), r()), 10);
  });
  return c.demo!.emulator.sent.map((s) => [s.part.number, s.part.text]);
}

async function failure(p: Promise<unknown>): Promise<{ code: string; zh: string; en: string }> {
  try {
    await p;
  } catch (e) {
    if (isHallError(e)) return { code: e.code, zh: e.zh, en: e.en };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the catalog in use: province, the user’s own instructions, signed updates', () => {
  it('starts on the built-in catalog with no province and no custom instructions', async () => {
    const c = await start();
    const view = await c.call('catalog.state', {});
    expect(view).toMatchObject({ origin: 'builtin', version: builtinCatalog().data.version, province: null, customs: [] });
    expect(view.provinces).toHaveLength(31);
    expect(view.catalog.instructions).toHaveLength(builtinCatalog().instructions.length);
  });

  it('finds, composes and sends a custom instruction, and keeps it across a restart', async () => {
    let c = await start();
    await c.call('custom.save', { entry: LIUL });
    expect((await c.call('catalog.search', { query: '流量包明细' }))[0]!.id).toBe('custom:CXLLB');
    expect((await c.call('catalog.search', { query: 'cxllb' }))[0]!.id).toBe('custom:CXLLB');
    c = await restart();
    const outgoing: OutgoingRecord[] = [];
    c.on('outgoing', (o) => outgoing.push(o));
    await c.call('send', { modemId: 'demo', id: 'custom:CXLLB' });
    await new Promise<void>((r) => {
      const t = setInterval(() => outgoing.some((o) => o.state === 'sent') && (clearInterval(t), r()), 10);
    });
    expect(c.demo!.emulator.sent.map((s) => [s.part.number, s.part.text])).toEqual([['10086', 'CXLLB']]);
  });

  it('refuses a bad custom instruction field by field, in both languages, and changes nothing', async () => {
    const c = await start();
    const refused = await failure(c.call('custom.save', { entry: { code: 'BAD CODE!', name: { en: 'x' } } }));
    expect(refused.code).toMatch(/^custom\./);
    expect(refused.zh).toMatch(/代码/);
    expect(refused.en).toMatch(/Code/);
    expect((await c.call('catalog.state', {})).customs).toEqual([]);
  });

  it('imports a colleague’s file: good entries in, bad ones reported, duplicates kept unless replacing', async () => {
    const c = await start();
    await c.call('custom.save', { entry: LIUL });
    const file = JSON.parse(exportCustomFile([{ ...LIUL, to: '10086', name: { 'zh-Hans': '流量包', 'zh-Hant': '流量包', en: 'Data packs' }, confirm: false } as never]));
    file.instructions.push({ code: 'KTWXB', name: { 'zh-Hans': '开通无线宝' } }, { code: '', name: {} });
    const kept = await c.call('custom.import', { text: JSON.stringify(file), replace: false });
    expect(kept).toMatchObject({ added: 1, replaced: 0, kept: 1 });
    expect(kept.problems).toHaveLength(1);
    expect(kept.problems[0]!.errors[0]!.zh).toBeTruthy();
    const replaced = await c.call('custom.import', { text: JSON.stringify(file), replace: true });
    expect(replaced).toMatchObject({ added: 0, replaced: 1 });
    expect((await c.call('catalog.state', {})).customs.map((x) => x.code).sort()).toEqual(['CXLLB', 'KTWXB']);
    expect(await failure(c.call('custom.import', { text: 'not json', replace: false }))).toMatchObject({ code: 'custom.file-not-json' });
  });

  it('keeps a damaged custom file aside instead of losing it', async () => {
    await writeFile(join(await cores.makeDir(), 'custom-instructions.json'), '{"format":"hall10086.custom-instructions","version":1,"instr');
    const c = await start();
    expect(c.startupProblems.map((p) => p.en).join()).toMatch(/could not be read.*kept as/);
    // The UI asks for them when it connects, and shows them once.
    expect((await c.call('core.startupNotices', {})).map((n) => n.zh).join()).toMatch(/自定义指令文件无法读取/);
    expect((await c.call('catalog.state', {})).customs).toEqual([]);
  });

  it('remembers the province', async () => {
    let c = await start();
    expect((await c.call('catalog.setProvince', { province: 'gd' })).province).toBe('gd');
    c = await restart();
    expect((await c.call('catalog.state', {})).province).toBe('gd');
  });

  it('applies a signed update from a folder, refuses a tampered one and keeps custom instructions; rolls back', async () => {
    const c = await start();
    await c.call('custom.save', { entry: LIUL });
    const key = await generateKeyPair();
    const source = join(cores.dir, 'updates');
    const next = structuredClone(builtinCatalog().data);
    next.version = '2099.01.01-1';
    next.instructions[0]!.summary.en = 'Updated wording';
    await publishUpdate(source, next, [builtinCatalog().data], key);
    expect(await failure(c.call('catalog.setUpdateSource', { source, publicKey: null }))).toMatchObject({ code: 'update.key-required' });
    await c.call('catalog.setUpdateSource', { source, publicKey: key.publicKey });
    const updated = await c.call('catalog.checkUpdate', {});
    expect(updated).toMatchObject({ origin: 'update', version: '2099.01.01-1', update: { lastCheck: { ok: true } } });
    expect(updated.catalog.instructions[0]!.summary.en).toBe('Updated wording');
    expect(updated.customs.map((x) => x.code)).toEqual(['CXLLB']);

    // The same source now serves a bundle signed by someone else: refused, the update stays in use.
    const intruder = await generateKeyPair();
    const newer = { ...next, version: '2099.02.01-1' };
    await rm(source, { recursive: true });
    await publishUpdate(source, newer, [next], intruder);
    const refused = await c.call('catalog.checkUpdate', {});
    expect(refused).toMatchObject({ version: '2099.01.01-1', update: { lastCheck: { ok: false } } });
    expect(refused.update.lastCheck!.zh.length).toBeGreaterThan(0);

    const back = await c.call('catalog.rollback', {});
    expect(back).toMatchObject({ origin: 'builtin', version: builtinCatalog().data.version });
    expect(back.customs.map((x) => x.code)).toEqual(['CXLLB']);
    expect(JSON.parse(await readFile(join(cores.dir, 'catalog-settings.json'), 'utf8')).update.source).toBe(source);
  });

  it('refuses a signed update that sends an instruction to another number than 10086: YE still goes to 10086', async () => {
    const c = await start();
    const key = await generateKeyPair();
    const source = join(cores.dir, 'updates');
    const next = structuredClone(builtinCatalog().data);
    next.version = '2099.01.01-1';
    next.instructions.find((e) => e.id === 'YE')!.to = '10661234';
    await publishUnchecked(source, next, key);
    await c.call('catalog.setUpdateSource', { source, publicKey: key.publicKey });
    const checked = await c.call('catalog.checkUpdate', {});
    expect(checked).toMatchObject({ origin: 'builtin', version: builtinCatalog().data.version, update: { lastCheck: { ok: false } } });
    expect(checked.update.lastCheck!.en).toMatch(/not China Mobile service numbers \(YE → 10661234\)/);
    expect(checked.update.lastCheck!.zh).toMatch(/YE → 10661234/);
    expect(await sentOnce(c, () => c.call('send', { modemId: 'demo', id: 'YE' }))).toEqual([['10086', 'YE']]);
  });

  it('asks before anything goes to a number that is not a service port: an imported custom instruction, free text; never on a schedule', async () => {
    const c = await start();
    // A colleague's file: looks like a data query, goes to a paid number, and says it needs no confirmation.
    const file = JSON.parse(exportCustomFile([{ ...LIUL, to: '10661234', name: { 'zh-Hans': '查流量包', 'zh-Hant': '查流量包', en: 'Data packs' }, confirm: false } as never]));
    expect(await c.call('custom.import', { text: JSON.stringify(file), replace: false })).toMatchObject({ added: 1 });
    const entry = (await c.call('catalog.state', {})).catalog.instructions.find((e) => e.id === 'custom:CXLLB')!;
    expect(entry.risk).toMatchObject({ confirm: true, reason: { en: expect.stringMatching(/10661234.*not a China Mobile service number/) } });

    const unconfirmed = [
      c.call('send', { modemId: 'demo', id: 'custom:CXLLB' }),
      c.call('send', { modemId: 'demo', text: 'CXLLB' }),
      c.call('send', { modemId: 'demo', text: 'hello', to: '10661234' }),
    ];
    for (const refused of unconfirmed) expect(await failure(refused)).toMatchObject({ code: 'send.confirm-required', en: expect.stringMatching(/10661234/) });
    const schedule = { simId: 'x', enabled: true, instructions: ['custom:CXLLB'], time: '08:00', jitterMinutes: 0, quiet: null };
    expect(await failure(c.call('schedules.set', { schedule }))).toMatchObject({ code: 'schedule.not-allowed' });
    expect(c.demo!.emulator.sent).toEqual([]);

    expect(await sentOnce(c, () => c.call('send', { modemId: 'demo', id: 'custom:CXLLB', confirmed: true }))).toEqual([['10661234', 'CXLLB']]);
    // 10086 written the international way (as a reply's sender may be) is still 10086: a menu answer goes without asking.
    await c.call('send', { modemId: 'demo', text: '1', to: '+8610086' });
  });

  it('asks before an imported custom instruction whose SMS is a risky instruction, whatever it is called; never on a schedule', async () => {
    const c = await start();
    // A colleague's file: "查余额" that sends TJ (suspends the line), marked as needing no confirmation; and
    // "查积分" whose SMS, once its two values are filled in, is a password change.
    const entries = [
      { code: 'TJ', name: { 'zh-Hans': '查余额', 'zh-Hant': '查餘額', en: 'Balance' }, confirm: false },
      { code: 'MMXG', template: 'MMXG#{password}#{password2}', name: { 'zh-Hans': '查积分', 'zh-Hant': '查積分', en: 'Points' }, confirm: false },
    ];
    const file = JSON.parse(exportCustomFile(entries as never));
    expect(await c.call('custom.import', { text: JSON.stringify(file), replace: false })).toMatchObject({ added: 2 });
    const entry = (await c.call('catalog.state', {})).catalog.instructions.find((e) => e.id === 'custom:TJ')!;
    expect(entry.risk).toMatchObject({ confirm: true, reason: { 'zh-Hans': expect.stringContaining('停机') } });

    expect(await failure(c.call('send', { modemId: 'demo', id: 'custom:TJ' }))).toMatchObject({ code: 'send.confirm-required', zh: expect.stringContaining('停机') });
    const points = { password: '135790', password2: '246802' };
    expect(await failure(c.call('send', { modemId: 'demo', id: 'custom:MMXG', params: points }))).toMatchObject({ code: 'send.confirm-required' });
    const schedule = { simId: 'x', enabled: true, instructions: ['custom:TJ'], time: '08:00', jitterMinutes: 0, quiet: null };
    expect(await failure(c.call('schedules.set', { schedule }))).toMatchObject({ code: 'schedule.not-allowed' });
    expect(c.demo!.emulator.sent).toEqual([]);
    expect(await sentOnce(c, () => c.call('send', { modemId: 'demo', id: 'custom:TJ', confirmed: true }))).toEqual([['10086', 'TJ']]);
  });

  it('asks with the risky instruction’s own reason for one whose template ends in a blank-looking letter the SMS drops', async () => {
    const c = await start();
    // review38: "TJ" + U+2800 (a Braille blank, drawn as a space) is not TJ to the recogniser, but the SMS is TJ: the
    // blank at the end is trimmed like a space. Named 查余额 and marked "no confirmation" in a colleague's file.
    const entries = [
      { code: 'TJ', template: 'TJ\u2800', name: { 'zh-Hans': '查余额', 'zh-Hant': '查餘額', en: 'Balance' }, confirm: false },
      { code: 'QXGPRS', template: 'QXGPRS \u3164', name: { 'zh-Hans': '查流量', 'zh-Hant': '查流量', en: 'Data left' }, confirm: false },
    ];
    expect(await c.call('custom.import', { text: exportCustomFile(entries as never), replace: false })).toMatchObject({ added: 2 });
    const { instructions } = (await c.call('catalog.state', {})).catalog;
    expect(instructions.find((e) => e.id === 'custom:TJ')!.risk).toMatchObject({ confirm: true, reason: { 'zh-Hans': expect.stringContaining('停机') } });
    expect(instructions.find((e) => e.id === 'custom:QXGPRS')!.risk).toMatchObject({ confirm: true, reason: { 'zh-Hans': expect.stringContaining('移动数据') } });
    expect(await failure(c.call('send', { modemId: 'demo', id: 'custom:TJ' }))).toMatchObject({ code: 'send.confirm-required', zh: expect.stringContaining('停机') });
    const schedule = { simId: 'x', enabled: true, instructions: ['custom:QXGPRS'], time: '08:00', jitterMinutes: 0, quiet: null };
    expect(await failure(c.call('schedules.set', { schedule }))).toMatchObject({ code: 'schedule.not-allowed' });
    expect(c.demo!.emulator.sent).toEqual([]);
    expect(await sentOnce(c, () => c.call('send', { modemId: 'demo', id: 'custom:TJ', confirmed: true }))).toEqual([['10086', 'TJ']]);
  });
});
