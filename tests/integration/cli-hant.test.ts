import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { hall, STACK_TRACE } from './cli-helpers';

/**
 * The command line in Traditional Chinese (LANG=zh_TW / zh_HK, --lang zh-Hant) as a Taiwan or Hong
 * Kong desk clerk reads it: Taiwan words (序列埠, 數據機, 簡訊), no Simplified character (opencc, written
 * by others, as the cross-check) and no English state words; and `ports` says what its columns are.
 */
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const leftSimplified = (text: string) => [...text].filter((ch) => toTw(ch) !== ch && /\p{Script=Han}/u.test(ch));

describe('hall10086 in Traditional Chinese', () => {
  it.each([
    ['--lang zh-Hant', ['--lang', 'zh-Hant'], {}],
    ['LANG=zh_TW.UTF-8', [], { LANG: 'zh_TW.UTF-8' }],
    ['LANG=zh_HK.UTF-8', [], { LANG: 'zh_HK.UTF-8' }],
  ])('modem status (%s): every row and value in Traditional words', async (_name, flags, env) => {
    const run = await hall(['modem', 'status', '--emulator', ...flags], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^序列埠\s+emulator:\/\/demo（示範）$/m);
    expect(run.stdout).toMatch(/^狀態\s+就緒$/m);
    expect(run.stdout).toMatch(/^SIM\s+就緒 \(ICCID \d+\)$/m);
    expect(run.stdout).toMatch(/^網路\s+已註冊（本地網路） — CHINA MOBILE$/m);
    expect(run.stdout).not.toMatch(/\b(ready|home|probing|roaming)\b/);
    expect(leftSimplified(run.stdout + run.stderr)).toEqual([]);
  });

  it('says 帳單 for bill as the UI and the catalog do (compose, show), and show labels its rows in Traditional', async () => {
    const compose = await hall(['compose', 'ZD', '--lang', 'zh-Hant']);
    expect(compose.code).toBe(2);
    expect(compose.stderr).toContain('帳單月份（年年年年月月）：請填寫。');
    const show = await hall(['show', 'ZD', '--lang', 'zh-Hant']);
    expect(show.code).toBe(0);
    for (const row of ['代碼', '簡訊', '類別', '說明', '參數', '相關']) expect(show.stdout).toMatch(new RegExp(`^  ${row}\\s`, 'm'));
    for (const run of [compose, show]) {
      expect(run.stdout + run.stderr).not.toContain('賬');
      expect(leftSimplified(run.stdout + run.stderr)).toEqual([]);
    }
  });

  it('send TJ asks first in Traditional words (復機, 恢復, 聯絡), nothing left Simplified', async () => {
    const run = await hall(['send', 'TJ', '--emulator', '--lang', 'zh-Hant']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(leftSimplified(run.stdout + run.stderr)).toEqual([]);
  });
});

describe('hall10086 ports', () => {
  it.each([
    ['en', /^Port\s+What it is\s+Maker\s+USB vendor:product$/, /^emulator:\/\/demo\s+demo modem\s+Hall10086 demo modem\s+—$/m, /--port PATH/],
    ['zh-Hans', /^串口\s+是什么\s+厂商\s+USB 厂商:产品$/, /^emulator:\/\/demo\s+演示调制解调器\s+Hall10086 demo modem\s+—$/m, /--port 串口/],
    ['zh-Hant', /^序列埠\s+是什麼\s+廠商\s+USB 廠商:產品$/, /^emulator:\/\/demo\s+示範數據機\s+Hall10086 demo modem\s+—$/m, /--port 序列埠/],
  ])('names its columns and what each port is (%s)', async (lang, header, demoRow, hint) => {
    const run = await hall(['ports', '--lang', lang]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(header);
    expect(lines[1]).toMatch(/^-+\s+-+\s+-+\s+-+$/);
    expect(run.stdout).toMatch(demoRow);
    expect(run.stdout).toMatch(hint);
    if (lang === 'zh-Hant') expect(leftSimplified(run.stdout)).toEqual([]);
  });
});
