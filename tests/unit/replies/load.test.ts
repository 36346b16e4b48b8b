import { describe, expect, it } from 'vitest';
import repliesJson from '../../../instructions/replies.json';
import { HallError } from '../../../src-shared/errors';
import { parseReplyRules, ReplyReader } from '../../../src-shared/replies';
import { RECEIVED } from './format';

const copy = () => structuredClone(repliesJson) as Record<string, any>;

function loadError(file: unknown): HallError {
  try {
    parseReplyRules(file);
  } catch (e) {
    if (e instanceof HallError) return e;
    throw e;
  }
  throw new Error('loaded');
}

describe('loading reply templates', () => {
  it('loads the shipped file', () => {
    expect(parseReplyRules(repliesJson).figures.map((f) => f.id)).toEqual(['balance', 'bill', 'data', 'voice', 'sms', 'points']);
  });

  it.each([
    ['not an object', () => 'rules', '(root)'],
    ['wrong version', () => ({ ...copy(), schemaVersion: 2 }), 'schemaVersion'],
    ['unknown topic', () => { const f = copy(); f.figures[0].topic = 'weather'; return f; }, 'figures.0.topic'],
    ['empty label list', () => { const f = copy(); f.figures[0].fields[0].labels = []; return f; }, 'figures.0.fields'],
    ['a stray key', () => ({ ...copy(), extra: true }), 'extra'],
  ])('refuses %s, naming where, in Chinese and English', (_name, make, where) => {
    const e = loadError(make());
    expect(e.code).toBe('replies.invalid');
    expect(e.zh).toContain('回复模板文件格式不对');
    expect(e.en).toContain('reply templates file is not valid');
    expect(e.en).toContain(where);
    expect(e.action?.zh).toContain('instructions/replies.json');
  });

  it('refuses a pattern that does not compile, and a label set that does not exist', () => {
    const f = copy();
    f.ignore = ['(unclosed'];
    f.figures[2].fields = 'allowances';
    const e = loadError(f);
    expect(e.details?.problems).toEqual([
      'figures.2.fields: no label set "allowances"',
      expect.stringMatching(/^ignore\.0: Invalid regular expression/),
    ]);
  });

  it('refuses two templates with one id', () => {
    const f = copy();
    f.outcomes[0].id = 'balance';
    expect(loadError(f).details?.problems).toEqual(['template id "balance" used twice']);
  });

  it('reads a wording a maintainer adds without touching code', () => {
    const f = copy();
    const text = '您的话费尚存35.20元';
    expect(new ReplyReader(parseReplyRules(f)).read({ text, receivedAt: RECEIVED }).kind).toBe('unknown');
    f.figures[0].when.push('話費尚存');
    f.figures[0].fields[0].labels.push('話費尚存');
    const r = new ReplyReader(parseReplyRules(f)).read({ text, receivedAt: RECEIVED });
    expect(r.kind === 'figures' && r.figures.map((x) => [x.field, x.value, x.label])).toEqual([['balance', 35.2, '话费尚存']]);
  });
});
