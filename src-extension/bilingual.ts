import type { Bilingual, HallError } from '../src-shared/errors';
import { h } from './dom';
import type { Lang } from './i18n';

/** Both languages, the user's first: the clerk and the customer may not read the same one. */
export function bilingual(lang: Lang, text: Bilingual): HTMLElement[] {
  const [first, second] = lang === 'en' ? [text.en, text.zh] : [text.zh, text.en];
  return [h('span', {}, first), h('br'), h('span', {}, second)];
}

/** Only the user's language, for lists where both would double the length. */
export const inLang = (lang: Lang, text: Bilingual): string => (lang === 'en' ? text.en : text.zh);

/** An error and what to do about it, in the user's language, as sentences (most errors carry no full stop of their own). */
export function inWords(lang: Lang, error: HallError): string {
  const main = inLang(lang, error);
  if (!error.action) return main;
  const stop = /[。！？.!?]$/.test(main) ? (lang === 'en' ? ' ' : '') : lang === 'en' ? '. ' : '。';
  return `${main}${stop}${inLang(lang, error.action)}`;
}
