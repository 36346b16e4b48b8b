import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import data from '../../../instructions/assistant.json';
import { builtinAssistant, createAssistant, type AssistantAnswer, type AssistantContext } from '../../../src-shared/assistant';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';

const assistant = builtinAssistant();
const now = new Date(2026, 10, 25, 10, 0);
const ask = (q: string, lang: 'zh-Hans' | 'zh-Hant' | 'en' = 'zh-Hans', context: AssistantContext = { now }) =>
  assistant.answer(q, lang, context);

function options(answer: AssistantAnswer): { label: string; id: string; params: Record<string, string> }[] {
  if (answer.kind !== 'clarify') throw new Error(`expected a clarification, got ${answer.kind}`);
  return answer.options.map((o) => ({ label: o.label, id: o.chip.id, params: o.chip.params }));
}

function chips(answer: AssistantAnswer): string[] {
  if (answer.kind === 'clarify') throw new Error('expected chips, got a clarification');
  return answer.chips.map((c) => c.id);
}

describe('clarifying questions', () => {
  it('asks what to do with 流量 and offers query, on and off', () => {
    const a = ask('流量');
    expect(a.text).toBe('关于「流量 / 手机上网」，你想做什么？');
    expect(options(a).map((o) => [o.id, o.label])).toEqual([
      ['CXYEG', '移动数据业务流量查询'],
      ['KTGPRS', '开通手机上网业务'],
      ['QXGPRS', '关闭手机上网业务'],
    ]);
  });

  it('asks the same about GPRS in English, in English', () => {
    const a = ask('GPRS', 'en');
    expect(a.text).toBe('What would you like to do with mobile data?');
    expect(options(a).map((o) => o.label)).toEqual(['Data usage', 'Turn on mobile data', 'Turn off mobile data']);
  });

  it.each([
    ['zh-Hans', '账单', '想查哪个月的账单？', ['本月（到目前为止）', '上个月', '选择其他月份']],
    ['zh-Hant', '帳單', '想查哪個月的帳單？', ['本月（到目前為止）', '上個月', '選擇其他月份']],
    ['en', 'my bill', "Which month's bill?", ['This month so far', 'Last month', 'Pick a month']],
  ] as const)('asks which month for a bill with none named (%s)', (lang, q, text, labels) => {
    const a = ask(q, lang);
    expect(a.text).toBe(text);
    expect(options(a)).toEqual([
      { label: labels[0], id: 'ZD', params: { month: '202611' } },
      { label: labels[1], id: 'ZD', params: { month: '202610' } },
      { label: labels[2], id: 'ZD', params: {} },
    ]);
  });

  it('counts last month back across a new year', () => {
    const a = ask('账单', 'zh-Hans', { now: new Date(2027, 0, 3) });
    expect(options(a).map((o) => o.params)).toEqual([{ month: '202701' }, { month: '202612' }, {}]);
  });

  it('asks which half of a KT/QX pair the search found when no word picks one', () => {
    expect(options(ask('cailing')).map((o) => o.id)).toEqual(['KTCL', 'QXCL']);
  });

  it('asks which figure for “我还剩多少” with no reply yet, and explains the reply when there is one', () => {
    expect(options(ask('我还剩多少')).map((o) => o.id)).toEqual(['YE', 'CXYEG', 'CXYEB', 'CXYED']);
  });

  it.each([
    ['取消', 'zh-Hans', '你想关闭哪一项？'],
    ['開通一下', 'zh-Hant', '你想開通哪一項？'],
    ['please turn it off', 'en', 'What would you like to turn off?'],
  ] as const)('asks what to act on for a bare action word: %j', (q, lang, text) => {
    const a = ask(q, lang);
    expect(a.text).toBe(text);
    expect(options(a)).toHaveLength(6);
  });

  it('lists the things that can be turned off for 取消, in data order', () => {
    expect(options(ask('取消')).map((o) => o.id)).toEqual(['QXGPRS', 'QXLDXS', 'QXCL', 'QXHJDD', 'QXHJBC', 'QXSFTH']);
  });

  it('does not ask when the action is named', () => {
    expect(chips(ask('关闭彩铃'))).toEqual(['QXCL']);
    expect(chips(ask('查一下流量'))).toEqual(['CXYEG']);
  });
});

