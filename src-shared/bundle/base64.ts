/** Base64 without Node's Buffer, so keys and signatures read the same in the app, renderer and extension. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * The platform's own decoder where it has one (Chromium 140 and later: the page and the extension): the
 * page's prebuilt search index is 270 KB of base64 decoded on its first search, ~0.4 ms this way against
 * 7–10 ms through atob and a byte loop at a start (tests/e2e/base64-in-chromium.test.ts).
 */
const platformDecode = (Uint8Array as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64?.bind(Uint8Array);

/** Returns undefined for text that is not base64, so callers can say which field was wrong. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  // Checked here either way: the platform's decoder would also take spaces and line breaks, and missing padding.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  if (platformDecode) {
    try {
      return platformDecode(text);
    } catch {
      return undefined;
    }
  }
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
