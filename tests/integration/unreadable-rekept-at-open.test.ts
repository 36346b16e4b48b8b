import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../src-main/core';
import { interpretPdu, unreadableMessage, type Unreadable } from '../../src-main/services/modem/incoming';
import { encodeLine, Journal, type JournalRecord } from '../../src-main/services/journal';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { oddUcs2From, ucs2Hex, udlPlusOne } from './unreadable-pdu';

/*
 * mend59: before MASKER_VERSION 5 a part the decoder refused was journaled as `[PDU code] <hex>`, every byte: a reset
 * password in it spelled `003900370035…`, on disk for as long as the part lived, since no mask finds a secret in hex.
 * Two such parts, as the version before mend58 wrote them (a stray UCS-2 octet, read leniently now; a UDL one beyond the
 * data, read by nothing), both still on the SIM and pending. The reply's wording is written for the test in the shape
 * of a reset reply (review30's); no real one the decoder refuses is on record.
 */
const PASSWORD = '975310';
const RESET = `尊敬的客户，您的服务密码已重置为${PASSWORD}，请及时修改。`;
const SIM = '89860012345670002828';
const AT = Date.UTC(2026, 11, 5, 8, 1, 30);
const STRAY = oddUcs2From('10086', 0, RESET);
const CUT = udlPlusOne(oddUcs2From('10086', 0, RESET, ''));
const PARTS = [
  { pdu: STRAY, code: 'pdu.bad-length', slot: 'SM:3', key: '||-|-|-|*' },
  { pdu: CUT, code: 'pdu.truncated', slot: 'SM:4', key: '||-|-|-|*#2' },
];

/** The log as a version before mend58 left it: stamped masked by its masker, the two parts' bytes whole. */
async function olderLog(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-rekept-'));
  dirs.push(dir);
  const records: JournalRecord[] = [
    { kind: 'masked', by: '0123456789abcdef' },
    ...PARTS.map(({ pdu, code, slot, key }, n): JournalRecord => ({
      kind: 'in', key, simId: SIM, from: '', text: `[PDU ${code}] ${pdu}`, encoding: '8bit', timestamp: '', receivedAt: AT + n, concat: null, slot,
    })),
  ];
  await writeFile(join(dir, 'journal.log'), Buffer.concat(records.map(encodeLine)));
  expect(await readFile(join(dir, 'journal.log'), 'utf8'), 'the older log spells the password in hex').toContain(ucs2Hex(PASSWORD));
  return dir;
}

const dirs: string[] = [];
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const mask = (text: string) => builtinCatalog().maskSecrets(text);

/** What a read of that PDU from its slot journals now (StoredMessages: interpretPdu, then unreadableMessage). */
function readNow(pdu: string) {
  const read = interpretPdu(pdu, SIM, new Date(AT + 60_000)) as Unreadable;
  expect(read.kind).toBe('unreadable');
  const ingested = unreadableMessage(read, SIM, new Date(AT + 60_000), mask);
  if (ingested.kind !== 'message') throw new Error('not a message');
  return ingested.message;
}

const LENIENT = new RegExp(`^\\[PDU pdu.bad-length ud, 格式有误，宽松读出 / read leniently, from 10086, sent [0-9A-F]{14}\\] 尊敬的客户，您的服务密码已重置为\\*{6}，请及时修改。$`);
const HIDDEN = `[PDU pdu.truncated] ${CUT.replace(ucs2Hex(PASSWORD), '****'.repeat(6))}`;

describe('an unreadable part an older version journaled as its whole hex, a password in it', () => {
  it('is kept at the real core’s open as a read of it keeps it now: no password on disk, the message still pending', async () => {
    const dir = await olderLog();
    const log = join(dir, 'journal.log');
    const core = await HallCore.create({ dataDir: dir, demo: false });
    // Nothing lost: both parts wait for the page, under their keys, readable (the first) or kept as bytes (the second).
    const { incoming } = await core.call('journal.pending', {});
    // The pass at open holds the log until it has written it: closed, the log is as the pass left it.
    await core.close();
    const onDisk = await readFile(log, 'utf8');
    expect(onDisk).not.toContain(ucs2Hex(PASSWORD));
    expect(onDisk).not.toContain(PASSWORD);
    expect(onDisk).toContain('尊敬的客户，您的服务密码已重置为******，请及时修改。');
    expect(incoming.map((r) => r.key)).toEqual(PARTS.map((p) => p.key));
    expect(incoming[0]!.text).toMatch(LENIENT);
    expect(incoming[1]!.text).toBe(HIDDEN);
    // Read back by the next open as written.
    const again = await Journal.open(dir);
    expect(again.pendingIncoming().map((r) => [r.key, r.text])).toEqual(incoming.map((r) => [r.key, r.text]));
    await again.close();
  }, 60_000);

  it('is, read again from its slot after the open, the part journaled, not a second one', async () => {
    const dir = await olderLog();
    const journal = await Journal.open(dir);
    cleanup.push(() => journal.close());
    for (const { pdu, slot, key } of PARTS) {
      expect(await journal.appendIncoming(readNow(pdu), { slot })).toEqual({ added: false, key });
    }
    expect(journal.pendingIncoming().map((r) => [r.key, r.text])).toEqual([[PARTS[0]!.key, expect.stringMatching(LENIENT)], [PARTS[1]!.key, HIDDEN]]);
  });
});