describe('parameters taken from the question', () => {
  it.each([
    ['查一下2026年10月的账单', { month: '202610' }],
    ['上个月账单', { month: '202610' }],
    ['上上个月的账单', { month: '202609' }],
    ['三月的账单', { month: '202603' }],
    ['去年十二月账单', { month: '202512' }],
    ['账单 2026/07', { month: '202607' }],
    ['ZD202608', { month: '202608' }],
  ])('%j → ZD %j', (q, params) => {
    const [chip] = (ask(q) as Extract<AssistantAnswer, { chips: unknown }>).chips;
    expect(chip).toMatchObject({ id: 'ZD', params, missing: [] });
  });

  it('reads an English month and a month without a year as the latest one past', () => {
    expect(ask('bill for October 2026', 'en')).toMatchObject({ kind: 'instructions', chips: [{ id: 'ZD', params: { month: '202610' } }] });
    const inFebruary = ask('十月的账单', 'zh-Hans', { now: new Date(2027, 1, 10) });
    expect(inFebruary).toMatchObject({ chips: [{ params: { month: '202610' } }] });
  });

  it('leaves a future month out, says so, and asks which month', () => {
    const a = ask('查2030年1月的账单');
    expect(a.kind).toBe('clarify');
    expect(a.notes).toEqual(['你说的月份还不能查询（可能是未来的月份），请在表单里选择月份。']);
  });

  it('pre-fills an amount in yuan', () => {
    expect(ask('余额低于30元提醒我')).toMatchObject({
      kind: 'instructions',
      chips: [{ id: 'KTYETX', params: { amount: '30' }, missing: [] }],
    });
    expect(ask('把余额提醒改成50块')).toMatchObject({ chips: [{ id: 'BGYETX', params: { amount: '50' } }] });
  });
});

