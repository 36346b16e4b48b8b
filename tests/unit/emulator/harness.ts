import { decodePdu, reassemble, type DeliverPart } from '../../../src-shared/pdu';
import { ModemEmulator } from '../../../src-main/emulator/modem';
import { INSTANT_TIMING, type EmulatorOptions } from '../../../src-main/emulator/options';
import { VirtualScheduler } from '../../../src-main/emulator/scheduler';

/** 2026-11-25 09:30:15 in Beijing. */
export const T0 = Date.UTC(2026, 10, 25, 1, 30, 15);

export interface Harness {
  emu: ModemEmulator;
  sched: VirtualScheduler;
  /** Writes `text`, lets virtual time run `ms`, returns every byte the modem sent meanwhile. */
  at(text: string, ms?: number): string;
  /** Bytes sent since the last call, without writing anything. */
  drain(ms?: number): string;
}

/** A modem on virtual time with zero latency and a fixed clock; every option can be overridden. */
export function harness(opts: EmulatorOptions = {}): Harness {
  const sched = new VirtualScheduler();
  const emu = new ModemEmulator({
    ...INSTANT_TIMING,
    scheduler: sched,
    clock: () => new Date(T0 + sched.now()),
    ...opts,
  });
  let out = '';
  emu.onData((chunk) => (out += Buffer.from(chunk).toString('latin1')));
  const drain = (ms = 0): string => {
    sched.advance(ms);
    const got = out;
    out = '';
    return got;
  };
  return { emu, sched, drain, at: (text, ms = 0) => (emu.write(text), drain(ms)) };
}

/** The PDU lines of a +CMGL / +CMGR answer, in order. */
export function pduLines(response: string): string[] {
  return response.split('\r\n').filter((l) => /^[0-9A-F]{20,}$/.test(l));
}

/** Every message stored in `mem`, decoded and reassembled. */
export function storedTexts(emu: ModemEmulator, mem: 'SM' | 'ME' | 'MT' = 'SM'): string[] {
  const parts = emu.messages(mem).map((e) => decodePdu(e.message.pdu));
  return reassemble(parts.filter((p): p is DeliverPart => p.type === 'deliver')).map((m) => m.text);
}
