import { describe, expect, it } from 'vitest';
import { builtinAssistant } from '../../../src-shared/assistant';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { Conversation } from '../../../src-renderer/views/assistant/conversation';

describe('a question to 小e, as kept', () => {
  it.each([
    ['密码是123456', '密码是******'],
    ['mmxg#123456#654321', 'mmxg#******#******'],
    ['帮我 MMXG 123456 654321', '帮我 MMXG ****** ******'],
    ['身份证 11010519491231002X 挂失', '身份证 ****** 挂失'],
    // An instruction's month and longer numbers are not secrets of those shapes.
    ['ZD202610', 'ZD202610'],
    ['我的号码 13800138000', '我的号码 13800138000'],
    ['12345 不是', '12345 不是'],
  ])('%s → %s', (question, shown) => {
    const conversation = new Conversation();
    conversation.add(question, builtinAssistant().answer(question, 'zh-Hans', { now: new Date(Date.UTC(2026, 10, 20)) }));
    expect(conversation.snapshot()[0]!.question).toBe(shown);
    expect(builtinCatalog().maskSecrets(question)).toBe(shown);
  });
});

describe('Conversation', () => {
  it('keeps questions masked, in order, and tells its listeners', () => {
    const conversation = new Conversation();
    let heard = 0;
    const stop = conversation.subscribe(() => heard++);
    const answer = builtinAssistant().answer('我还剩多少流量', 'zh-Hans', { now: new Date(Date.UTC(2026, 10, 20)) });
    conversation.add('我还剩多少流量', answer);
    conversation.add('密码改成 654321', answer);
    stop();
    conversation.add('YE', answer);
    expect(conversation.snapshot().map((t) => [t.id, t.question])).toEqual([
      [1, '我还剩多少流量'],
      [2, '密码改成 ******'],
      [3, 'YE'],
    ]);
    expect(heard).toBe(2);
  });
});
