import { describe, expect, it, vi } from 'vitest';
import intents from '../../../instructions/intents.json';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { SearchEngine } from '../../../src-shared/search/engine';
import { fold } from '../../../src-shared/search/fold';
import { ActionDetector } from '../../../src-shared/search/intents';

const detector = new ActionDetector(intents);

describe('action detection', () => {
  it.each([
    ['关流量', 'disable'],
    ['客户想关掉流量', 'disable'],
    ['開通來電顯示', 'enable'],
    ['开通了什么业务', 'query'],
    ['用了多少流量', 'query'],
    ['呼叫等待开着没有', 'query'],
    ['上网被关了，怎么重新打开', 'enable'],
    ['密码重置', 'change'],
    ['turn off call waiting', 'disable'],
    ['call waiting on', 'enable'],
    ['how much data is left', 'query'],
    // a yes/no question asks about the state it names
    ['is call waiting on', 'query'],
    ['Does my line have caller ID enabled?', 'query'],
    ['call waiting is on', 'enable'],
    ['余额', null],
    ['停机', null],
  ])('%j asks to %s', (query, action) => {
    expect(detector.detect(fold(query))).toBe(action);
  });

  it('knows which actions contradict each other', () => {
    expect(detector.conflict('enable', 'disable')).toBe(true);
    expect(detector.conflict('disable', 'enable')).toBe(true);
    expect(detector.conflict('query', 'enable')).toBe(true);
    expect(detector.conflict('enable', 'other')).toBe(false);
  });

  it('refuses a broken word list', () => {
    expect(() => new ActionDetector({ schemaVersion: 1 })).toThrowError(expect.objectContaining({ code: 'intents.invalid' }));
  });
});

describe('what a search asks of the detector', () => {
  it('reads each reading once for a new value and once for being told (they were read twice per search)', () => {
    const spied = new ActionDetector(intents);
    const engine = new SearchEngine(builtinCatalog().instructions, spied);
    const told = vi.spyOn(spied, 'asksToBeTold');
    const value = vi.spyOn(spied, 'setsValue');
    for (const query of ['想知道对方收到短信没有', '余额提醒改成30块', 'want to know if my texts arrived']) {
      told.mockClear();
      value.mockClear();
      expect(engine.search(query, 3).length, query).toBeGreaterThan(0);
      for (const spy of [told, value]) {
        const texts = spy.mock.calls.map(([text]) => text);
        expect(texts.length, query).toBeGreaterThan(0);
        expect(new Set(texts).size, query).toBe(texts.length);
      }
    }
  });
});
