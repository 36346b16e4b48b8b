import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CME_ERRORS, cmeCodeForName, explainCme } from '../../../src-shared/at/cme-errors';
import { CMS_ERRORS, cmsCodeForName, explainCms } from '../../../src-shared/at/cms-errors';
import type { ErrorExplanation } from '../../../src-shared/at/error-table';

/** `code<TAB>3GPP name` rows of a fixture listing what the specification defines. */
function specList(file: string): [number, string][] {
  return readFileSync(new URL(`../../fixtures/at/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((row) => row.trim() && !row.startsWith('#'))
    .map((row) => {
      const [code, name] = row.split('\t');
      return [Number(code), name!.trim()];
    });
}

function expectComplete(explanation: ErrorExplanation): void {
  for (const text of [explanation.zh, explanation.en, explanation.action.zh, explanation.action.en]) {
    expect(text.trim()).not.toBe('');
    expect(text).not.toContain('{code}');
  }
  expect(explanation.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(explanation.action.zh).toMatch(/[\u4e00-\u9fff]/);
}

const TABLES = [
  { name: '+CMS (TS 27.005 §3.2.5)', file: '3gpp-cms.tsv', explain: explainCms, codeForName: cmsCodeForName, entries: CMS_ERRORS },
  { name: '+CME (TS 27.007 §9.2)', file: '3gpp-cme.tsv', explain: explainCme, codeForName: cmeCodeForName, entries: CME_ERRORS },
];

describe.each(TABLES)('$name table', ({ file, explain, codeForName, entries }) => {
  const spec = specList(file);

  it.each(spec)('explains %i (%s) by name, with zh, en and action', (code, name) => {
    const explanation = explain(code);
    expect(explanation.spec).toBe(name);
    expectComplete(explanation);
  });

  it('lists nothing the specification does not', () => {
    expect(entries.map((e) => e.code)).toEqual(spec.map(([code]) => code));
  });

  it('explains every other code through a range or the fallback', () => {
    for (let code = 0; code <= 1024; code++) expectComplete(explain(code));
    expectComplete(explain(65535));
  });

  it('reads verbose reports back to their codes, whatever the vendor spelling', () => {
    for (const [code, name] of spec) {
      const first = spec.find(([, other]) => other.toLowerCase() === name.toLowerCase())![0];
      expect(codeForName(name)).toBe(first);
      expect(codeForName(name.toUpperCase())).toBe(first);
    }
    expect(codeForName('made-up vendor wording')).toBeNull();
  });
});

describe('explanations users act on', () => {
  it.each<[string, ErrorExplanation, RegExp]>([
    ['CMS 330 → set the SMSC', explainCms(330), /AT\+CSCA/],
    ['CMS 322 → delete messages', explainCms(322), /delete/i],
    ['CMS 38 → network out of order', explainCms(38), /signal/i],
    // Its "may have gone through" advice is added only when it answered after the body (mend53).
    ['CMS 332 → try later', explainCms(332), /Try again later/],
    ['CME 10 → insert a SIM', explainCme(10), /Insert a SIM/],
    ['CME 11 → enter the PIN', explainCme(11), /Enter the SIM PIN/],
    ['CME 12 → do not guess the PUK, contact 10086 with ID', explainCme(12), /Do not guess the PUK.*10086.*ID/],
    ['CME 30 → no network service', explainCme(30), /signal/],
  ])('%s', (_name, explanation, action) => {
    expect(explanation.action.en).toMatch(action);
  });

  it('uses the vendor range for manufacturer codes', () => {
    expect(explainCms(515)).toEqual({
      zh: '调制解调器厂商自定义的短信错误（515）。',
      en: 'Manufacturer-specific message error (515).',
      action: {
        zh: '这是厂商自定义的错误码 515：可查阅调制解调器的 AT 命令手册；一般重试或拔插调制解调器即可。',
        en: "Code 515 is the manufacturer's own: see the modem's AT command manual; retrying or replugging the modem usually helps.",
      },
      // After a body, a vendor's code does not say the message stayed in the modem (mend51).
      maybeSent: true,
    });
  });

  it('groups unlisted network causes', () => {
    expect(explainCms(66).en).toBe('The network refused the message (cause 66).');
    expect(explainCms(66).spec).toBeUndefined();
  });

  it('reads "(U)SIM" and "SIM" spellings as one name', () => {
    expect(cmsCodeForName('SIM PIN required')).toBe(311);
    expect(cmeCodeForName('network personalisation PIN required')).toBe(40);
  });
});
