import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { toTraditional } from '../../src-shared/i18n/to-traditional';

const ROOT = resolve(import.meta.dirname, '../..');

describe('toTraditional', () => {
  it.each([
    ['调制解调器已断开，正在重新连接…', '數據機已斷開，正在重新連接…'],
    ['短信中心拒绝了这条短信：号码无效', '簡訊中心拒絕了這條簡訊：號碼無效'],
    ['10086 的回复留在 SIM 卡上；恢复内置版本', '10086 的回覆留在 SIM 卡上；恢復內置版本'],
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
