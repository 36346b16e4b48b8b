import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../../src-shared/api/validate';
import { MAX_FRAME_BYTES } from '../../../src-shared/api/wire';
import { MAX_CUSTOM_FILE_ENTRIES, exportCustomFile, storableCustomFile } from '../../../src-shared/catalog/custom/file';
import { validateCustom } from '../../../src-shared/catalog/custom/validate';

/**
 * review29: `custom.import` took at most 240,000 characters and a browser-mode frame 256 KiB, while the
 * app stores (and so exports) up to 500 entries and 4 MiB: an export of 500 entries with notes was refused
 * as a bad request. Each list below is one the app keeps (storableCustomFile takes it), at the entry limit.
 */
function longest(fill: string): ReturnType<typeof storableCustomFile> {
  const entries = Array.from({ length: MAX_CUSTOM_FILE_ENTRIES }, (_, i) => {
    const code = `KT${String(i).padStart(3, '0')}`;
    const text = (n: number) => fill.repeat(n);
    const checked = validateCustom({
      code,
      template: code + text(70 - code.length),
      name: { 'zh-Hans': text(40), 'zh-Hant': text(40), en: text(40) },
      notes: { 'zh-Hans': text(500), 'zh-Hant': text(500), en: text(500) },
      to: '10086',
      confirm: true,
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return checked.value;
  });
  return storableCustomFile(entries);
}

describe('custom.import takes every export the app can make', () => {
  it.each([
    ['Chinese (three bytes a character)', '流'],
    ['quotes (two characters in the file, four in a frame)', '"'],
  ])('500 entries at their longest, written in %s', (_, fill) => {
    const text = exportCustomFile(JSON.parse(longest(fill)).instructions);
    const params = { text, replace: true };
    expect(() => validateRequest('custom.import', params)).not.toThrow();
    const frame = JSON.stringify({ type: 'call', id: 1, method: 'custom.import', params });
    expect(new TextEncoder().encode(frame).length).toBeLessThanOrEqual(MAX_FRAME_BYTES);
  });
});
