import { describe, expect, it } from 'vitest';
import { parseFinalResult } from '../../../src-shared/at/final-result';
import { AtLineSplitter, MAX_LINE_LENGTH } from '../../../src-shared/at/line-splitter';
import { classifyUrc, isTwoLineHeader, type TwoLineUrc } from '../../../src-shared/at/urc';
import { AtEngine, AtError } from '../../../src-main/services/modem/at-engine';
import { randomModemChunk, seededRandom } from './random-modem-output';
import { pushedLink } from './scripted-link';

/** Every result and URC kind, reached by the seeded mix below. */
const REACHED = [
  'final:cme', 'final:cms', 'final:error', 'final:no-carrier', 'final:ok', 'final:text-error',
  'urc:cds', 'urc:clip', 'urc:cmt', 'urc:cmti', 'urc:cpin', 'urc:creg', 'urc:none', 'urc:ring', 'urc:unknown', 'urc:vendor',
];

describe('fuzz', () => {
  it('100,000 random chunks through the splitter, final-result parser and URC classifier never throw', () => {
    const next = seededRandom(0x10086);
    const splitter = new AtLineSplitter();
    let pending: TwoLineUrc | undefined;
    let lines = 0;
    const reached = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      for (const token of splitter.push(randomModemChunk(next))) {
        if (token.kind === 'prompt') continue;
        lines++;
        expect(token.text.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
        expect(token.text).toMatch(/^[\x20-\x7e]+$/);
        const final = parseFinalResult(token.text);
        if (final && (final.kind === 'cms' || final.kind === 'cme')) expect(Number.isSafeInteger(final.code)).toBe(true);
        const urc = classifyUrc(token.text, pending);
        reached.add(final ? `final:${final.kind}` : `urc:${urc?.kind ?? 'none'}`);
        pending = urc && isTwoLineHeader(urc) ? urc : undefined;
      }
    }
    // The mix reaches the interesting branches, not only the garbage path.
    expect(lines).toBeGreaterThan(20_000);
    expect([...reached].sort()).toEqual(REACHED);
  });

  it('an engine fed 10,000 random chunks settles every command and never throws', async () => {
    const next = seededRandom(0x1380013);
    const link = pushedLink();
    const engine = new AtEngine(link, { defaultTimeoutMs: 60_000 });
    engine.onUrc(() => {});
    const settled: Promise<unknown>[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i % 100 === 0) settled.push(engine.run('AT+CMGS=13', { payload: '00' }));
      else if (i % 50 === 0) settled.push(engine.run('AT+CMGL=4'));
      link.deliver(randomModemChunk(next));
    }
    engine.close();
    const results = await Promise.all(settled.map((p) => p.catch((e: unknown) => e)));
    for (const r of results) {
      if (r instanceof AtError) expect(['at.error', 'at.cms', 'at.cme', 'at.closed']).toContain(r.code);
      else expect(r).toHaveProperty('final');
    }
  });
});
