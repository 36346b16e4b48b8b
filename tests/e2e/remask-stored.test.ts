import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MASKER_VERSION } from '../../src-shared/catalog/secrets';
import type { CommandRow, MessageRow, MetaRow, PartRow } from '../../src-renderer/store/rows';
import { oddUcs2From, ucs2Hex, udlPlusOne } from '../integration/unreadable-pdu';
import { writeOldLog } from './old-log';
import { browserSuite, readTables, type Served } from './ui-kit';

/*
 * mend56: the page's IndexedDB kept, for good, a sent text the masker of its day left clear (`我的服务密码是一2三4五6`
 * before MASKER_VERSION 4, `…一二三四五六` before 2); a row is replaced only when the core hands that send out again.
 * Now a pass at the log's open masks again every sent text (messages `out`, commands), a step a transaction with its
 * progress, stamped in `meta` `masker` once done. Received texts stay as stored (review47 F0, mend61): a mask in one is
 * no mark that the journal masked it, as a reply with stars of its own (`4401**********1234`) showed, and no row says. Real `hall10086 serve`, Chromium and IndexedDB; the log seeded with IndexedDB itself as schema 6 wrote it.
 * The texts are constructed in the shapes the masker is tested with (tests/unit/catalog/secrets.test.ts), not real.
 */

/** A SIM the server's modems are not, so nothing the app does meanwhile writes to its rows. */
const SIM = '89860000000000000738';
const TABLES = ['messages', 'parts', 'commands', 'sims', 'figures', 'figureQueue', 'meta', 'cleared'] as const;
/** The secrets the seeded rows hold in clear, as an older masker left them. */
const CLEAR = ['一2三4五6', '壹贰叁肆伍陆', '一 二 三 四 五 六', '19491231'];

/** Every table of the log read with IndexedDB itself: which of CLEAR any row of any table holds, with where. */
async function clearSecrets(page: Page): Promise<string[]> {
  const tables = await readTables(page, TABLES);
  return TABLES.flatMap((t) => tables[t].flatMap((row) => CLEAR.filter((s) => JSON.stringify(row).includes(s)).map((s) => `${t}: ${s} in ${JSON.stringify(row)}`)));
}

async function maskerRow(page: Page): Promise<MetaRow | undefined> {
  return (await readTables(page, ['meta'] as const)).meta.find((r) => r.key === 'masker') as MetaRow | undefined;
}

const ours = <T extends { simId: string }>(rows: readonly Record<string, unknown>[]) => (rows as unknown as T[]).filter((r) => r.simId === SIM);

function sent(id: string, text: string, at: number): { command: CommandRow; message: MessageRow } {
  return {
    command: { id, simId: SIM, to: '10086', text, state: 'sent', error: null, messageRefs: [7], createdAt: at, updatedAt: at },
    message: { id: `out:${id}`, simId: SIM, direction: 'out', peer: '10086', text, state: 'sent', at, read: 1, partKeys: [], complete: true, total: 1, received: 1, commandId: id, error: null },
  };
}

function received(key: string, text: string, at: number): { part: PartRow; message: MessageRow } {
  const timestamp = new Date(at).toISOString();
  return {
    part: { key, messageId: `in:${key}`, simId: SIM, from: '10086', text, encoding: 'ucs2', timestamp, receivedAt: at, ref: null, total: 1, part: 1 },
    message: { id: `in:${key}`, simId: SIM, direction: 'in', peer: '10086', text, state: 'received', at, read: 1, timestamp, partKeys: [key], complete: true, total: 1, received: 1 },
  };
}

