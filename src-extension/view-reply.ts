import { h } from './dom';
import type { DesktopReply } from './desktop-protocol';
import { t, type Lang } from './i18n';

/**
 * One reply under its send: the whole text, and under one that may be joined wrong (two long
 * messages under one reference in the same second, docs/security.md) the app's note. The
 * extension reads no figures from any reply; the note says so, as the app's thread does.
 */
export function replyBlock(lang: Lang, r: DesktopReply): HTMLElement {
  const note = r.uncertain ? h('p', { class: 'reply-uncertain' }, t(lang, 'replyUncertain')) : null;
  return h('blockquote', { class: 'reply', ...(r.uncertain ? { 'data-uncertain': '' } : {}) }, r.text, note);
}
