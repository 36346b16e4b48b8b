import type { ProfileLabel } from './desktop-link';

/** The user's name for this browser profile (options page), shown in the app's prompt and Settings. */
export const PROFILE_NAME_KEY = 'profileName';

interface UaData {
  brands?: { brand: string }[];
  platform?: string;
}

/**
 * How this profile names itself when it pairs. Chrome tells an extension its brand but not the
 * profile's name, so the profile is the name the user gave in the options page, or the platform.
 */
export function profileLabel(storedName: unknown): ProfileLabel {
  const ua = (navigator as { userAgentData?: UaData }).userAgentData;
  const brands = (ua?.brands ?? []).map((b) => b.brand).filter((b) => !/not.a.brand/i.test(b));
  const browser = brands.find((b) => b !== 'Chromium') ?? brands[0] ?? 'Chromium';
  // The app refuses invisible and control characters in these names (they could make its prompt read otherwise).
  const name = typeof storedName === 'string' ? storedName.replace(/[\u0000-\u001f\u007f\u2028\u2029\p{Cf}]/gu, '').trim().slice(0, 60) : '';
  return { browser, profile: name || ua?.platform || navigator.platform || '' };
}
