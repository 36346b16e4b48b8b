import { describe, expect, it } from 'vitest';
import { growCatalog } from '../../../bench/grow-catalog';
import { builtinActions, builtinCatalog } from '../../../src-shared/catalog/builtin';
import { createSearch } from '../../../src-shared/search';
import { Families } from '../../../src-shared/search/families';

/*
 * Issue 16, fifth round (branch searchq5): a service's instructions as one family (families.ts).
 * The queries here are ours, written for each mechanism; none is from a query set.
 */

const real = builtinCatalog().instructions;
const engine = createSearch(real);
const first = (q: string) => engine.search(q, 3)[0];
const at = (id: string) => real.findIndex((e) => e.id === id);
const idOf = (i: number) => (i < 0 ? null : real[i]!.id);

describe('a service’s family, read from the catalog’s own links', () => {
  const families = new Families(real);

  it('pairs on and off, and finds the pair’s status query, its change and the query reading its amount', () => {
    expect(idOf(families.member(at('KTCL'), 'disable'))).toBe('QXCL');
    expect(idOf(families.member(at('QXSFTH'), 'enable'))).toBe('KTSFTH');
    expect(idOf(families.member(at('KTHJDD'), 'status'))).toBe('CXHJDD');
    expect(idOf(families.member(at('CXHJBC'), 'disable'))).toBe('QXHJBC');
    expect(idOf(families.member(at('QXYETX'), 'change'))).toBe('BGYETX');
    expect(idOf(families.member(at('CXYEG'), 'disable'))).toBe('QXGPRS');
    expect(families.readsAmount(at('CXYEG'))).toBe(true);
    expect(families.readsAmount(at('CXHJDD'))).toBe(false);
  });

  it('asks a service with no status query of its own through the general one (已开通功能)', () => {
    for (const id of ['KTCL', 'QXLDXS', 'KTGPRS', 'KTYETX', 'QXHFNZ', 'KTLDTX']) expect(idOf(families.member(at(id), 'status')), id).toBe('GN');
  });

  it('leaves instructions without links alone: the balance, the bill, a grown catalog’s packages', () => {
    expect(families.member(at('YE'), 'enable')).toBe(-1);
    expect(families.member(at('ZD'), 'status')).toBe(-1);
    const grown = growCatalog(real, 500);
    const g = new Families(grown);
    for (let i = real.length; i < grown.length; i++) expect(g.member(i, 'disable')).toBe(-1);
  });
});

describe('asking whether a service is on', () => {
  it('is answered by its status query, or by 已开通功能 when it has none, not by turning it on or reading its amount', () => {
    const cases: [string, string[]][] = [
      ['流量是不是开着的', ['GN', '0000']],
      ['我的彩铃现在开着吗', ['GN', '0000']],
      ['话费提醒有没有开通', ['GN', '0000']],
      ['呼叫等待开着没', ['CXHJDD']],
      ['三方通话开咗未', ['CXSFTH']],
      ['開咗呼叫保持未呀', ['CXHJBC']],
      ['关了短信回执没有', ['CXDXHZ']],
      ['is caller id on for me', ['GN', '0000']],
      ['call hold on or off', ['CXHJBC']],
      ['are delivery receipts active?', ['CXDXHZ']],
    ];
    for (const [q, ids] of cases) expect(ids, `${q} → ${engine.search(q, 3).map((r) => r.id)}`).toContain(first(q)?.id);
  });

  it('with no service named, is answered by 已开通功能 (what’s on on my line), and a misspelt service stays a guess', () => {
    expect(first('whats on on my line')?.id).toBe('GN');
    expect(first('r delivery reports on?')?.id).toBe('CXDXHZ');
    expect(first('呼叫保持开成功没')?.id).toBe('CXHJBC');
    const guess = first('call wating on or off?');
    expect(guess === undefined || !guess.confident).toBe(true);
  });

  it('is read in the clause that asks (数据开着老是乱跑，先把上网关了 turns off), or named before a clause that only asks', () => {
    const actions = builtinActions();
    expect(first('流量是开着还是关着的，帮我查查')?.id).toBe('GN');
    expect(actions.asksStatus('数据开着老是乱跑,先把上网关了')).toBe(false);
    expect(actions.asksStatus('刚才试了一下,数据开着吗')).toBe(true);
    expect(actions.asksStatus('what do i have turned on')).toBe(true);
    expect(actions.asksStatus('how do i turn on data')).toBe(false);
  });
});

describe('an action asked of a service described in another member’s words', () => {
  it('goes to the member doing it', () => {
    const cases: [string, string][] = [
      ['三个人一起通话的功能不需要了，关掉', 'QXSFTH'],
      ['打电话时别人打不进来那个，帮我取消', 'QXHJDD'],
      ['把 data 关了', 'QXGPRS'],
      ['提醒线原来设的是20块，改低一点', 'BGYETX'],
      ['以前余额剩50块就提醒，以后剩10块再提醒就行', 'BGYETX'],
    ];
    for (const [q, id] of cases) expect(first(q)?.id, `${q} → ${engine.search(q, 3).map((r) => r.id)}`).toBe(id);
  });

  it('asked to be told of an event, turns on the feature that tells; asked an amount or a state, still asks', () => {
    expect(first('i wanna know if my texts got delivered')?.id).toBe('KTDXHZ');
    expect(first('want to know if my message reached them')?.id).toBe('KTDXHZ');
    expect(first('短信送到没送到我想知道')?.id).toBe('KTDXHZ');
    expect(first('want to know whether delivery reports are on')?.id).toBe('CXDXHZ');
    expect(first('想知道还剩多少条短信')?.id).toBe('CXYED');
  });

  it('keeps a catalog text typed word for word with its own instruction', () => {
    expect(first('恢复普通回铃音')?.id).toBe('QXCL');
    expect(first('remind me when balance falls below')?.id).toBe('BGYETX');
  });

  it('reads "on my phone" as a place and 被关了 as what happened, not as actions', () => {
    expect(first('please turn off call waiting on my phone')?.id).toBe('QXHJDD');
    expect(builtinActions().detect('是不是流量被关了')).not.toBe('disable');
  });
});

describe('a password forgotten or remembered', () => {
  it('is reset when forgotten, changed when the old one is known', () => {
    const actions = builtinActions();
    expect(actions.forgot('服务密码想不起来了')).toBe(true);
    expect(actions.forgot('i remember the old password')).toBe(false);
    expect(actions.forgot('查话费')).toBe(null);
    expect(first('forgot my pin, how do i set a new one')?.id).toBe('MMHF');
    expect(first('服务密码我记得，就是想换个新的')?.id).toBe('MMXG');
  });
});

describe('a code typed one letter or one swap off', () => {
  it('is that code, not pinyin initials; a word of initials around a code suffix stays initials', () => {
    expect(first('QXHJCB')?.id).toBe('QXHJBC');
    expect(first('KTLDSX')?.id).toBe('KTLDXS');
    expect(first('gbyetx')?.id).toBe('QXYETX');
  });

  it('熄咗機 is the phone off, not turning something off', () => {
    expect(first('熄咗機嗰陣有人打嚟')?.id).toBe('KTLDTX');
  });
});
