/**
 * The catalog's Chinese words that pinyin initials may stand for, for `QueryReader`: its
 * texts' runs whole, and every two or three hanzi in a row (已开通), from the Simplified names and
 * synonyms in catalog order. The index build reads them from its analyses (catalog-terms.ts), a
 * snapshot carries them (snapshot.ts); tests/unit/search/build-shortcuts.test.ts holds the plain definition.
 */

/** A text's hanzi runs as decoder words: each run whole (a phrase), and its pairs and triples; runs in `seenRuns` are skipped, new ones added. */
export function* runWords(hanRuns: readonly string[], seenRuns: Set<string>): Generator<[string, boolean]> {
  for (const run of hanRuns) {
    if (seenRuns.has(run)) continue;
    seenRuns.add(run);
    const chars = [...run];
    // A run of any length is a phrase: its initials are those of a name or synonym (kldtxyw: 开来电提醒业务).
    yield [run, true];
    for (let i = 0; i + 1 < chars.length; i++) yield [chars[i]! + chars[i + 1]!, false];
    for (let i = 0; i + 2 < chars.length; i++) yield [chars[i]! + chars[i + 1]! + chars[i + 2]!, false];
  }
}
