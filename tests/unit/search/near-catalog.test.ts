import { describe } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 15 (searchq9): questions near the catalog but not in it, and answers it is right about
 * but was not sure of. Each block is one cause; its queries are our own, none from a query set
 * (probe17 was written before this file and is measured, not copied, here).
 */

const engine = createSearch(builtinCatalog().instructions);

describe('a bare action names no thing', () => {
  itGuessesAtMost(engine, 'what to act on is left unsaid', ['别关了吧', '帮我关了它', '取消吧', '开着呢', '那就查查吧', '停', 'cancel it', 'can you switch that off']);
  itAnswers(engine, 'an action word that holds its thing, a question of which features, a code or a catalog text', [
    ['断网', 'QXGPRS'],
    ['我开了哪些', 'GN'],
    ['停机', 'TJ'],
    ['ktcl', 'KTCL'],
  ]);
});
