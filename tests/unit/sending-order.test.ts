import { describe, expect, it } from 'vitest';
import { mixedUpSendings, SENDING_SPREAD_MS, type PlacedSending } from '../../src-shared/sending-order';

const T0 = Date.UTC(2026, 10, 25, 2);

/** The rule as written, pair by pair: what the sweep in stamp order must give, whatever the group. */
function markedPairByPair(sendings: readonly PlacedSending[]): Set<PlacedSending> {
  const near = (x: string, y: string) => {
    const [a, b] = [Date.parse(x), Date.parse(y)];
    return Number.isNaN(a) || Number.isNaN(b) ? Number.isNaN(a) && Number.isNaN(b) && x === y : Math.abs(a - b) <= SENDING_SPREAD_MS;
  };
  const marked = new Set<PlacedSending>();
  for (const s of sendings) {
    const known = s.parts.map((p) => Date.parse(p.stamp)).filter((t) => !Number.isNaN(t));
    const spreadUnknown = s.parts.length > 1 && known.length < s.parts.length;
    if (spreadUnknown || (known.length > 1 && Math.max(...known) - Math.min(...known) > SENDING_SPREAD_MS)) marked.add(s);
    for (const o of sendings) {
      if (o === s || o.group !== s.group || o.encoding !== s.encoding) continue;
      const close = s.parts.some((p) => o.parts.some((q) => near(p.stamp, q.stamp)));
      const differ = s.parts.some((p) => o.parts.some((q) => q.part === p.part && q.text !== p.text));
      if (close && differ) marked.add(s);
    }
  }
  return marked;
}

/** A small deterministic generator (xorshift), so a failing group can be run again. */
function generator(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

describe('mixedUpSendings (order29: swept in stamp order, not every pair)', () => {
  it('marks what the rule marks pair by pair, on groups crowded in time with repeats, far parts and unreadable stamps', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const pick = generator(seed);
      const stamp = () => {
        const kind = pick(10);
        if (kind === 0) return pick(2) ? 'not a time' : 'not a time either';
        return new Date(T0 + pick(kind === 1 ? 600 : 150) * 1000).toISOString();
      };
      const sendings: PlacedSending[] = Array.from({ length: 2 + pick(12) }, () => {
        const numbers = [1, 2, 3].filter(() => pick(3) > 0);
        return {
          group: pick(4) ? 'sim|10086|7|3' : 'sim|10086|8|3',
          encoding: pick(5) ? 'ucs2' : undefined,
          parts: numbers.map((part) => ({ part, text: `${part}-${pick(2)}`, stamp: stamp() })),
        };
      });
      expect(mixedUpSendings(sendings, (s) => s), `seed ${seed}`).toEqual(markedPairByPair(sendings));
    }
  });
});

describe('mixedUpSendings on a flood under one stamp (mend34: a fake base station, a modem stamping one clock value or nothing)', () => {
  // Every part of the group in reach of every other: the sweep's window is the whole group, where a slip in entering
  // or leaving reach (a part counted twice, a text left behind) shows.
  it('marks what the rule marks pair by pair when every part carries one stamp, readable or not, in groups up to 200', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const pick = generator(seed * 7919);
      const one = [new Date(T0).toISOString(), 'not a time', ''][pick(3)]!;
      // Now and then a second stamp text among them: unreadable ones pair only with their very same text.
      const other = pick(4) === 0 ? ['not a time either', new Date(T0 + pick(3) * SENDING_SPREAD_MS).toISOString()][pick(2)]! : one;
      const texts = 1 + pick(4);
      const sendings: PlacedSending[] = Array.from({ length: 2 + pick(seed % 10 === 0 ? 200 : 40) }, () => {
        const numbers = [1, 2, 3, 4].filter(() => pick(4) > 0);
        return {
          group: pick(6) ? 'sim|10086|7|4' : 'sim|10086|8|4',
          encoding: pick(8) ? 'ucs2' : undefined,
          parts: numbers.map((part) => ({ part, text: `${part}-${pick(texts)}`, stamp: pick(5) ? one : other })),
        };
      });
      expect(mixedUpSendings(sendings, (s) => s), `seed ${seed}`).toEqual(markedPairByPair(sendings));
    }
  });

  it('a flood of 20,000 sendings under one stamp is read in one sweep: each differing one marked, the exact repeats not', () => {
    for (const stamp of [new Date(T0).toISOString(), 'not a time']) {
      const repeat = (part: number) => ({ part, text: `第${part}段`, stamp });
      const sendings: PlacedSending[] = Array.from({ length: 20_000 }, (_, i) => ({
        group: 'sim|10086|7|2',
        encoding: 'ucs2',
        parts: i < 10_000 ? [repeat(1), repeat(2)] : [{ part: 1, text: `第${i}条`, stamp }],
      }));
      const marked = mixedUpSendings(sendings, (s) => s);
      // An unreadable stamp leaves a two-part message's spread unknown: marked by itself as well.
      expect(marked.size).toBe(20_000);
      const repeatsOnly = sendings.slice(0, 10_000);
      expect(mixedUpSendings(repeatsOnly, (s) => s).size).toBe(stamp === 'not a time' ? 10_000 : 0);
    }
  });
});

describe('mixedUpSendings on a part whose stamp cannot be read (review28)', () => {
  const at = (s: number) => new Date(T0 + s * 1000).toISOString();
  const sending = (...parts: [number, string, string][]): PlacedSending => ({ group: 'sim|10086|7|2', encoding: 'ucs2', parts: parts.map(([part, text, stamp]) => ({ part, text, stamp })) });

  it('a message joined with such a part (A1 + a fake X2, A2 lost) is marked: its spread is unknown', () => {
    const joined = sending([1, 'A1', at(0)], [2, 'X2', 'not a time']);
    expect(mixedUpSendings([joined], (s) => s)).toEqual(new Set([joined]));
  });

  it('a whole reply whose parts all carry readable stamps, and a lone part, are not', () => {
    const whole = sending([1, 'A1', at(0)], [2, 'A2', at(16)]);
    const alone = sending([1, 'B1', 'not a time']);
    expect(mixedUpSendings([whole, alone], (s) => s)).toEqual(new Set());
  });
});