describe('secrets', () => {
  it('offers MMXG with nothing filled and says the form will ask', () => {
    const a = ask('把密码123456改成654321');
    expect(a).toMatchObject({ kind: 'instructions', chips: [{ id: 'MMXG', params: {}, missing: ['oldPassword', 'newPassword'] }] });
    const note = '发送前表单会请你填写：旧密码、新密码。为了安全，我不会显示或预填你在问题里写的号码。';
    expect(a.notes).toEqual([note]);
  });

  it('does not fill the passwords of MMXG typed whole', () => {
    expect(ask('mmxg#123456#654321', 'en')).toMatchObject({ chips: [{ id: 'MMXG', params: {}, missing: ['oldPassword', 'newPassword'] }] });
  });

  it('never echoes a password or an ID number in any answer, in any language', () => {
    const digits = fc.stringMatching(/^[0-9]{6}$/);
    const id = fc.stringMatching(/^[1-6][0-9]{16}[0-9X]$/);
    const questions = fc.oneof(
      fc.tuple(digits, digits).map(([a, b]) => ({ q: `把密码${a}改成${b}`, secrets: [a, b] })),
      fc.tuple(digits, digits).map(([a, b]) => ({ q: `mmxg#${a}#${b}`, secrets: [a, b] })),
      fc.tuple(digits, digits).map(([a, b]) => ({ q: `change my password from ${a} to ${b}`, secrets: [a, b] })),
      id.map((n) => ({ q: `忘记密码了，身份证号${n}`, secrets: [n] })),
      id.map((n) => ({ q: `MMHF${n}`, secrets: [n] })),
      digits.map((p) => ({ q: `CXYEH${p}`, secrets: [p] })),
    );
    fc.assert(
      fc.property(questions, fc.constantFrom('zh-Hans' as const, 'zh-Hant' as const, 'en' as const), ({ q, secrets }, lang) => {
        const shown = JSON.stringify(ask(q, lang));
        for (const s of secrets) expect(shown).not.toContain(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('risk', () => {
  it('flags instructions the catalog wants confirmed, with the reason in the asked language', () => {
    expect(ask('关流量', 'zh-Hant')).toMatchObject({
      chips: [{ id: 'QXGPRS', risk: { confirm: true, reason: '關閉後本機將不能用行動數據上網' } }],
    });
    expect(ask('suspend my line', 'en')).toMatchObject({ chips: [{ id: 'TJ', risk: { confirm: true } }] });
    expect(ask('查余额')).toMatchObject({ chips: [{ id: 'YE', risk: { confirm: false } }] });
  });
});

describe('explaining the last reply', () => {
  const lastReply = {
    instructionId: 'YE',
    receivedAt: 0,
    summary: { 'zh-Hans': '你的余额 35.20 元', 'zh-Hant': '你的餘額 35.20 元', en: 'Your balance is 35.20 yuan' },
  };

  it.each([
    ['zh-Hans', '10086说的什么意思', '10086 最近的回复：你的余额 35.20 元'],
    ['zh-Hant', '我還剩多少', '10086 最近的回覆：你的餘額 35.20 元'],
    ['en', 'what did 10086 say', "10086's latest reply: Your balance is 35.20 yuan"],
  ] as const)('%s %j → the summary and a chip to ask again', (lang, q, text) => {
    const a = ask(q, lang, { now, lastReply });
    expect(a).toMatchObject({ kind: 'explain', text, chips: [{ id: 'YE' }] });
  });

  it('answers a question naming another thing with that thing, not the last reply', () => {
    expect(chips(ask('我还剩多少流量', 'zh-Hans', { now, lastReply }))).toEqual(['CXYEG']);
  });

  it.each([
    ['zh-Hans', '什么意思'],
    ['zh-Hans', '解释一下刚才的回复'],
    ['zh-Hant', '什麼意思'],
    ['en', 'what does that mean'],
  ] as const)('%s %j explains the last reply', (lang, q) => {
    expect(ask(q, lang, { now, lastReply })).toMatchObject({ kind: 'explain', chips: [{ id: 'YE' }] });
  });

  it('asked to explain with no reply yet, says there is none rather than asking which figure', () => {
    const a = ask('解释一下刚才的回复', 'zh-Hans', { now });
    expect(a).toMatchObject({ kind: 'clarify', text: expect.stringContaining('还没有收到 10086 的回复') });
    expect(ask('what does that mean', 'en', { now })).toMatchObject({ text: expect.stringContaining('nothing to explain') });
    // A vague “how much is left” still asks which figure.
    expect(ask('我还剩多少', 'zh-Hans', { now })).toMatchObject({ kind: 'clarify', text: '想查哪一项还剩多少？' });
  });

  it('explains a reply it cannot pair with an instruction without offering a chip', () => {
    const { instructionId: _dropped, ...unpaired } = lastReply;
    expect(ask('什么意思', 'zh-Hans', { now, lastReply: unpaired })).toMatchObject({ kind: 'explain', chips: [] });
  });
});

describe('help and unknown', () => {
  it.each([
    ['你好', 'zh-Hans'],
    ['你能做什麼', 'zh-Hant'],
    ['hello', 'en'],
    ['', 'en'],
  ] as const)('%j → help with chips', (q, lang) => {
    const a = ask(q, lang);
    expect(a.kind).toBe('help');
    expect(chips(a)).toEqual(['YE', 'CXYEG', 'ZD']);
  });

  it('offers the closest search results when it is unsure', () => {
    const a = ask('查徐额');
    expect(a).toMatchObject({ kind: 'unknown', text: '这个我还不太懂。也许是这些指令之一；都不对的话，可以拨打 10086 问人工客服：' });
    expect(chips(a)[0]).toBe('YE');
  });

  it.each([
    ['公积金余额', 'zh-Hans', '这个没有对应的短信指令，我不猜。可以拨打 10086 问人工客服。'],
    ['信用卡賬單', 'zh-Hant', '這個沒有對應的簡訊指令，我不猜。可以撥打 10086 問人工客服。'],
    ['股票行情', 'zh-Hans', '这个没有对应的短信指令，我不猜。可以拨打 10086 问人工客服。'],
    // no word list names these: a balance or bill of a kind no catalog text uses
    ['校园卡账单', 'zh-Hans', '这个没有对应的短信指令，我不猜。可以拨打 10086 问人工客服。'],
    ['饭卡余额', 'zh-Hans', '这个没有对应的短信指令，我不猜。可以拨打 10086 问人工客服。'],
    ['how do I pair my earbuds', 'en', "There is no SMS instruction for that, and I won't guess. You can call 10086 and ask a person."],
    ["what's the weather tomorrow", 'en', "There is no SMS instruction for that, and I won't guess. You can call 10086 and ask a person."],
  ] as const)('says it has no instruction for %j (another kind of balance, bill or service) and suggests 10086', (q, lang, text) => {
    const a = ask(q, lang);
    expect(a).toMatchObject({ kind: 'unknown', text });
    expect(chips(a)).toEqual([]);
  });

  it('still offers the common instructions when search finds nothing', () => {
    const a = ask('qwzx vbnm', 'en');
    expect(a).toMatchObject({ kind: 'unknown', text: "I don't know that one. Try other words, or start from a common instruction:" });
    expect(chips(a)).toEqual(['YE', 'CXYEG', 'ZD']);
  });
});

describe('assistant data', () => {
  const catalog = builtinCatalog();
  const search = createSearch(catalog.instructions);

  it('refuses a file that is not valid, in Chinese and English', () => {
    const broken = { ...data, objects: [{ id: 'x' }] };
    expect(() => createAssistant({ catalog, search, data: broken })).toThrowError(
      expect.objectContaining({
        code: 'assistant.invalid',
        zh: expect.stringContaining('格式不对'),
        en: expect.stringContaining('is not valid'),
      }),
    );
  });

  it('refuses an object naming an instruction the catalog lacks', () => {
    const objects = [...data.objects, { ...data.objects[0]!, id: 'ghost', default: 'NOPE' }];
    expect(() => createAssistant({ catalog, search, data: { ...data, objects } })).toThrowError(
      expect.objectContaining({ code: 'assistant.invalid', en: expect.stringContaining('objects.ghost → NOPE') }),
    );
  });

  it('refuses a broken shared action word list', () => {
    expect(() => createAssistant({ catalog, search, data, intents: { schemaVersion: 1 } })).toThrowError(
      expect.objectContaining({ code: 'intents.invalid' }),
    );
  });

  it('learns a new object from data alone', () => {
    const objects = [
      ...data.objects,
      {
        id: 'trial',
        name: { 'zh-Hans': '体验', 'zh-Hant': '體驗', en: 'trial' },
        words: { 'zh-Hans': ['试用一下'], 'zh-Hant': ['試用一下'], en: ['free trial'] },
        instructions: {},
        default: 'tywlan',
      },
    ];
    const extended = createAssistant({ catalog, search, data: { ...data, objects } });
    expect(extended.answer('我想試用一下', 'zh-Hant', { now })).toMatchObject({ kind: 'instructions', chips: [{ id: 'tywlan' }] });
  });
});
