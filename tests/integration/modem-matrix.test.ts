import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTANT_TIMING } from '../../src-main/emulator/options';
import { PROFILES, quirksOf, type DeviceProfile } from '../../src-main/emulator/profiles';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';
import { Journal } from '../../src-main/services/journal';
import { ModemSession, type SessionEvents } from '../../src-main/services/modem/session';
import { assembleRecords } from '../../src-shared/assemble';
import { decodePdu, encodeDeliverParts, encodeStatusReport } from '../../src-shared/pdu';

/**
 * Every device profile on a real pseudo-terminal with serialport's native binding (the code users run,
 * above the bytes): bring-up and status, draining what waits in each memory, sending YE and taking the
 * multipart Chinese reply and the status report. What each step may wait is bounded: a step past its
 * bound fails the case.
 */

const TIMING = { ...INSTANT_TIMING, replyDelayMs: 20, partGapMs: 10, statusReportMs: 30 };
const SMSC = '+8613800100500';
const STEP_MS = { open: 20_000, drain: 10_000, reply: 15_000, report: 15_000 };
/** Not a PDU at all: a line a garbled read could leave in a slot. It must stay on the SIM. */
const UNREADABLE = '0791683108100005F00405A1';

/** Messages waiting in one memory before the app starts: a short one and a two-part one, in Chinese. */
function waiting(mem: 'SM' | 'ME'): { text: string; pdus: string[] }[] {
  const at = new Date(Date.UTC(2026, 10, 20, 8, 0));
  const texts = [`【${mem}】您的验证码是 4711，五分钟内有效。`, `【${mem}】尊敬的客户，您本月套餐内国内通用流量总量10240.00M，已使用3021.20M，剩余7218.80M；夜间闲时流量总量80.00G，已使用20.84G。【中国移动】`];
  return texts.map((text, i) => ({
    text,
    pdus: encodeDeliverParts({ from: '10086', text, timestamp: at, tzQuarterHours: 32, smsc: SMSC, concatRef: (mem === 'SM' ? 40 : 80) + i }).map((p) => p.hex),
  }));
}

interface Run {
  pty: PtyEmulator;
  journal: Journal;
  session: ModemSession;
  dir: string;
  seen: { [E in keyof SessionEvents]: SessionEvents[E][] };
  stored: { mem: string; text: string }[];
  unreadableSlot: number | null;
}

async function within<T>(what: string, ms: number, check: () => T | null | undefined | false): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function start(profile: DeviceProfile): Promise<Run> {
  const q = quirksOf(profile);
  const pty = await startPtyEmulator({ emulatorOptions: { ...TIMING, profile, seed: 13 } });
  const emu = pty.emulator;
  const stored: Run['stored'] = [];
  for (const mem of ['SM', 'ME'] as const) {
    if (q.capacity[mem] === 0) continue;
    for (const m of waiting(mem)) {
      for (const pdu of m.pdus) emu.preload(mem, pdu);
      stored.push({ mem, text: m.text });
    }
  }
  const unreadableSlot = emu.preload('SM', UNREADABLE);
  if (q.capacity.SR > 0) {
    const at = new Date(Date.UTC(2026, 10, 19, 8, 0));
    emu.preload('SR', encodeStatusReport({ smsc: SMSC, messageRef: 201, recipient: '10086', scTimestamp: at, dischargeTime: at, tzQuarterHours: 32, status: 0 }).hex, 'status-report');
  }
  const dir = await mkdtemp(join(tmpdir(), `hall-matrix-${profile.name}-`));
  const journal = await Journal.open(dir);
  // No binding: serialport's own native binding on the pty, exactly as with a USB modem.
  const session = new ModemSession({ modemId: profile.name, path: pty.path, demo: false, journal, healthEveryMs: 60_000 });
  const seen = { status: [], incoming: [], outgoing: [], notice: [] } as Run['seen'];
  for (const event of Object.keys(seen) as (keyof SessionEvents)[]) session.on(event, (d) => (seen[event] as unknown[]).push(d));
  return { pty, journal, session, dir, seen, stored, unreadableSlot };
}

async function stop(run: Run | undefined): Promise<void> {
  if (!run) return;
  await run.session.close().catch(() => undefined);
  await run.journal.close().catch(() => undefined);
  await run.pty.close();
  await rm(run.dir, { recursive: true, force: true });
}

