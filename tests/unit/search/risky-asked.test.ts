import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';

/*
 * Session 26 (search23): a further answer that needs a confirmation (a password change, 停机, a cancellation) is
 * asserted only when the query asks its action, or, with no action asked, when it is the other half of the first
 * answer's on/off pair. Two topics named with nothing asked ("balance and password") are no request to change one.
 * Queries written for this file (none from a query set).
 */

const engine = createSearch(builtinCatalog().instructions);
const view = (q: string) => engine.search(q, 5).map((r) => ({ id: r.id, confident: r.confident }));

describe('a risky further answer is sure only when its action is asked', () => {
  it.each([
    ['balance and password', 'CXYEH', 'MMXG'],
    ['data and suspend', 'CXYEG', 'TJ'],
    ['data and suspend', 'CXYEG', 'QXGPRS'],
    ['余额和停机', 'TJ', 'QXYETX'],
  ])('%j: %s sure, %s still listed, as a guess', (q, first, risky) => {
    const results = view(q);
    expect(results[0]).toEqual({ id: first, confident: true });
    expect(results.find((r) => r.id === risky)).toEqual({ id: risky, confident: false });
  });

  it.each([
    ['关掉彩铃和流量', ['QXCL', 'QXGPRS']],
    ['turn off data and caller id', ['QXGPRS', 'QXLDXS']],
    ['cailing', ['KTCL', 'QXCL']],
  ])('%j keeps %j both sure (the action asked, or the pair 小e asks about)', (q, ids) => {
    const results = view(q);
    for (const id of ids) expect(results.find((r) => r.id === id)).toEqual({ id, confident: true });
  });
});
