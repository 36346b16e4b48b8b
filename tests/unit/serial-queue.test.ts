import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../src-main/services/serial-queue';

describe('SerialQueue', () => {
  it('runs changes one at a time in order, and a failure fails only its own caller', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const step = (name: string, ms: number, fail = false) =>
      queue.run(async () => {
        log.push(`${name} start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([step('a', 20), step('b', 1, true), step('c', 1)]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