describe.each(PROFILES.map((p) => ({ name: p.name, profile: p })))('device profile $name over a pty', ({ profile }) => {
  let run: Run;
  beforeAll(async () => {
    run = await start(profile);
  }, 30_000);
  afterAll(() => stop(run));

  it('comes up ready: SIM, registration, SMS centre, storage', async () => {
    await within('open', STEP_MS.open, () => true);
    // Opened once: a retry finds the port held by the first attempt's session (opening it again fails and closes it).
    if (run.session.snapshot().state !== 'ready') await run.session.open();
    const s = run.session.snapshot();
    expect(s).toMatchObject({ state: 'ready', sim: 'ready', smsc: SMSC, simId: '89860012345678901234' });
    expect(['home', 'roaming']).toContain(s.registration);
    expect(s.traps.map((t) => t.code)).toEqual([]);
    expect(s.storage?.total).toBeGreaterThan(0);
    expect(s.identity.manufacturer).toBe(profile.identity.manufacturer);
  }, STEP_MS.open + 5_000);

  it('drains every memory: each stored message journaled once, the unreadable one kept with a notice', async () => {
    const emu = run.pty.emulator;
    const wanted = run.stored.map((m) => m.text).sort();
    await within('drain', STEP_MS.drain, () => assembleRecords(run.journal.pendingIncoming()).filter((m) => m.complete).length >= wanted.length);
    const journaled = assembleRecords(run.journal.pendingIncoming()).filter((m) => m.from === '10086');
    expect(journaled.map((m) => m.text).sort()).toEqual(wanted);
    // Every part exactly once.
    const keys = run.journal.pendingIncoming().map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(emu.messages('ME')).toEqual([]);
    expect(emu.messages('SR')).toEqual([]);
    expect(emu.messages('SM').map((e) => e.message.pdu)).toEqual([UNREADABLE]);
    expect(run.seen.notice.map((n) => n.en).join('\n')).toMatch(new RegExp(`unreadable message is kept on the SIM, slot ${run.unreadableSlot}\\b.*AT\\+CMGR=${run.unreadableSlot}\\b`));
    // Its bytes stay on the SIM only (review30: a refused reply's hex may hold a password).
    expect(run.seen.notice.map((n) => `${n.zh}\n${n.en}`).join('\n')).not.toContain(UNREADABLE);
    expect(run.seen.notice.map((n) => n.zh).join('\n')).toContain(`无法读取的短信保留在 SIM 卡上，位置 ${run.unreadableSlot}`);
  }, STEP_MS.drain + 5_000);

  it('sends YE exactly once, journals the multipart Chinese reply as delivered, and matches the status report', async () => {
    const emu = run.pty.emulator;
    // The modem outlives a failed attempt: what it sent and what came in before this one is not this one's.
    const toHall = () => emu.sent.filter((m) => m.part.number === '10086');
    const [sentBefore, incomingBefore] = [toHall().length, run.seen.incoming.length];
    const id = await run.session.send('10086', 'YE', 'YE');
    const reply = await within('reply', STEP_MS.reply, () =>
      assembleRecords(run.seen.incoming.slice(incomingBefore).filter((r) => r.from === '10086' && r.receivedAt > 0)).find((m) => m.complete && m.text.includes('余额')),
    );
    const sent = toHall().slice(sentBefore);
    expect(sent.map((m) => m.part.text)).toEqual(['YE']);
    const delivered = emu.delivered.filter((d) => d.from === '10086').at(-1)!;
    expect(reply.text).toBe(delivered.text);
    expect(reply.total).toBeGreaterThan(1);
    const report = await within('status report', STEP_MS.report, () => run.seen.outgoing.find((o) => o.id === id && o.state === 'delivered'));
    expect(report.messageRefs).toEqual([sent[0]!.messageRef]);
    expect(toHall().slice(sentBefore)).toHaveLength(1);
  }, STEP_MS.reply + STEP_MS.report + 5_000);

  it('deleted nothing it had not journaled', () => {
    const texts = run.journal.pendingIncoming();
    for (const gone of run.pty.emulator.deletions) {
      const part = decodePdu(gone.message.pdu);
      if (part.type === 'status-report') continue;
      expect(part.type).toBe('deliver');
      if (part.type !== 'deliver') continue;
      const match = texts.filter(
        (r) => r.text === part.text && r.from === part.number && r.concat?.ref === part.concat?.ref && r.concat?.part === part.concat?.part,
      );
      expect(match, `deleted ${gone.mem} ${gone.index} without a journal record`).toHaveLength(1);
    }
    expect(run.pty.emulator.deletions.some((d) => d.message.pdu === UNREADABLE)).toBe(false);
  });
});
