import { describe, expect, it } from 'vitest';
import type { OutgoingRecord } from '../../src-shared/api/contract';
import { exportCustomFile } from '../../src-shared/catalog/custom/file';
import { demoCores } from './demo-core-kit';

const cores = demoCores('hall-custom-hidden-');

/**
 * A colleague's custom instruction file, written for this test as an attacker would: the template
 * ends in a right-to-left override, the number is 68001. The app wrote the template into the
 * instruction's description and its confirmation as one line of text (`发送 CXYE‮ 到 68001`), where
 * the override turned everything after it around: the clerk read `… 10086 到`, the digits of 10086,
 * for an SMS to 68001. The override also went out in the SMS. The core already drops such
 * characters from free text (then withoutHidingCharacters, now outgoingText); a custom template did not pass there.
 */
const RLO = '\u202e';
const HIDDEN = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

describe('a custom instruction whose template hides direction controls or zero-width characters', () => {
  it('is described, confirmed and sent without them, and kept in the user\'s list as it came', async () => {
    const c = await cores.start();
    const file = exportCustomFile([{ code: 'CXYE', template: `CXYE${RLO}`, to: '68001', name: { 'zh-Hans': '查余额' }, confirm: false }] as never);
    expect(await c.call('custom.import', { text: file, replace: false })).toMatchObject({ added: 1 });

    const state = await c.call('catalog.state', {});
    const entry = state.catalog.instructions.find((e) => e.id === 'custom:CXYE')!;
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) expect(entry.summary[lang]).not.toMatch(HIDDEN);
    expect(entry.summary['zh-Hans']).toBe('自定义指令：发送 CXYE 到 68001');
    expect(entry.template).toBe('CXYE');
    // Still a paid number's question, naming it.
    expect(entry.risk).toMatchObject({ confirm: true, reason: { en: expect.stringContaining('68001') } });
    // Nothing lost: the user's own list (and so its export) keeps what was imported.
    expect(state.customs.find((e) => e.code === 'CXYE')?.template).toBe(`CXYE${RLO}`);

    const outgoing: OutgoingRecord[] = [];
    c.on('outgoing', (o) => outgoing.push(o));
    await c.call('send', { modemId: 'demo', id: 'custom:CXYE', confirmed: true });
    await expect.poll(() => outgoing.some((o) => o.state === 'sent'), { timeout: 10_000 }).toBe(true);
    expect(c.demo!.emulator.sent.map((s) => [s.part.number, s.part.text])).toEqual([['68001', 'CXYE']]);
    for (const o of outgoing) expect(o.text).not.toMatch(HIDDEN);
  });
});
