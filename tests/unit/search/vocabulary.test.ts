import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';

/*
 * The search vocabulary is curated: every synonym costs bytes in each full update bundle (≤ 8 KB),
 * so one that another instruction's words outrank does no work and misleads the next maintainer.
 * Whoever adds or removes a synonym learns here when it stops finding its own instruction.
 */
const catalog = builtinCatalog();
const engine = createSearch(catalog.instructions);
const synonyms = catalog.instructions.flatMap((e) => (['zh-Hans', 'zh-Hant', 'en'] as const).flatMap((lang) => e.synonyms[lang].map((s) => [s, e.id] as const)));

describe('the catalog vocabulary', () => {
  it('has synonyms in all three languages for every instruction', () => {
    for (const e of catalog.instructions) {
      expect.soft(e.synonyms['zh-Hans'].length, e.id).toBeGreaterThan(0);
      expect.soft(e.synonyms['zh-Hant'].length, e.id).toBeGreaterThan(0);
      expect.soft(e.synonyms.en.length, e.id).toBeGreaterThan(0);
    }
  });

  it.each(synonyms)('"%s" finds %s first', (synonym, id) => {
    expect(engine.search(synonym, 1)[0]?.id).toBe(id);
  });
});
