/** Base64 without Node's Buffer, so keys and signatures read the same in the app, renderer and extension. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * The platform's own decoder where it has one (Chromium 140 and later: the page and the extension): the
 * page's prebuilt search index is 270 KB of base64, decoded on its first search (docs/search.md).
 */
const platformDecode = (Uint8Array as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64?.bind(Uint8Array);

/** Returns undefined for text that is not base64, so callers can say which field was wrong. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 !== 0) return undefined;
  if (platformDecode) return strictly(text, platformDecode);
  // A first use of this pattern runs in V8's regexp interpreter: ~5 ms over the index's 270 KB, hence not above.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * The platform decoder refuses what is out of the alphabet and padding in the middle; it takes spaces and line
 * breaks, which the decoded length then gives away (short of three bytes for every four characters).
 */
function strictly(text: string, decode: (text: string) => Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> | undefined {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = decode(text);
  } catch {
    return undefined;
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return bytes.length === (text.length / 4) * 3 - padding ? bytes : undefined;
}
