import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { BUNDLE_FORMAT } from '../../../src-shared/bundle/envelope';
import { HANT_TO_HANS_PAIRS } from '../../../src-shared/search/tables/hant-to-hans.generated';

/*
 * A bundle writes most zh-Hant swaps as "the app table's first Traditional form" (firstTraditional),
 * so a regenerated table (`npm run catalog:generate`, a new opencc-js) would make old bundles and
 * deltas decode to other text, and be refused by their hash. If this fails: bump BUNDLE_FORMAT in
 * src-shared/bundle/envelope.ts, then update both values here.
 */
it('ties the bundle format to the Traditional character table it was made with', () => {
  const table = createHash('sha256').update(HANT_TO_HANS_PAIRS).digest('hex');
  expect({ format: BUNDLE_FORMAT, table }).toEqual({
    format: 'hall10086-catalog-bundle/3',
    table: 'eb80f8ae56208bbeb7c5f8d71a2405818492d147882b2df21c1f0e665147d0f5',
  });
});
