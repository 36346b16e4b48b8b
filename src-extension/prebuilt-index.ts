/**
 * The bundled catalog's search index, built with the extension (build.ts) and shipped beside it.
 * Only its file here (no search code), so the popup's first script can start reading it.
 */
export const PREBUILT_INDEX = 'search-index.bin';

/** The prebuilt index's bytes, or null when they cannot be read. */
export type PrebuiltIndex = () => Promise<ArrayBuffer | Uint8Array | null>;

export const readPrebuilt: PrebuiltIndex = async () => {
  try {
    const response = await fetch(chrome.runtime.getURL(PREBUILT_INDEX));
    return response.ok ? await response.arrayBuffer() : null;
  } catch {
    return null;
  }
};
