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

describe('小e never offers a risky guess as a chip', () => {
  it('停一下那个: 停机 is named, not a chip, and the answer says why', () => {
    const a = assistant.answer('停一下那个', 'zh-Hans', { now });
    expect(a.kind).toBe('unknown');
    expect(chipIds(a)).not.toContain('TJ');
    expect(a.text).toBe('这个我还不太懂，没有把握给出指令。可以换个说法，或者拨打 10086 问人工客服。');
    expect(a.notes.join('\n')).toContain('「停机」');
    expect(a.notes.join('\n')).toContain('请直接说出它的名字');
  });

  it.each([
    ['不想要那个提醒了', 'zh-Hant', '「取消餘額提醒」'],
    ['turn that off for me', 'en', '"Suspend line"'],
  ] as const)('%j (%s answer): no chip needs a confirmation, and %s is named', (q, lang, named) => {
    const a = assistant.answer(q, lang, { now });
    expect(a.kind).toBe('unknown');
    if (a.kind === 'clarify') return;
    expect(a.chips.filter((c) => c.risk.confirm).map((c) => c.id)).toEqual([]);
    expect(a.notes.join('\n')).toContain(named);
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
