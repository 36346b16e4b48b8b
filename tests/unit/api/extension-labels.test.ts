import { describe, expect, it } from 'vitest';
import { parseExtensionRequest } from '../../../src-shared/api/extension-messages';
import { hallErrorOf } from './hall-error-of';

/** The names a pairing prompt shows are what the extension says: they must read as they were sent. */
const pair = (profile: string) => ({ type: 'pair', id: 'gABpe2QcOptn_ASZyYIvmQ', key: 'TbvDCSIW4N3zPuvew0XEENL5T_fJdHLU2lHQKgibViA', browser: 'Chromium', profile });

describe('the browser and profile names in a pairing request', () => {
  it.each(['test profile', '工作', 'Ünïcode · 家里', ''])('takes %j', (profile) => {
    expect(parseExtensionRequest(pair(profile))).toMatchObject({ type: 'pair', profile: profile.trim() });
  });

  it.each([
    ['a right-to-left override', 'Work\u202eelif'],
    ['a left-to-right isolate', '\u2066Home\u2069'],
    ['a zero-width space', 'Ho\u200bme'],
    ['a line separator', 'Home\u2028Chrome'],
    ['a control character', 'Home\u0007'],
  ])('refuses one with %s', async (_what, profile) => {
    const error = await hallErrorOf(Promise.resolve().then(() => parseExtensionRequest(pair(profile))));
    expect(error.code).toBe('extension.bad-message');
  });
});

describe('a malformed pairing key', () => {
  it('is refused without being echoed back', async () => {
    const key = 'TbvDCSIW4N3zPuvew0XEENL5T_fJdHLU2lHQKgibVi!';
    const error = await hallErrorOf(Promise.resolve().then(() => parseExtensionRequest({ ...pair('Home'), key })));
    expect(error.code).toBe('extension.bad-message');
    expect(error.en).toContain('key');
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain('TbvDCSIW4N3zPuvew0XEENL5T');
  });
});

describe('the extension’s own profile name', () => {
  it('drops what the app would refuse, so a name typed with an emoji sequence or pasted with a zero-width space still pairs', async () => {
    const { profileLabel } = await import('../../../src-extension/profile-label');
    const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { platform: 'Linux x86_64' }, configurable: true });
    try {
      const label = profileLabel('  Fam\u200bily 👨\u200d👩\u200d👧 ');
      expect(label).toEqual({ browser: 'Chromium', profile: 'Family 👨👩👧' });
      expect(parseExtensionRequest(pair(label.profile))).toMatchObject({ profile: 'Family 👨👩👧' });
    } finally {
      if (had) Object.defineProperty(globalThis, 'navigator', had);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});
