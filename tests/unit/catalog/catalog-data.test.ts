import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalog, builtinServices } from '../../../src-shared/catalog/builtin';
import { sharedFile, sharedSkipReason } from '../../shared-material';

const SEED_NAME = 'seeds/000_780a1dd6575a495b.txt';
const SEED = sharedFile(SEED_NAME);

/** The seed's SMS-hall list: lines such as `查詢本機餘額:YE(…)` between the list's heading and 體驗業務. */
function seedInstructionLines(): string[] {
  const text = readFileSync(SEED!, 'utf8');
  const start = text.indexOf('當客戶辦理或退訂某項業務時');
  const end = text.indexOf('體驗業務:tywlan') + '體驗業務:tywlan'.length;
  return text
    .slice(start, end)
    .split('\n')
    .slice(1)
    .filter((l) => /^[^:]+:[A-Za-z0-9]/.test(l));
}

describe('the built-in catalog', () => {
  const catalog = builtinCatalog();
  const entries = catalog.instructions;

  it.skipIf(SEED === null)(`holds every instruction of the seed, in the seed order, with the seed line verbatim${SEED ? '' : ` (${sharedSkipReason(SEED_NAME)})`}`, () => {
    const lines = seedInstructionLines();
    expect(lines).toHaveLength(38);
    expect(entries.map((e) => e.seed)).toEqual(lines);
    // The id is the keyword as the seed writes it, without parameters.
    const keyword = (line: string) => line.split(':')[1]!.match(/^[A-Za-z0-9]+/)![0];
    expect(entries.map((e) => e.id)).toEqual(lines.map((l) => (keyword(l) === 'ZDyyyymm' ? 'ZD' : keyword(l))));
  });

  it('has the typed templates the seed describes', () => {
    const templates = Object.fromEntries(entries.filter((e) => e.params.length).map((e) => [e.id, e.template]));
    expect(templates).toEqual({
      ZD: 'ZD{month}',
      MMXG: 'MMXG#{oldPassword}#{newPassword}',
      MMHF: 'MMHF#{idNumber}',
      BGYETX: 'BGYETX{amount}',
      KTYETX: 'KTYETX{amount}',
      CXYEH: 'CXYEH{password}',
    });
    for (const e of entries) expect(e.to).toBe('10086');
  });

  it('marks passwords and ID numbers as secrets and nothing else', () => {
    for (const e of entries) {
      for (const p of e.params) expect(p.secret, `${e.id}.${p.name}`).toBe(p.type === 'password' || p.type === 'idNumber');
    }
  });

  it('asks for confirmation before TJ, every QX… and the password instructions', () => {
    const confirm = entries.filter((e) => e.risk.confirm).map((e) => e.id);
    expect(confirm).toContain('TJ');
    for (const e of entries.filter((x) => x.id.startsWith('QX'))) expect(confirm).toContain(e.id);
    expect(confirm).toEqual(expect.arrayContaining(['MMXG', 'MMHF']));
    for (const e of entries.filter((x) => x.risk.confirm)) expect(e.risk.reason?.en, e.id).toBeTruthy();
    expect(confirm).not.toContain('YE');
  });

  it('pairs every KT… with its QX…', () => {
    for (const e of entries.filter((x) => x.id.startsWith('KT'))) {
      const qx = 'QX' + e.id.slice(2);
      if (catalog.get(qx)) {
        expect(e.opposite).toBe(qx);
        expect(catalog.get(qx)!.opposite).toBe(e.id);
      }
    }
    expect(catalog.get('KTGPRS')!.action).toBe('enable');
    expect(catalog.get('QXGPRS')!.action).toBe('disable');
  });

  it('carries the seed caveats: not every province, and other balance texts', () => {
    const block = entries.slice(entries.findIndex((e) => e.id === 'BGYETX'));
    expect(block.map((e) => e.id)).toEqual(['BGYETX', 'KTYETX', 'QXYETX', 'CXYEB', 'CXYED', 'CXYEG', 'CXYEH', 'KTHFNZ', 'QXHFNZ', 'KTDXHZ', 'QXDXHZ', 'CXDXHZ', 'tywlan']);
    for (const e of entries) expect(e.caveats.includes('not-all-provinces'), e.id).toBe(block.includes(e));
    expect(catalog.get('YE')!.caveats).toContain('balance-text-varies');
    expect(catalog.caveatText('not-all-provinces', 'zh-Hant')).toMatch(/省/);
  });

  it('names and explains every entry in three languages (its search words: vocabulary.test.ts)', () => {
    for (const e of entries) {
      for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
        expect(e.name[lang], `${e.id} name ${lang}`).toBeTruthy();
        expect(e.summary[lang], `${e.id} summary ${lang}`).toBeTruthy();
      }
    }
  });

  it('keeps the seed service directory: 10086, the free SMS ports, and the retired 1860/1861', () => {
    const numbers = builtinServices().numbers;
    const byNumber = (n: string) => numbers.filter((x) => x.number === n);
    expect(byNumber('10086').map((x) => x.kind)).toEqual(expect.arrayContaining(['hotline', 'sms-port']));
    expect(byNumber('10086999').map((x) => x.kind)).toEqual(['sms-port']);
    for (const n of ['1860', '1861']) {
      expect(byNumber(n)[0]).toMatchObject({ kind: 'retired', until: '2006-06-18' });
    }
    expect(byNumber('10086').find((x) => x.kind === 'hotline')!.notes['zh-Hans']).toMatch(/0/);
  });
});
