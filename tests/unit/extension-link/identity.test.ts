import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, EXTENSION_PUBLIC_KEY } from '../../../src-shared/extension-identity';

describe('the extension identity', () => {
  it('is the ID Chrome derives from the manifest key', () => {
    const hex = createHash('sha256').update(Buffer.from(EXTENSION_PUBLIC_KEY, 'base64')).digest('hex').slice(0, 32);
    expect([...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('')).toBe(EXTENSION_ID);
  });
});
