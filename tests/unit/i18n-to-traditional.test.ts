import { describe, expect, it } from 'vitest';
import { toTraditional } from '../../src-shared/i18n/to-traditional';

describe('toTraditional', () => {
  it.each([
    ['调制解调器已断开，正在重新连接…', '調制解調器已斷開，正在重新連接…'],
    ['短信中心拒绝了这条短信：号码无效', '短信中心拒絕了這條短信：號碼無效'],
    ['这个扩展还没有与桌面应用配对。', '這個擴展還沒有與桌面應用配對。'],
    ['SIM 卡需要 PIN 码', 'SIM 卡需要 PIN 碼'],
  ])('%s', (hans, hant) => {
    expect(toTraditional(hans)).toBe(hant);
  });

  it('converts the words of this domain (余额, 之后, 分钟) and leaves word-dependent characters alone (干 幹/乾, 复 復/複)', () => {
    expect(toTraditional('余额不足，10分钟之后发送')).toBe('餘額不足，10分鐘之後發送');
    expect(toTraditional('恢复，干扰')).toBe('恢复，干擾');
  });
});
