import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { toTraditional } from '../../src-shared/i18n/to-traditional';
import { zhHant } from '../../src-renderer/i18n/zh-hant';

const ROOT = resolve(import.meta.dirname, '../..');

describe('toTraditional', () => {
  it.each([
    ['调制解调器已断开，正在重新连接…', '數據機已斷開，正在重新連接…'],
    ['短信中心拒绝了这条短信：号码无效', '簡訊中心拒絕了這條簡訊：號碼無效'],
    ['10086 的回复留在 SIM 卡上；恢复内置版本', '10086 的回覆留在 SIM 卡上；恢復內建版本'],
    ['串口已被占用，日志已保存到文件夹', '序列埠已被佔用，日誌已保存到資料夾'],
    ['这个扩展还没有与桌面应用配对。', '這個擴展還沒有與桌面應用配對。'],
    ['SIM 卡需要 PIN 码', 'SIM 卡需要 PIN 碼'],
    // 并 before 发送/发布 is "and" (並), not 并发 "concurrent" (併發): no message says 并发 that way.
    ['维护者工具：生成密钥、签名、校验、比较并发布目录更新', '維護者工具：生成密鑰、簽名、校驗、比較並發布目錄更新'],
    ['写好短信并发送给 10086', '寫好簡訊並發送給 10086'],
  ])('%s', (hans, hant) => {
    expect(toTraditional(hans)).toBe(hant);
  });

  it('converts the words of this domain (余额, 之后, 分钟) and leaves word-dependent characters alone outside its words (干 幹/乾, 复 復/複)', () => {
    expect(toTraditional('余额不足，10分钟之后发送')).toBe('餘額不足，10分鐘之後發送');
    expect(toTraditional('恢复，干扰，复')).toBe('恢復，干擾，复');
  });

  it('says each word as the UI says it in zh-Hant (帳單, not 賬單): no message of the command line, the core and its services reads the other spelling, and the UI uses none', () => {
    // The UI's word, and the spelling a character-by-character conversion (or opencc's Hong Kong / mainland leaning) gives.
    const OTHER_SPELLING: ReadonlyArray<readonly [string, string]> = [
      ['帳單', '賬單'], ['帳戶', '賬戶'], ['帳號', '賬號'], ['匯出', '導出'], ['匯入', '導入'], ['裝置', '設備'], ['訊息', '消息'],
      ['搜尋', '搜索'], ['檔案', '文件'], ['磁碟', '磁盤'], ['訊號', '信號'], ['新增', '添加'], ['螢幕', '屏幕'], ['內建', '內置'],
      ['儲存', '存儲'], ['剪貼簿', '剪貼板'], ['目前', '當前'], ['唯讀', '只讀'], ['憑證', '證書'], ['示範', '演示'], ['偵測', '檢測'],
      ['選取', '選中'], ['略過', '跳過'], ['遺失', '丟失'], ['連網', '聯網'], ['資料夾', '數據資料夾'], ['「', '“'], ['」', '”'],
    ];
    const ui = Object.values(zhHant).join('\n');
    for (const [, other] of OTHER_SPELLING) expect(ui, other).not.toContain(other);
    const files = execFileSync('git', ['ls-files', 'src-main/cli/**/*.ts', 'src-main/core/*.ts', 'src-main/services/**/*.ts', 'src-shared/errors.ts'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
    const said: string[] = [];
    for (const file of files) {
      for (const [, , text] of readFileSync(resolve(ROOT, file), 'utf8').matchAll(/(['`"])((?:(?!\1).)*\p{Script=Han}(?:(?!\1).)*)\1/gu)) {
        const ours = toTraditional(text!);
        for (const [word, other] of OTHER_SPELLING) if (ours.includes(other)) said.push(`${file}: ${other} (the UI says ${word}): ${ours}`);
      }
    }
    expect(said).toEqual([]);
    expect(toTraditional('帐单月份，账单已生成')).toBe('帳單月份，帳單已生成');
  });

  it('leaves no Simplified character in any Chinese message of the command line, the core and its services (opencc as the cross-check)', () => {
    const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const files = execFileSync('git', ['ls-files', 'src-main/cli/**/*.ts', 'src-main/core/*.ts', 'src-main/services/**/*.ts', 'src-shared/errors.ts'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
    const left: string[] = [];
    for (const file of files) {
      for (const [, , text] of readFileSync(resolve(ROOT, file), 'utf8').matchAll(/(['`"])((?:(?!\1).)*\p{Script=Han}(?:(?!\1).)*)\1/gu)) {
        const ours = toTraditional(text!);
        // What is already Traditional, opencc leaves as it is; a Simplified character left over it converts.
        if (toTw(ours) !== ours) left.push(`${file}: ${ours} → ${toTw(ours)}`);
      }
    }
    expect(files.length).toBeGreaterThan(40);
    expect(left).toEqual([]);
  });
});
