import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { understandReply } from '../../../src-shared/replies';
import { loadCorpus } from '../../fixtures/replies/corpus';
import { serviceVariants } from '../../fixtures/replies/service-variants';
import { RECEIVED } from './format';

// Round 17 (issue 15, branch replies17): lists of services written again from the real dev lists in every numbering, fee
// shape, separator, header, tail and cut across SMS parts (tests/fixtures/replies/service-variants.ts). GENERATED, NOT
// real replies. Each entry's number, name and fee come out whole, and nothing comes out as a figure.
const dev = loadCorpus(resolve(import.meta.dirname, '../../fixtures/replies/real-dev.json'));
const variants = serviceVariants(dev);

/** A reply's entries as `n|name|fee` (and `|cancelText` when the reply says one), or its kind when it is no list of services. */
function entries(text: string): string[] {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  return u.kind === 'services' ? u.services.map((s) => `${s.n}|${s.name}|${s.fee}${s.cancelText ? `|${s.cancelText}` : ''}`) : [`read as ${u.kind}`];
}

describe('round 17: generated lists of services (NOT real replies)', () => {
  it('covers every dev list and each way of writing one', () => {
    expect(new Set(variants.map((v) => v.rule.split(':')[0])).size).toBeGreaterThanOrEqual(3);
    expect(variants.length).toBeGreaterThan(1500);
    expect(variants.filter((v) => v.rule.includes('cut across')).length).toBeGreaterThan(100);
  });

  it.each(variants.map((v) => [v.rule, v] as const))('%s', (_rule, v) => {
    expect(entries(v.text)).toEqual(v.expected.map((e) => `${e.n}|${e.name}|${e.fee}${e.cancelText ? `|${e.cancelText}` : ''}`));
  });
});
