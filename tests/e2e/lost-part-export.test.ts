import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { ptyRig, until } from '../integration/pty-rig';
import { FAST } from '../integration/session-kit';
import { splitText } from '../../src-shared/pdu/split';
import { ucs2Hex, unreadableFrom } from '../integration/unreadable-pdu';
import { readLog, servedFolders } from './ui-kit';

/**
 * A long reply whose part holding the rest of a password never comes, received over a real
 * pseudo-terminal with serialport's native binding into a journal; then `hall10086 serve` on that
 * data folder, the page storing the part in real IndexedDB, and the log exported from the Settings page.
 */

const PASSWORD = '357108';
// Written for this test in the shape of a reset reply (no real one long enough to be split is on
// record): 63 characters before the password, so a UCS-2 part of 67 ends after its first four digits.
const LEAD = '尊敬的客户，您好！您于今日通过短信申请重置手机服务密码，系统已经为您办理完成，非常感谢您的支持和信任！您的新服务密码现已重置为';
const RESET = `${LEAD}${PASSWORD}，请妥善保管并尽快修改。如非本人操作，请立即拨打10086咨询。【中国移动】`;

const { cleanup, open } = servedFolders();

describe('exporting the log', () => {
  it('gives a long reply whose other part never came with no piece of the password it cuts off (CSV and JSON)', async () => {
    const { exported, parts } = await exportAfterLosing(RESET, 2);
    expect(parts[0]!.text.endsWith(`重置为${PASSWORD.slice(0, 4)}`)).toBe(true);
    for (const file of exported) {
      expect(file).toContain(`${LEAD}******`);
      expect(file).not.toContain(PASSWORD.slice(0, 4));
    }
    const [row] = (JSON.parse(exported[1]!) as { messages: Array<{ complete: boolean; partsReceived: number; partsTotal: number }> }).messages.filter((m) => !m.complete);
    expect(row).toMatchObject({ partsReceived: 1, partsTotal: 2 });
  });

  it('keeps the figures of a real reply that names no secret at the cut of the part that never came', async () => {
    // Real (real-dev.json, boss-2012-freeres-day): six parts; its only 证 is in WLAN自动认证流量.
    const real = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/replies/real-dev.json'), 'utf8')) as { id: string; text: string }[];
    const { exported, parts } = await exportAfterLosing(real.find((x) => x.id === 'boss-2012-freeres-day')!.text, 3);
    expect(parts.find((p) => p.concat?.part === 2)!.text.endsWith('WLAN时长为632')).toBe(true);
    for (const file of exported) expect(file).toContain('WLAN时长为632');
  });

  it('keeps a reply the decoder refused, whose bytes spell a password, as its text read leniently and masked: in the journal, the page and exports (review30, mend33)', async () => {
    // One slot, so the one message that cannot be read fills it: journaled, then deleted (review16).
    const emulator = new ModemEmulator({ ...FAST, capacity: { SM: 1, ME: 0 } });
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    // Written for this test in the shape of a reset reply, as RESET above.
    const pdu = unreadableFrom('10086', 0, `尊敬的客户，您的服务密码已重置为${PASSWORD}，请及时修改。`);
    expect(pdu).toContain(ucs2Hex(PASSWORD));
    emulator.deliverPdu(pdu);
    await until(() => r.incoming.length === 1, 'the unreadable reply journaled');
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    const { exported, log } = await exportFrom(r);
    // Before (review30), the journal, the page's IndexedDB and its thread kept `[PDU pdu.unsupported] 0891…0033003500370031…`.
    const atRest = [JSON.stringify(log), (await readFile(join(r.dir, 'journal.log'))).toString('latin1')];
    for (const kept of [...atRest, ...exported]) {
      expect(kept.toUpperCase()).not.toContain(ucs2Hex(PASSWORD));
      expect(kept).not.toContain(PASSWORD);
    }
    // The user still has the message: its text, the password masked, marked as read leniently and why.
    expect(log.parts.map((p) => p.text)).toContainEqual(
      expect.stringMatching(/^\[PDU pdu\.unsupported dcs, 格式有误，宽松读出 \/ read leniently, from 10086, sent [0-9A-F]{14}\] 尊敬的客户，您的服务密码已重置为\*{6}，请及时修改。$/),
    );
    for (const file of exported) expect(file).toContain('尊敬的客户，您的服务密码已重置为******，请及时修改。');
  });

  /** `text` received over a real pty with part `lost` dropped, stored by the page, then exported as CSV and JSON. */
  async function exportAfterLosing(text: string, lost: number) {
    const emulator = new ModemEmulator(FAST);
    const r = await ptyRig(emulator, cleanup);
    await r.open();
    emulator.fault({ kind: 'drop-part', part: lost });
    emulator.deliver('10086', text);
    const total = splitText(text).parts.length;
    await until(() => r.incoming.length === total - 1, 'the parts that come journaled');
    await until(() => emulator.sim.messages.length === 0, 'the SIM emptied');
    const parts = [...r.incoming];
    return { ...(await exportFrom(r)), parts };
  }

  /** What `r` journaled, stored by the page from `hall10086 serve` on its data folder, then exported as CSV and JSON. */
  async function exportFrom(r: Awaited<ReturnType<typeof ptyRig>>) {
    const parts = [...r.incoming];
    await r.journal.close();

    const { server, page } = await open(r.dir);
    // The page stores the parts as they came (its thread shows them to its user) and acknowledges them.
    await expect.poll(async () => (await readLog(page)).parts.filter((p) => parts.some((x) => x.key === p.key)).length, { timeout: 45_000 }).toBe(parts.length);
    const log = await readLog(page);

    await page.goto(`${server.base}#/settings`);
    await page.waitForSelector('#province');
    const exported: string[] = [];
    for (const name of ['导出 CSV', '导出 JSON']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      exported.push(await readFile((await download.path())!, 'utf8'));
    }
    return { exported, log };
  }
});
