import { describe, expect, it } from 'vitest';
import { catalogSearch } from '../../../src-renderer/catalog/catalog-search';
import { matchNote } from '../../../src-renderer/catalog/match-note';
import type { Lang } from '../../../src-renderer/i18n';

const HAN = /\p{Script=Han}/u;

/** The notes shown under the first results of a search, by instruction. */
function notes(query: string, lang: Lang): Record<string, string | null> {
  return Object.fromEntries(catalogSearch().search(query, 6).map((r) => [r.instruction.id, matchNote(r.instruction, r.matched, query, lang)]));
}

describe('what a search result says it matched', () => {
  it.each(['how much data do I have left', 'turn off data', 'bill last month', 'points', 'caller id'])('is English for “%s” in an English UI', (query) => {
    const shown = Object.values(notes(query, 'en')).filter((n) => n !== null);
    for (const note of shown) expect(note).not.toMatch(HAN);
  });

  it('takes the English synonym for a match found through a Traditional one', () => {
    const found = catalogSearch().search('how much data do I have left', 1)[0]!;
    expect(found.matched.text).toMatch(HAN);
    expect(matchNote(found.instruction, found.matched, 'how much data do I have left', 'en')).toBe('data');
  });

  it('shows Chinese to an English reader who typed hanzi, never for pinyin-like English words', () => {
    expect(notes('流量还剩多少', 'en').CXYEG).toMatch(HAN);
    expect(notes('liuliang', 'en').CXYEG ?? null).toBeNull();
  });

  it('is in the script of the UI: 繁體 for a Simplified query', () => {
    expect(notes('余额', 'zh-Hant').YE).toBe('查餘額');
  });

  it('says nothing where the name already shows the match', () => {
    expect(notes('Turn off caller ID', 'en').QXLDXS ?? null).toBeNull();
  });
});
