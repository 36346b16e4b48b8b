import { describe, expect, it } from 'vitest';
import { builtinAssistant, type AssistantAnswer } from '../../../src-shared/assistant';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';

// Queries written for these tests (none is in a query set): the search's first answer to each is a guess
// that needs a confirmation (停机, a reminder or mobile data turned off).
const assistant = builtinAssistant();
const now = new Date(2026, 10, 25, 10, 0);

function chipIds(answer: AssistantAnswer): string[] {
  if (answer.kind === 'clarify') throw new Error('expected chips, got a clarification');
  return answer.chips.map((c) => c.id);
}

function optionIds(answer: AssistantAnswer): string[] {
  if (answer.kind !== 'clarify') throw new Error(`expected a clarifying question, got ${answer.kind}`);
  return answer.options.map((o) => o.chip.id);
}

describe('小e asks about a risky first guess rather than offering it (session 27)', () => {
  it('停一下那个: asks whether 停机 is meant, and names the further risky guesses', () => {
    const a = assistant.answer('停一下那个', 'zh-Hans', { now });
    expect(optionIds(a)).toEqual(['TJ']);
    expect(a.text).toBe('我不太确定，你是想要「停机」吗？这类指令发出后不容易挽回，选了以后发送前还会请你再确认一次。都不是的话，可以换个说法，或者拨打 10086 问人工客服。');
    expect(a.notes.join('\n')).toContain('「关闭手机上网业务」');
    expect(a.notes.join('\n')).not.toContain('「停机」');
  });

  it.each([
    ['不想要那个提醒了', 'zh-Hant', 'QXYETX', '「取消餘額提醒」'],
    ['turn that off for me', 'en', 'QXGPRS', '"Turn off mobile data"'],
  ] as const)('%j (%s answer): asks about %s by name, and every option still asks to confirm', (q, lang, id, named) => {
    const a = assistant.answer(q, lang, { now });
    expect(optionIds(a)[0]).toBe(id);
    expect(a.text).toContain(named);
    if (a.kind === 'clarify') expect(a.options[0]!.chip.risk.confirm).toBe(true);
  });

  // Chit-chat whose first guess scores under ASK_RISKY: 停机 is named, never asked about.
  it('失恋了: a weak risky guess is only named', () => {
    const a = assistant.answer('失恋了', 'zh-Hans', { now });
    expect(a.kind).toBe('unknown');
    expect(chipIds(a)).toEqual([]);
    expect(a.text).toBe('这个我还不太懂，没有把握给出指令。可以换个说法，或者拨打 10086 问人工客服。');
    expect(a.notes.join('\n')).toContain('请直接说出它的名字');
  });

  // Nothing of the guess in the question (a greeting in pinyin, a cat): no question about it, however it scored (review41).
  it.each([
    ['nihao zaima', 'zh-Hans'],
    ['my cat will not stop meowing', 'en'],
  ] as const)('%j: a risky guess with none of its words in the question is not asked about', (q, lang) => {
    const a = assistant.answer(q, lang, { now });
    expect(a.kind === 'clarify' ? a.options.filter((o) => o.chip.risk.confirm).map((o) => o.chip.id) : []).toEqual([]);
  });

  // The way back the note promises: every risky instruction asked for by its name is a chip.
  const risky = builtinCatalog().instructions.filter((i) => i.risk.confirm);
  it.each(risky.flatMap((i) => (['zh-Hans', 'zh-Hant', 'en'] as const).map((lang) => [i.name[lang], lang, i.id] as const)))(
    'asked by name, %j (%s) is offered: %s',
    (name, lang, id) => {
      const a = assistant.answer(name, lang, { now });
      expect(a.kind).toBe('instructions');
      expect(chipIds(a)).toContain(id);
    },
  );
});
