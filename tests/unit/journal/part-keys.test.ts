import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { encodeLine, Journal } from '../../../src-main/services/journal';
import { crc32Hex } from '../../../src-shared/crc32';
import { logPath, useTempDirs } from './journal-test-kit';
import { withPartKeysMoved } from '../../../src-main/services/journal/part-keys';
import { JournalState } from '../../../src-main/services/journal/journal-state';
import type { IncomingRecord, JournalRecord } from '../../../src-shared/journal-records';
import { longPart } from '../../fixtures/long-part';

const TS = '2026-12-06T08:00:07+08:00';
const part = (key: string, text: string): IncomingRecord => longPart(key, 1, text, 1, { timestamp: TS, concat: { ref: 77, total: 2, part: 1 }, slot: 'SM:0' });
const OLD_A = `10086|${TS}|77|2|1|ab5463e3`;
const OLD_B = `10086|${TS}|77|2|1|0badf00d`;

describe('withPartKeysMoved (a journal written before review18)', () => {
  it('moves each old part key, numbering after the keys the file remembers, in every line that names it', () => {
    const records: JournalRecord[] = [
      // Remembered at rest by review17 (`…|*`): a pending part must not be taken for it.
      { kind: 'seen', keys: [[`10086|${TS}|77|2|1|*`, 1]] },
      part(OLD_A, '尊敬的客户，您的服务密码已重置为357108'),
      part(OLD_B, '尊敬的客户，您本月已使用国内流量1.20GB'),
      { kind: 'gone', keys: [OLD_A] },
      { kind: 'ack', keys: [OLD_A, `10086|${TS}|77|2|2|12345678`], at: 2 },
    ];
    const { records: moved, moved: map } = withPartKeysMoved(records);
    expect([...map]).toEqual([
      [OLD_A, `10086|${TS}|77|2|1|*#2`],
      [OLD_B, `10086|${TS}|77|2|1|*#3`],
    ]);
    const text = JSON.stringify(moved);
    for (const crc of ['ab5463e3', '0badf00d', '12345678']) expect(text).not.toContain(crc);
    const state = JournalState.replay(moved);
    // B still pending and held; A acknowledged and kept; the remembered key still remembered.
    expect([...state.pending.keys()]).toEqual([`10086|${TS}|77|2|1|*#3`]);
    expect([...state.kept.keys()]).toEqual([`10086|${TS}|77|2|1|*#2`]);
    expect(state.known.has(`10086|${TS}|77|2|1|*`)).toBe(true);
  });

  it('moves a single SMS\'s old key too (review19): two texts of one second pending under their checksums become `…|*` and `…|*#2`', () => {
    const single = (key: string, text: string): IncomingRecord => ({ ...part(key, text), concat: null });
    const records: JournalRecord[] = [
      single(`10086|${TS}|-|-|-|11111111`, '您的验证码为482913'),
      single(`10086|${TS}|-|-|-|22222222`, '您的余额为35.20元'),
      { kind: 'ack', keys: [`10086|${TS}|-|-|-|22222222`], at: 2 },
    ];
    const { records: moved, moved: map } = withPartKeysMoved(records);
    expect([...map.values()]).toEqual([`10086|${TS}|-|-|-|*`, `10086|${TS}|-|-|-|*#2`]);
    expect(JSON.stringify(moved)).not.toMatch(/11111111|22222222/);
    const state = JournalState.replay(moved);
    expect([...state.pending.values()].map((r) => [r.key, r.text])).toEqual([[`10086|${TS}|-|-|-|*`, '您的验证码为482913']]);
    expect(state.held.size).toBe(2);
  });

  it('rests old part keys remembered in seen lines; leaves a journal without any as it is', () => {
    const old: JournalRecord[] = [{ kind: 'seen', keys: [[OLD_A, 1]] }];
    expect(withPartKeysMoved(old).records).toEqual([{ kind: 'seen', keys: [[`10086|${TS}|77|2|1|*`, 1]] }]);
    // A single SMS's key remembered before review17 rested it too (review19), not at the next compaction only.
    const single: JournalRecord[] = [{ kind: 'seen', keys: [[`10086|${TS}|-|-|-|ab5463e3`, 1]] }];
    expect(withPartKeysMoved(single).records).toEqual([{ kind: 'seen', keys: [[`10086|${TS}|-|-|-|*`, 1]] }]);
    const now: JournalRecord[] = [{ kind: 'seen', keys: [[`10086|${TS}|-|-|-|*`, 1]] }];
    expect(withPartKeysMoved(now).records).toEqual(now);
  });
});

describe('a part moved at an upgrade, named with its old key until acknowledged (journal21)', () => {
  const tempDir = useTempDirs();
  const CODE = '您的验证码为482913';
  const oldKey = `10086|${TS}|-|-|-|${crc32Hex(new TextEncoder().encode(CODE))}`;

  it('is named so at every start, acknowledged by that key, and no checksum is written', async () => {
    const dir = await tempDir();
    await writeFile(logPath(dir), encodeLine({ ...part(oldKey, CODE), concat: null }), { mode: 0o600 });
    const upgraded = await Journal.open(dir);
    expect(upgraded.pendingIncoming().map((r) => [r.key, r.maybeStoredAs])).toEqual([[`10086|${TS}|-|-|-|*`, oldKey]]);
    await upgraded.close();
    expect(await readFile(logPath(dir), 'utf8')).not.toContain(oldKey.slice(-8));
    // The next start, no page having caught up: the code is masked at rest since mend41, and the checksum of its clear
    // text, which names it as much, is not written: not named any more, but still pending and acknowledged by that key.
    const next = await Journal.open(dir);
    expect(next.pendingIncoming().map((r) => [r.text.includes('******'), r.maybeStoredAs])).toEqual([[true, undefined]]);
    await next.compact();
    expect(await readFile(logPath(dir), 'utf8')).not.toContain(oldKey.slice(-8));
    // A page acknowledging by the key it holds it under.
    await next.ack([oldKey]);
    expect(next.pendingIncoming()).toEqual([]);
    await next.close();
  });
});
