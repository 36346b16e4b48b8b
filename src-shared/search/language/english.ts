import { COMMON_ENGLISH } from '../tables/english-words.generated';

/**
 * English as people type it to a phone company: chat spellings and irregular forms, each mapped to
 * the word a catalog text would use. The search's stemmer looks words up here first, for catalog
 * texts and queries alike, so both sides meet on the same word.
 */
const LEMMAS = new Map<string, string>(Object.entries({
  // chat spellings and common misspellings of this domain's words
  u: 'you', ur: 'your', r: 'are', wanna: 'want', gonna: 'go', gotta: 'have', cant: 'can', cannot: 'can', wont: 'will',
  dont: 'not', doesnt: 'not', didnt: 'not', isnt: 'not', aint: 'not', msg: 'message', msgs: 'message', txt: 'text',
  txts: 'text', sms: 'sms', mins: 'minute', pwd: 'password', passwd: 'password',
  pw: 'password', acct: 'account', bal: 'balance', bals: 'balance', chk: 'check', svc: 'service', svcs: 'service', nr: 'number', num: 'number', mob: 'mobile', fone: 'phone',
  internets: 'internet', wifi: 'wifi', plz: 'please', pls: 'please', thx: 'thanks', tmr: 'tomorrow',
  wat: 'what', wht: 'what', kno: 'know', knw: 'know', hw: 'how', abt: 'about', ppl: 'people', wen: 'when',
  cuz: 'because', coz: 'because', bcoz: 'because', gimme: 'give', lemme: 'let', ya: 'you', yr: 'your', thru: 'through',
  // irregular forms
  spent: 'spend', paid: 'pay', got: 'get', gotten: 'get', gave: 'give', given: 'give', went: 'go', gone: 'go',
  ran: 'run', running: 'run', bought: 'buy', forgot: 'forget', forgotten: 'forget', told: 'tell', sent: 'send',
  took: 'take', taken: 'take', made: 'make', did: 'do', does: 'do', done: 'do', was: 'be', were: 'be', been: 'be',
  had: 'have', has: 'have', knew: 'know', known: 'know', saw: 'see', seen: 'see', wrote: 'write', written: 'write',
  broke: 'break', broken: 'break', stole: 'steal', stolen: 'steal', chose: 'choose', chosen: 'choose', shut: 'shut',
  // 'who called' (while my phone was off) is not 'who calls' (caller ID): the past is kept
  called: 'called', left: 'left', lost: 'lost', remains: 'remain', remaining: 'remain', remained: 'remain', finished: 'finish', finish: 'finish',
  money: 'money', many: 'many', much: 'much',
}));

/** The lemma of a lower-case word when the table knows it. */
export function lemma(word: string): string | undefined {
  return LEMMAS.get(word);
}

/** Words that carry no meaning in a request (politeness, filler, pronouns), on top of the usual stop words. */
export const ENGLISH_FILLER = 'please thanks thank hi hello hey kindly help need know tell want wanna go get try ok okay much many plus also still now then so very really right here about into on off up down out lah la ah oh sir madam can will not your you stuff'.split(
  ' ',
);

let common: Set<string> | undefined;

/**
 * Whether a lower-case word is a common English word (google-10000-english, three letters or more).
 * Such a word is what the person meant, not a slip for a catalog word a letter away (ill is not bill,
 * most is not lost, dog is not do), nor pinyin initials (yet is not 余额提).
 */
export function isCommonEnglish(word: string): boolean {
  return (common ??= new Set(unfrontCode(COMMON_ENGLISH))).has(word);
}

/**
 * The words of a front-coded list (as scripts/generate-search-tables.ts writes it): each word is a
 * digit, how many leading letters it shares with the word before, then the rest of its letters.
 */
export function unfrontCode(coded: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < coded.length; ) {
    const shared = coded.charCodeAt(i++) - 48;
    let end = i;
    while (end < coded.length && (coded.charCodeAt(end) < 48 || coded.charCodeAt(end) > 57)) end++;
    word = word.slice(0, shared) + coded.slice(i, end);
    words.push(word);
    i = end;
  }
  return words;
}