describe('texts a page stored under an older masker', () => {
  let server: Served;
  let page: Page;
  browserSuite({ artifactPrefix: 'remask-stored-', openApp: false }, (suite) => {
    ({ server, page } = suite);
  });

  it('are masked again at the open: no clear secret in a sent text, received texts as stored (review47 F0), every message kept in its thread and order', async () => {
    const now = Date.now() - 3_600_000;
    // As masker 3 stored them: the typed texts masked where it saw a secret, the rest as typed.
    const c1 = sent('c1', '我的服务密码是一2三4五6', now);
    const c2 = sent('c2', 'MMXG#壹贰叁肆伍陆#******', now + 60_000);
    const c3 = sent('c3', 'YE', now + 120_000);
    // review49 F2 (mend66): as masker 6 stored it, an ID number in dotted groups with its birth date and check group clear.
    const c4 = sent('c4', '补卡 身份证 ******.19491231.002X', now + 150_000);
    // Received texts stay as stored, whatever they hold: one holding a mask may be the journal's (a pending part after a
    // restart, masked by masker 3) or the reply as it came with stars of its own; nothing in the row tells them apart.
    const k1 = received('k1', '验证码：******，服务密码 一 二 三 四 五 六 请勿告知他人', now + 180_000);
    const k2 = received('k2', '尊敬的客户，您的账户余额12.50元。', now + 240_000);
    // review47 F0: the reply as it came, an ID with stars of its own; its new password exists nowhere else.
    const k3 = received('k3', '尊敬的客户，证件号码4401**********1234的机主，您的服务密码已重置为835201，请及时修改。', now + 300_000);
    const messages = [c1, c2, c3, c4, k1, k2, k3].map((r) => r.message);
    await writeOldLog(page, server, {
      schema: 6, messages, simId: SIM, parts: [k1.part, k2.part, k3.part], commands: [c1, c2, c3, c4].map((r) => r.command),
      meta: [{ key: 'sendsHeard', from: now }],
    });
    expect(await clearSecrets(page)).toHaveLength(8);

    await page.goto(await server.link());
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.waitForSelector('.overview');
    await expect.poll(() => maskerRow(page), { timeout: 30_000 }).toEqual({ key: 'masker', version: MASKER_VERSION, table: 'done', after: null });
    // Only the received k1's, as stored (its message and its part).
    expect((await clearSecrets(page)).map((s) => s.split(' in ')[0])).toEqual(['messages: 一 二 三 四 五 六', 'parts: 一 二 三 四 五 六']);

    const after = await readTables(page, TABLES);
    const masked: Record<string, string> = {
      'out:c1': '我的服务密码是******', 'out:c2': 'MMXG#******#******', 'out:c3': 'YE', 'out:c4': '补卡 身份证 ******',
      'in:k1': k1.message.text, 'in:k2': k2.message.text, 'in:k3': k3.message.text,
    };
    // Every message, in its thread (SIM and peer) and order, only its text masked.
    const stored = ours<MessageRow>(after.messages).sort((a, b) => a.at - b.at);
    // A row masked again records the masker that did it (mend63).
    const stamp = (id: string) => (['out:c1', 'out:c2', 'out:c4'].includes(id) ? { masker: MASKER_VERSION } : {});
    expect(stored).toEqual(messages.map((m) => ({ ...m, text: masked[m.id], ...stamp(m.id) })));
    expect(ours<CommandRow>(after.commands)).toEqual([c1, c2, c3, c4].map((r) => ({ ...r.command, text: masked[r.message.id], ...stamp(r.message.id) })));
    expect(ours<PartRow>(after.parts)).toEqual([k1, k2, k3].map((r) => ({ ...r.part, text: masked[r.message.id] })));
  }, 120_000);

  it('goes on from where a page closed mid-way left it: the rows before its mark are not read again, every row after it is masked', async () => {
    const now = Date.now() - 7_200_000;
    const id = (i: number) => `c${String(i).padStart(4, '0')}`;
    // 1,200 sends, more than two steps of the pass, and the mark after the first 500, as a page closed then left it. The
    // rows before the mark hold a text this masker would change (`1 2 3 4 5 6`, masked since version 4): kept as they
    // are, they show the pass went on from the mark rather than from the start.
    const before = '我的服务密码是1 2 3 4 5 6';
    const rows = Array.from({ length: 1200 }, (_, i) => sent(id(i), i < 500 ? before : '我的服务密码是一2三4五6', now + i * 1000));
    // Another table's rows the pass has not reached: masked when it gets there.
    const late = sent('zz', '服务密码是壹贰叁肆伍陆', now + 1_300_000);
    const messages = [...rows, late].map((r) => r.message);
    const mark: MetaRow = { key: 'masker', version: MASKER_VERSION, table: 'messages', after: `out:${id(499)}` };
    await writeOldLog(page, server, { schema: 6, messages, simId: SIM, commands: [...rows, late].map((r) => r.command), meta: [mark] });

    await page.goto(await server.link());
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.waitForSelector('.overview');
    await expect.poll(() => maskerRow(page), { timeout: 60_000 }).toEqual({ ...mark, table: 'done', after: null });
    expect(await clearSecrets(page)).toEqual([]);
    const after = await readTables(page, ['messages', 'commands'] as const);
    const stored = ours<MessageRow>(after.messages).sort((a, b) => a.at - b.at);
    expect(stored.map((m) => m.id)).toEqual(messages.map((m) => m.id));
    expect(stored.map((m) => m.text)).toEqual([...Array(500).fill(before), ...Array(700).fill('我的服务密码是******'), '服务密码是******']);
    // The instructions' table comes after the mark's: walked whole.
    expect(ours<CommandRow>(after.commands).map((c) => c.text)).toEqual([...Array(1200).fill('我的服务密码是******'), '服务密码是******']);
  }, 180_000);

  it('kept unreadable as its whole hex, a password in it, are kept as the journal keeps that PDU now: under their keys, no hex password', async () => {
    const now = Date.now() - 10_800_000;
    // Written for the test in the shape of a reset reply (review30's); no real one the decoder refuses is on record.
    const password = '975310';
    const reset = `尊敬的客户，您的服务密码已重置为${password}，请及时修改。`;
    // As a page stored them before MASKER_VERSION 5, as the journal handed them out: a stray UCS-2 octet (read
    // leniently now) and a UDL one beyond the data (read by nothing), from no sender at no time, every byte kept.
    const stray = oddUcs2From('10086', 0, reset);
    const cut = udlPlusOne(oddUcs2From('10086', 0, reset, ''));
    const unreadable = [['||-|-|-|*', `[PDU pdu.bad-length] ${stray}`], ['||-|-|-|*#2', `[PDU pdu.truncated] ${cut}`]].map(([key, text], i) => {
      const r = received(key!, text!, now + i * 60_000);
      return { part: { ...r.part, from: '', encoding: '8bit' as const, timestamp: '' }, message: { ...r.message, peer: '', timestamp: '' } };
    });
    const messages = unreadable.map((r) => r.message);
    await writeOldLog(page, server, { schema: 6, messages, simId: SIM, parts: unreadable.map((r) => r.part), meta: [{ key: 'sendsHeard', from: now }] });
    const hexPassword = async () => JSON.stringify(await readTables(page, TABLES)).includes(ucs2Hex(password));
    expect(await hexPassword()).toBe(true);

    await page.goto(await server.link());
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.waitForSelector('.overview');
    await expect.poll(() => maskerRow(page), { timeout: 30_000 }).toEqual({ key: 'masker', version: MASKER_VERSION, table: 'done', after: null });
    expect(await hexPassword(), 'the password’s UCS-2 hex left in the log').toBe(false);
    const after = await readTables(page, TABLES);
    expect(JSON.stringify(after)).not.toContain(password);
    const texts = [
      expect.stringMatching(/^\[PDU pdu\.bad-length ud, 格式有误，宽松读出 \/ read leniently, from 10086, sent [0-9A-F]{14}\] 尊敬的客户，您的服务密码已重置为\*{6}，请及时修改。$/),
      `[PDU pdu.truncated] ${cut.replace(ucs2Hex(password), '****'.repeat(6))}`,
    ];
    // Nothing lost or kept twice: each part under its key, each message in its thread and order, only its text changed.
    expect(ours<MessageRow>(after.messages).sort((a, b) => a.at - b.at)).toEqual(messages.map((m, i) => ({ ...m, text: texts[i], masker: MASKER_VERSION })));
    expect(ours<PartRow>(after.parts).sort((a, b) => a.receivedAt - b.receivedAt)).toEqual(unreadable.map((r, i) => ({ ...r.part, text: texts[i], masker: MASKER_VERSION })));
  }, 120_000);
  it('of any kind are masked again when their row records an older masker, never when it records this one, and a received text with no record stays (mend63)', async () => {
    const now = Date.now() - 14_400_000;
    // Constructed: a date-shaped password, which masker 6 left clear (it kept off dates) and masker 7 masks.
    const d1 = received('d1', '尊敬的客户，您的服务密码：2019 12 31，请妥善保管。', now);
    const old = { message: { ...d1.message, masker: MASKER_VERSION - 1 }, part: { ...d1.part, masker: MASKER_VERSION - 1 } };
    // The same text as it came (no record: the thread shows it so, F0), and one this masker is recorded to have masked.
    const d2 = received('d2', '尊敬的客户，您的服务密码：2019 12 31，请妥善保管。', now + 60_000);
    const d3 = received('d3', '尊敬的客户，您的服务密码：2019 12 31，请妥善保管。', now + 120_000);
    const mine = { message: { ...d3.message, masker: MASKER_VERSION }, part: { ...d3.part, masker: MASKER_VERSION } };
    const s1 = sent('s1', 'MMXG 2019 12 31', now + 180_000);
    const s1Old = { message: { ...s1.message, masker: MASKER_VERSION - 1 }, command: { ...s1.command, masker: MASKER_VERSION - 1 } };
    const messages = [old.message, d2.message, mine.message, s1Old.message];
    await writeOldLog(page, server, {
      schema: 6, messages, simId: SIM, parts: [old.part, d2.part, mine.part], commands: [s1Old.command],
      meta: [{ key: 'sendsHeard', from: now }, { key: 'masker', version: MASKER_VERSION - 1, table: 'done', after: null }],
    });

    await page.goto(await server.link());
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.waitForSelector('.overview');
    await expect.poll(() => maskerRow(page), { timeout: 30_000 }).toEqual({ key: 'masker', version: MASKER_VERSION, table: 'done', after: null });
    const after = await readTables(page, ['messages', 'parts', 'commands'] as const);
    const byId = new Map(ours<MessageRow>(after.messages).map((m) => [m.id, m]));
    expect(byId.get('in:d1')).toEqual({ ...old.message, text: '尊敬的客户，您的服务密码：******，请妥善保管。', masker: MASKER_VERSION });
    expect(byId.get('in:d2')).toEqual(d2.message);
    expect(byId.get('in:d3')).toEqual(mine.message);
    expect(byId.get('out:s1')).toEqual({ ...s1Old.message, text: 'MMXG ****** ******', masker: MASKER_VERSION });
    const parts = new Map(ours<PartRow>(after.parts).map((p) => [p.key, p]));
    expect(parts.get('d1')).toEqual({ ...old.part, text: '尊敬的客户，您的服务密码：******，请妥善保管。', masker: MASKER_VERSION });
    expect(parts.get('d2')).toEqual(d2.part);
    expect(ours<CommandRow>(after.commands)).toEqual([{ ...s1Old.command, text: 'MMXG ****** ******', masker: MASKER_VERSION }]);
  }, 120_000);

  it('masked again by one tab are dropped from what another open tab holds of them: its search no longer finds the clear secret (mend63)', async () => {
    const now = Date.now() - 18_000_000;
    const s1 = sent('t1', '我的服务密码是 2019 12 31', now);
    // This masker's pass is done: the first tab runs none, and loads the clear text into its search.
    await writeOldLog(page, server, {
      schema: 6, messages: [s1.message], simId: SIM, commands: [s1.command],
      meta: [{ key: 'sendsHeard', from: now }, { key: 'masker', version: MASKER_VERSION, table: 'done', after: null }],
    });
    await page.goto(await server.link());
    await page.evaluate(() => (location.hash = '#/thread'));
    await page.waitForSelector('.thread-header');
    await page.click('.thread-header > button');
    const search = async (q: string) => {
      await page.fill('.log-search input', q);
      return (await page.waitForSelector(`.log-search .result-count[data-query="${q}"]`, { timeout: 30_000 })).getAttribute('class');
    };
    await search('2019 12 31');
    expect(await page.locator('.log-search .log-result').count()).toBe(1);
    await search('服务密码');

    // As a newer version's first open finds it: its masker's pass not run. A second tab opens the app and runs it.
    await page.evaluate(
      (row) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('hall10086-log');
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put(row);
            tx.oncomplete = () => (open.result.close(), done());
            tx.onerror = () => fail(tx.error);
          };
          open.onerror = () => fail(open.error);
        }),
      { key: 'masker', version: MASKER_VERSION - 1, table: 'done', after: null },
    );
    const other = await page.context().newPage();
    await other.goto(await server.link());
    await expect.poll(() => maskerRow(page), { timeout: 30_000 }).toEqual({ key: 'masker', version: MASKER_VERSION, table: 'done', after: null });
    expect((await readTables(page, ['messages'] as const)).messages.find((m) => m.id === 'out:t1')).toMatchObject({ text: '我的服务密码是 ******' });
    await other.close();

    // The first tab, never reloaded, searches its held text again.
    await search('2019 12 31');
    expect(await page.locator('.log-search .log-result').count()).toBe(0);
  }, 120_000);
});
