import type { Instruction } from '../catalog/schema';
import { createSearch } from '.';

export interface ShadowedSynonym {
  id: string;
  lang: 'zh-Hans' | 'zh-Hant' | 'en';
  synonym: string;
  /** What the synonym finds first instead (none: nothing). */
  found: string | null;
}

/**
 * Synonyms that, typed as a query, do not find their own instruction first: another instruction's
 * words outrank them, so they do no work and still cost bytes in every full update.
 */
export function shadowedSynonyms(instructions: readonly Instruction[]): ShadowedSynonym[] {
  const engine = createSearch(instructions);
  return instructions.flatMap((e) =>
    (['zh-Hans', 'zh-Hant', 'en'] as const).flatMap((lang) =>
      e.synonyms[lang].flatMap((synonym) => {
        const found = engine.search(synonym, 1)[0]?.id ?? null;
        return found === e.id ? [] : [{ id: e.id, lang, synonym, found }];
      }),
    ),
  );
}
