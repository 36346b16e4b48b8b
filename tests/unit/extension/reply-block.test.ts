import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../../src-extension/i18n';
import { replyBlock } from '../../../src-extension/view-reply';

/** The few DOM calls the popup's `h` makes (tests run in Node): enough to read what it built. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  readonly children: (FakeElement | string)[] = [];
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  append(child: FakeElement | string): void {
    this.children.push(child);
  }
  get textContent(): string {
    return this.children.map((c) => (typeof c === 'string' ? c : c.textContent)).join('');
  }
  find(cls: string): FakeElement[] {
    const own = this.attributes.get('class')?.split(' ').includes(cls) ? [this] : [];
    return [...own, ...this.children.flatMap((c) => (typeof c === 'string' ? [] : c.find(cls)))];
  }
}

const text = '尊敬的客户，您好！截至12月06日08时，您的账户余额为1.74元，本月套餐内剩余流量600MB【中国移动】';

describe('the popup’s reply under a send', () => {
  const saved = (globalThis as { document?: unknown }).document;
  beforeAll(() => {
    (globalThis as { document?: unknown }).document = { createElement: (tag: string) => new FakeElement(tag) };
  });
  afterAll(() => {
    (globalThis as { document?: unknown }).document = saved;
  });

  it.each(LANGS.map((l) => [l]))('%s: a reply that may be joined wrong shows the whole text and the note, which says no figures were read', (lang) => {
    const el = replyBlock(lang, { text, receivedAt: 1, uncertain: true }) as unknown as FakeElement;
    expect(el.attributes.has('data-uncertain')).toBe(true);
    const notes = el.find('reply-uncertain');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toMatch({ 'zh-Hans': /可能拼错.*没有从它读取数字/, 'zh-Hant': /可能拼錯.*沒有從它讀取數字/, en: /may be put together wrong.*No figures were read/ }[lang]);
    expect(el.textContent.startsWith(text)).toBe(true);
  });

  it('a certain reply, and one kept before the mark existed, show the text alone', () => {
    for (const r of [{ text, receivedAt: 1, uncertain: false }, { text, receivedAt: 1 }]) {
      const el = replyBlock('zh-Hans', r) as unknown as FakeElement;
      expect(el.find('reply-uncertain')).toHaveLength(0);
      expect(el.attributes.has('data-uncertain')).toBe(false);
      expect(el.textContent).toBe(text);
    }
  });
});
