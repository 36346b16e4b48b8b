import { describe, expect, it } from 'vitest';
import type { MessageRow } from '../../../src-renderer/store/rows';
import { CHUNK, covers, MARGIN, rowAt, windowFor } from '../../../src-renderer/views/thread/thread-window';

function message(n: number): MessageRow {
  return { id: `m${n}`, simId: 's', direction: 'in', peer: '10086', text: `#${n}`, state: 'received', at: n, read: 1, partKeys: [], complete: true, total: 1, received: 1 };
}

/** What threadSlice returns for a thread of `count` messages m0 (oldest) … m{count-1}. */
function slice(count: number, skip: number, take: number) {
  const newestFirst = Array.from({ length: count }, (_, i) => message(count - 1 - i));
  return { count, skip, take, rows: newestFirst.slice(skip, skip + take + 1) };
}

describe('windowFor', () => {
  it.each([
    ['the newest rows of a long thread', 99_990, 99_999, 100_000, { skip: 0, take: 100 }],
    ['rows near the top of a long thread', 0, 12, 100_000, { skip: 99_900, take: 100 }],
    ['rows in the middle', 50_000, 50_010, 100_000, { skip: 49_900, take: 200 }],
    ['a short thread', 0, 9, 10, { skip: 0, take: 100 }],
  ])('%s', (_why, first, last, count, expected) => {
    const request = windowFor(first, last, count);
    expect(request).toEqual(expected);
    expect(covers(request, first, last, count)).toBe(true);
    expect(request.skip % CHUNK).toBe(0);
  });

  it('reads a margin beyond the visible rows', () => {
    const request = windowFor(50_000, 50_010, 100_000);
    expect(covers(request, 50_000 - MARGIN, 50_010 + MARGIN, 100_000)).toBe(true);
  });
});

describe('covers', () => {
  it.each([
    [{ skip: 0, take: 100 }, 95, 99, 100, true],
    [{ skip: 0, take: 100 }, 0, 99, 100, true],
    [{ skip: 0, take: 100 }, 0, 99, 101, false],
    [{ skip: 100, take: 100 }, 60, 140, 250, true],
    [{ skip: 100, take: 100 }, 0, 10, 250, false],
    [{ skip: 100, take: 100 }, 140, 160, 250, false],
  ])('%j holds indices %i–%i of %i: %s', (request, first, last, count, expected) => {
    expect(covers(request, first, last, count)).toBe(expected);
  });
});

describe('rowAt', () => {
  it('finds a message by its index, oldest first, with the one before it', () => {
    const s = slice(1000, 100, 100);
    expect(rowAt(s, 850)).toEqual({ row: message(850), previous: message(849) });
  });

  it('gives the one before the window edge too (it is read as the extra row)', () => {
    const s = slice(1000, 100, 100);
    expect(rowAt(s, 800)).toEqual({ row: message(800), previous: message(799) });
  });

  it('says the very first message has nothing before it', () => {
    const s = slice(50, 0, 100);
    expect(rowAt(s, 0)).toEqual({ row: message(0), previous: null });
  });

  it('is null outside the window', () => {
    const s = slice(1000, 100, 100);
    expect(rowAt(s, 799)).toBeNull();
    expect(rowAt(s, 900)).toBeNull();
  });
});
