import { describe, expect, it } from 'vitest';
import { VirtualScheduler } from '../../../src-main/emulator/scheduler';
import { Transmitter } from '../../../src-main/emulator/transmitter';
import { harness } from './harness';

function wire(baud: number | null) {
  const sched = new VirtualScheduler();
  const tx = new Transmitter(sched, baud);
  const got: number[] = [];
  tx.onData((chunk) => got.push(...chunk));
  return { sched, tx, got };
}

describe('Transmitter', () => {
  it('without a baud rate hands bytes over at once', () => {
    const { tx, got } = wire(null);
    tx.send(Uint8Array.of(1, 2, 3));
    expect(got).toEqual([1, 2, 3]);
  });

  it.each([
    [9600, 1000, 960],
    [9600, 250, 240],
    [115200, 100, 1152],
  ])('at %i baud, %i ms of virtual time carry %i bytes (baud/10 per second), in order', (baud, ms, bytes) => {
    const { sched, tx, got } = wire(baud);
    const data = Uint8Array.from({ length: 5000 }, (_, i) => i & 0xff);
    tx.send(data.subarray(0, 2500));
    tx.send(data.subarray(2500));
    sched.advance(ms);
    expect(got.length).toBe(bytes);
    expect(got).toEqual([...data.subarray(0, bytes)]);
  });

  it('clear() drops what is still queued', () => {
    const { sched, tx, got } = wire(9600);
    tx.send(new Uint8Array(100));
    sched.advance(10);
    tx.clear();
    sched.advance(1000);
    expect(got.length).toBe(9);
  });

  it('the emulator throttles its answers with the baud option', () => {
    const h = harness({ baud: 1200 });
    expect(h.at('AT\r')).toBe('');
    expect(h.drain(25)).toBe('AT\r');
    expect(h.drain(50)).toBe('\r\nOK\r\n');
  });
});
