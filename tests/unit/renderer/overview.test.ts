import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../../src-renderer/views/overview/format';
import { sparklinePath, sparklinePoints } from '../../../src-renderer/views/overview/sparkline';

const BOX = { width: 100, height: 40, pad: 5 };

describe('sparkline', () => {
  it('spreads values across the width with the highest at the top', () => {
    expect(sparklinePoints([10, 30, 20], BOX)).toEqual([
      [5, 35],
      [50, 5],
      [95, 20],
    ]);
    expect(sparklinePath([10, 30, 20], BOX)).toBe('M5,35 L50,5 L95,20');
  });

  it.each<[number[], string]>([
    [[], ''],
    [[7], 'M50,20'],
    [[3, 3], 'M5,20 L95,20'],
  ])('draws %j as %j', (values, path) => {
    expect(sparklinePath(values, BOX)).toBe(path);
  });
});

describe('formatFigure', () => {
  it.each([
    ['balance.balance', 35.2, 'zh-Hans', '35.20 元'],
    ['balance.balance', -12.5, 'en', '-12.50 yuan'],
    ['data.remaining', 1369.29, 'zh-Hans', '1.34 GB'],
    ['data.remaining', 512.5, 'en', '512.50 MB'],
    ['voice.remaining', 120, 'zh-Hant', '120 分鐘'],
    ['points.total', 1200, 'en', '1200 points'],
  ] as const)('%s %d in %s is %s', (kind, value, lang, text) => {
    expect(formatFigure(kind, value, lang)).toBe(text);
  });

  it.each([
    [48.5, 'zh-Hans', 'HK$', 'HK$48.50'],
    [7.85, 'en', '£', '£7.85'],
    [48.5, 'zh-Hant', '港币', '48.50 港币'],
    [20, 'zh-Hans', null, '20.00 元'],
  ] as const)('a balance of %d in %s read in %s is %s, never yuan', (value, lang, currency, text) => {
    expect(formatFigure('balance.balance', value, lang, currency)).toBe(text);
  });
});
