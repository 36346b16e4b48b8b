/**
 * The extension's fixed identity. Chrome derives an unpacked extension's ID from the manifest's
 * `key` (an RSA public key): the first 32 hex digits of its SHA-256, written with the letters a–p.
 * A fixed ID lets the app's native-messaging manifest name the only extension allowed to reach it.
 * The store build has no `key` (the store refuses it) and gets the listing's own ID: add it to
 * `STORE_EXTENSION_IDS` once the listing exists, or at install time name it in
 * `HALL10086_EXTENSION_IDS` / `native-host install --extension-ids` (docs/extension-protocol.md).
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmrAQkjEsEO99l8jQxdGt+RMha7kUlyZWHfuj37HhRiRVZ7PyJCwHDp7fvUkGUSX++FprrI2qs/b9AeEoA8e0Zt7V/59mc7rcA3vAw6ELDCzUGxx8UTNaTdAbuH0n4xDieYLa6f1ecQq79n/kSj4wnBk4GPL7+7fMQysS+15H6NOhovMZhsiqiJ1dIOhF2eiZJUTdBtKldan7mlS+QJ2yFMYyIJiaZhaeAxbFtUidRed180ak8L2Yrc3v3dhiVsyS4VnRPAOHl2xACR/lD4/FAytVoZ8cIphzQjYHl7QuXTMBruyuRI2z0dfuRz/S2nHg6rrsJQpM6Jh9BYXkPw+vtQIDAQAB';

export const EXTENSION_ID = 'jjbjnfjbfakcaoefkbdalmamlofnaadk';

/** IDs the Chrome Web Store and Edge Add-ons gave this extension's listings (none published yet). */
export const STORE_EXTENSION_IDS: readonly string[] = [];

export const ALLOWED_EXTENSION_IDS: readonly string[] = [EXTENSION_ID, ...STORE_EXTENSION_IDS];

/**
 * The extension IDs the native-messaging host lets in: ours, and any more given as a comma- or
 * space-separated list (a store listing's ID, a fork's). A malformed ID is refused, not ignored.
 */
export function allowedExtensionIds(extra: string | undefined): string[] {
  const ids = (extra ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = ids.find((id) => !/^[a-p]{32}$/.test(id));
  if (bad !== undefined) throw new Error(`not a Chrome extension ID (32 letters a–p): ${bad}`);
  return [...new Set([...ALLOWED_EXTENSION_IDS, ...ids])];
}
