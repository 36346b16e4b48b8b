import { describe, expect, it } from 'vitest';
import { editedText } from '../../../src-shared/catalog/custom/edit';

describe('editedText', () => {
  it.each([
    ['a new text', undefined, 'en', 'Data left', { en: 'Data left' }],
    ['copies follow the edit', { 'zh-Hans': 'A', 'zh-Hant': 'A', en: 'A' }, 'en', 'B', { 'zh-Hans': 'B', 'zh-Hant': 'B', en: 'B' }],
    ['own wordings stay', { 'zh-Hans': '查流量', 'zh-Hant': '查流量', en: 'Data left' }, 'en', 'Data remaining', { 'zh-Hans': '查流量', 'zh-Hant': '查流量', en: 'Data remaining' }],
    ['a copy of the Chinese follows it', { 'zh-Hans': '查流量', 'zh-Hant': '查流量', en: 'Data left' }, 'zh-Hans', '查询流量', { 'zh-Hans': '查询流量', 'zh-Hant': '查询流量', en: 'Data left' }],
    ['cleared with its copies', { 'zh-Hans': '备注', 'zh-Hant': '备注', en: '备注' }, 'zh-Hans', '', undefined],
    ['cleared in one language only', { 'zh-Hans': '备注', 'zh-Hant': '備註', en: 'A note' }, 'en', '', { 'zh-Hans': '备注', 'zh-Hant': '備註' }],
  ] as const)('%s', (_name, before, lang, now, expected) => {
    expect(editedText(before, lang, now)).toEqual(expected);
  });
});
