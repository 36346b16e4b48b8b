import { describe, expect, it } from 'vitest';
import { dataByPool, understandReply, type FigureRecord } from '../../../src-shared/replies';

// Round 46 (issue 15, branch replies46): generalisation in the two largest classes of held-out misses (by kind only):
// used figures missed, and a data pool a person writes general read as not stated. Every wording here is OURS (written
// for this test, NOT a real reply); the words of use are those real dev texts write (仅使用 r15-127, 实际使用
// vpmn-0019-confirm, 本月使用 r15-117); 畅享, 不限速, 目前 are words no rule of replies.json knows. The non-guard cases fail on
// main 333b544e; the guards pass there too.

const RECEIVED = Date.parse('2026-12-07T02:00:00Z');

function read(text: string): string[] {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  return u.kind === 'figures' ? u.figures.map((f: FigureRecord) => `${f.topic}.${f.field} ${+f.value.toFixed(2)} ${f.pool ?? 'null'}${f.pool !== null && f.kindFrom ? ` ${f.kindFrom}` : ''}`) : [];
}

/** The data-left sums as the Overview makes them: "pool mb members", inferred ones marked "?". */
function leftSums(text: string): string[] {
  const u = understandReply({ text, receivedAt: RECEIVED, from: '10086' });
  const left = u.kind === 'figures' ? u.figures.filter((f: FigureRecord) => f.topic === 'data' && f.field === 'remaining') : [];
  return dataByPool(left).map((a) => `${a.pool ?? 'null'}${a.inferred ? '?' : ''} ${+a.mb.toFixed(2)} ${a.members.length}`);
}

describe('round 46: words of use with an adverb before 使用', () => {
  it('实际使用 keeps the kind of the amount before it (no unknown name 实际)', () => {
    expect(read('国内通用流量共75G，已用8.21G，剩余66.79G；其中国内通用流量结转共30G，实际使用8.21G，剩余21.79G。').slice(3)).toEqual([
      'data.total 30720 carryover own',
      'data.used 8407.04 carryover clause',
      'data.remaining 22312.96 carryover clause',
    ]);
  });
  it('仅使用 after a weak label (累计) makes the amount before it the total', () => {
    expect(read('您当前套餐使用情况：国内移动数据流量累计150.00M，仅使用35.95M。')).toEqual(['data.total 150 general own', 'data.used 35.95 general clause']);
  });
  it('an adverb the labels lack (目前使用) is read by the stem 使用: the amount before it is the total', () => {
    expect(read('您当前套餐使用情况：国内移动数据流量累计150.00M，目前使用35.95M。')).toEqual(['data.total 150 general own', 'data.used 35.95 general clause']);
  });
  it('已通话 (real r24b-043 writes it) is use, also with what is left after it: no total of 0 minutes', () => {
    expect(read('您的通话套餐包月免费通话时长已通话0分钟，剩余100分钟。')).toEqual(['voice.used 0 null', 'voice.remaining 100 null']);
  });
  it('guard: 已通话25分钟，未使用5分钟 keeps the 25 minutes used (未使用 is no word of use)', () => {
    expect(read('本地主叫本地30分钟：已通话25分钟，未使用5分钟。').slice(-2)).toEqual(['voice.used 25 null', 'voice.remaining 5 null']);
  });
  it('guard: 本月使用情况如下 before a numbered list names no amount of the list', () => {
    expect(read('您本月使用情况如下：1、国内通用流量剩余1GB；2、省内流量剩余2GB。')).toEqual(['data.remaining 1024 general own', 'data.remaining 2048 provincial own']);
  });
});

describe('round 46: general data named by its scope with a word the rules do not know', () => {
  it('国内畅享流量 is general as a guess, not "not stated"', () => {
    expect(read('您本月国内畅享流量剩余1.5GB。')).toEqual(['data.remaining 1536 general narrowed']);
  });
  it('the use and what is left after it are of its kind, never added to the plain general data', () => {
    const text = '您本月全国不限速流量共2GB，已使用0.5GB，剩余1.5GB；省内通用流量剩余1GB。';
    expect(read(text)).toEqual(['data.total 2048 general narrowed', 'data.used 512 general before', 'data.remaining 1536 general before', 'data.remaining 1024 provincial own']);
    expect(leftSums(text)).toEqual(['general? 1536 1', 'provincial 1024 1']);
    // Round 48: beside general data stated plainly (国内通用流量) the unknown word sets the pool apart: not stated, all three.
    const beside = '您本月全国不限速流量共2GB，已使用0.5GB，剩余1.5GB；国内通用流量剩余1GB。';
    expect(read(beside)).toEqual(['data.total 2048 null', 'data.used 512 null', 'data.remaining 1536 null', 'data.remaining 1024 general own']);
  });
  it('guard: a scope of the province (省内畅享流量) stays not stated', () => {
    expect(read('您本月省内畅享流量剩余1.5GB。')).toEqual(['data.remaining 1536 null']);
  });
  it('guard: a known kind after the scope (国内闲时流量) is that kind', () => {
    expect(read('您本月国内闲时流量剩余1.5GB。')).toEqual(['data.remaining 1536 offpeak own']);
  });
});
