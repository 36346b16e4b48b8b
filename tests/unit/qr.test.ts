import { describe, expect, it } from 'vitest';
import { qrSvgPath } from '../../src-shared/qr';

describe('qrSvgPath', () => {
  it('draws the smallest version that holds the UTF-8 bytes, with a 4-module quiet zone', () => {
    // 14 bytes fit version 1 (21 modules) at level M; 15 need version 2 (25).
    expect(qrSvgPath('SMSTO:10086:YE')!.size).toBe(21 + 8);
    expect(qrSvgPath('SMSTO:10086:YE1')!.size).toBe(25 + 8);
    // Chinese counts three bytes a character.
    expect(qrSvgPath('举报举报举')!.size).toBe(25 + 8);
  });

  it('has the three finder patterns at their corners', () => {
    const { size, path } = qrSvgPath('SMSTO:10086:CXYEG')!;
    const far = size - 4 - 1;
    for (const [x, y] of [[4, 4], [far, 4], [4, far]]) expect(path).toContain(`M${x} ${y}h1v1h-1z`);
  });

  it('says when the text is too long for a QR code', () => {
    expect(qrSvgPath('流'.repeat(1000))).toBeNull();
  });
});
