import { afterEach, describe, expect, it } from 'vitest';
import { QUECTEL_EC25 } from '../../src-main/emulator/profiles/quectel';
import { nodeJournalFs, type JournalFs } from '../../src-main/services/journal';
import { encodeDeliverParts } from '../../src-shared/pdu';
import { FAST, sessionKit, type Kit } from './session-kit';

let kit: Kit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const ENOSPC = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/**
 * A disk that is full for received messages while `disk.full` holds. ENOSPC cannot be caused for
 * real here (no mount rights for a small tmpfs): the journal's file seam, where the journal meets
 * the file system, stands in for it; everything above it is the code users run.
 */
function fullDisk(disk: { full: boolean; refused: number }): Partial<JournalFs> {
  return {
    write: async (file, bytes) => {
      if (disk.full && new TextDecoder().decode(bytes).includes('"kind":"in"')) {
        disk.refused++;
        throw ENOSPC;
      }
      await nodeJournalFs.write(file, bytes);
    },
  };
}

describe('a full disk: messages wait on the SIM and are saved once space is back, with no restart', () => {
  it('tries again by itself and drains the SIM as soon as a write succeeds; the disk-full notice is said once', async () => {
    const disk = { full: true, refused: 0 };
    kit = await sessionKit(FAST, { journalRetryMs: 30 }, { fs: fullDisk(disk) });
    const k = kit;
    const emu = k.binding.emulator;
    await k.session.open();
    emu.deliver('10086', '您的账户余额为8.00元。');
    emu.deliver('10086', '您本月已用流量1.2GB。');
    // Several retries meet the full disk; the messages stay on the SIM.
    await k.waitFor(() => disk.refused >= 6, 'retries against the full disk');
    expect(emu.sim.messages).toHaveLength(2);
    expect(k.seen.incoming).toEqual([]);
    expect(k.seen.notice.filter((n) => n.level === 'error')).toHaveLength(1);

    disk.full = false;
    await k.waitFor(() => emu.sim.messages.length === 0 && k.seen.incoming.length === 2, 'the SIM drained into the journal');
    expect(k.journal.pendingIncoming().map((r) => r.text).sort()).toEqual(['您本月已用流量1.2GB。', '您的账户余额为8.00元。'].sort());
    expect(k.seen.notice.some((n) => n.level === 'info' && /saved/.test(n.en) && /存入日志/.test(n.zh))).toBe(true);
  });

  it('drains at once when another journal write gets through, without waiting for the next try', async () => {
    const disk = { full: true, refused: 0 };
    // The next try would be an hour away: only the successful write can bring the messages in.
    kit = await sessionKit(FAST, { journalRetryMs: 3_600_000 }, { fs: fullDisk(disk) });
    const k = kit;
    const emu = k.binding.emulator;
    await k.session.open();
    emu.deliver('10086', '您的积分为3200分。');
    await k.waitFor(() => disk.refused >= 1, 'the refused write');
    disk.full = false;
    // The user sends an instruction: its journal record is the write that gets through.
    await k.session.send('10086', 'YE', 'YE');
    await k.waitFor(() => k.seen.incoming.some((r) => r.text === '您的积分为3200分。'), 'the waiting message saved');
  });

  it('drains the phone memory too (messages waiting in ME, as Quectel keeps them) once space is back', async () => {
    const disk = { full: true, refused: 0 };
    kit = await sessionKit({ ...FAST, profile: QUECTEL_EC25 }, { journalRetryMs: 30 }, { fs: fullDisk(disk) });
    const k = kit;
    const emu = k.binding.emulator;
    const text = '您的账户余额为8.00元。';
    emu.preload('ME', encodeDeliverParts({ from: '10086', text, timestamp: new Date(Date.UTC(2026, 10, 25, 1, 0)), tzQuarterHours: 32, smsc: '+8613800100500', concatRef: 0 })[0]!.hex);
    await k.session.open();
    await k.waitFor(() => disk.refused >= 3, 'retries against the full disk');
    expect(emu.messages('ME')).toHaveLength(1);

    disk.full = false;
    await k.waitFor(() => emu.messages('ME').length === 0 && k.seen.incoming.length === 1, 'ME drained into the journal');
    expect(k.journal.pendingIncoming().map((r) => r.text)).toEqual([text]);
    expect(emu.deletions.map((d) => d.mem)).toEqual(['ME']);
  });
});
