import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import type { Instruction } from '../../../src-shared/catalog/schema';
import { shadowedSynonyms } from '../../../src-shared/search/shadowed';

/*
 * The search vocabulary is curated: every synonym costs bytes in each full update bundle (≤ 8 KB),
 * so one that another instruction's words outrank does no work and misleads the next maintainer.
 * Whoever adds or removes a synonym learns here when it stops finding its own instruction.
 */
const catalog = builtinCatalog();

describe('the catalog vocabulary', () => {
  it('has synonyms in all three languages for every instruction', () => {
    for (const e of catalog.instructions) {
      expect.soft(e.synonyms['zh-Hans'].length, e.id).toBeGreaterThan(0);
      expect.soft(e.synonyms['zh-Hant'].length, e.id).toBeGreaterThan(0);
      expect.soft(e.synonyms.en.length, e.id).toBeGreaterThan(0);
    }
  });

  it('has no synonym that finds another instruction first', () => {
    expect(shadowedSynonyms(catalog.instructions)).toEqual([]);
  });

  it('names a synonym that another instruction outranks, and what it finds instead', () => {
    const ye = catalog.instructions.find((e) => e.id === 'YE')!;
    const withBorrowed: Instruction[] = catalog.instructions.map((e) => (e === ye ? { ...e, synonyms: { ...e.synonyms, 'zh-Hans': [...e.synonyms['zh-Hans'], '关闭手机上网'] } } : e));
    expect(shadowedSynonyms(withBorrowed)).toEqual([{ id: 'YE', lang: 'zh-Hans', synonym: '关闭手机上网', found: 'QXGPRS' }]);
  });
});
