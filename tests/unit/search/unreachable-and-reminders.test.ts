import { describe } from 'vitest';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { itAnswers, itGuessesAtMost } from './expect-answers';

/*
 * Session 30 (search28): the line out of reach said in the words of people who never read the catalog (没信号, no reception, a
 * dead battery, a dead zone) and who tried to call then: 来电提醒's own summary says 关机或没信号时的来电. Our own queries.
 */
const engine = createSearch(builtinCatalog().instructions);

describe('calls missed while the phone was out of reach', () => {
  itAnswers(engine, 'missed-call alerts', [
    ['when my phone is dead i want a text saying who tried to call', 'KTLDTX'],
    ['my battery died, who tried calling me', 'KTLDTX'],
    ['text me who tried to call while i was in a dead zone', 'KTLDTX'],
    ['who tried to call me when there was no reception', 'KTLDTX'],
  ]);
});

describe('no signal as a complaint', () => {
  // The network's coverage is no instruction's: 没信号 is the missed-call alert's only when its texts explain the rest.
  itGuessesAtMost(engine, 'the network', ['为什么没信号', '手机没信号怎么办']);
});

describe('texts about an amount are its reminder', () => {
  // "texting me about my balance" is the low-balance alert's texts, not the delivery receipts of the texts one sends.
  itAnswers(engine, 'the reminder', [['stop texting me about my balance', 'QXYETX']]);
});

describe('the number known before a call is taken', () => {
  // 知道号码 (to know the number) is 看到号码 of caller ID: not the balance its 号 and 知道 half-matched.
  itAnswers(engine, 'caller ID', [
    ['接电话之前想知道号码', 'KTLDXS'],
    ['来电的时候想知道对方号码', 'KTLDXS'],
  ]);
});

describe("what's typed without its apostrophe", () => {
  // whats is what's: a question word, a stop word like what, not a thing that asks which features are on.
  itAnswers(engine, 'data left', [
    ['whats left on my data', 'CXYEG'],
    ['whats remaining on my data', 'CXYEG'],
  ]);
});
