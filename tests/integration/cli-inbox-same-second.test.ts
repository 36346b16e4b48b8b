import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModemEmulator } from '../../src-main/emulator/modem';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { encodeDeliverParts } from '../../src-shared/pdu';
import { hall } from './cli-helpers';

/**
 * journal23: two long replies under one reference and part count, stamped the same second, on the SIM in the
 * order A1, B2, A2, B1 (read so): the journal's reader joins A1+B2 and B1+A2, each part having one message to go
 * to: `hall10086 inbox` says both may be joined wrong, as for a tie. journal25: the same read A1, B2, B1, A2, where
 * nothing comes out of order (journal23 marked neither): two messages of that second whose texts differ.
 * Texts real (real-dev.json r15-153 and r15-183); reference and stamp written for the test.
 */
const real = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/replies/real-dev.json'), 'utf8')) as { id: string; text: string }[];
const realReply = (id: string) => real.find((x) => x.id === id)!.text;

describe.each(['A2, B1', 'B1, A2'])('hall10086 inbox on two long replies of one reference and second, read A1, B2, %s (real pty, the real CLI)', (later) => {
  let modem: PtyEmulator;
  let dataDir: string;

  beforeAll(async () => {
    const emulator = new ModemEmulator();
    const parts = (id: string) => encodeDeliverParts({ from: '10086', text: realReply(id), timestamp: new Date(Date.UTC(2026, 11, 6, 0, 0, 7)), tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 77 });
    const [a1, a2] = parts('r15-153');
    const [b1, b2] = parts('r15-183');
    for (const pdu of [a1!, b2!, ...(later === 'A2, B1' ? [a2!, b1!] : [b1!, a2!])]) expect(emulator.preload('SM', pdu.hex)).not.toBeNull();
    modem = await startPtyEmulator({ emulator });
    dataDir = await mkdtemp(join(tmpdir(), 'hall10086-inbox-clash-'));
  }, 30_000);

  afterAll(async () => {
    await modem?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists both texts, each marked 可能拼错', async () => {
    const json = await hall(['inbox', '--port', modem.path, '--data-dir', dataDir, '--json']);
    expect(json.code).toBe(0);
    const messages = (JSON.parse(json.stdout) as { text: string; complete: boolean; uncertain: boolean }[]).filter((m) => m.text.includes('【中国移动】'));
    expect(messages.map((m) => [m.text.slice(0, 6), m.complete, m.uncertain])).toEqual([
      ['尊敬的客户，', true, true],
      ['截至2018', true, true],
    ]);
    const plain = await hall(['inbox', '--port', modem.path, '--data-dir', dataDir, '--lang', 'zh-Hans']);
    expect(plain.code).toBe(0);
    expect(plain.stdout.match(/可能拼错：同一秒有两条编号相同的长短信/g)).toHaveLength(2);
  });
});
