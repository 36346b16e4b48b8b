/**
 * The bundled catalog's search index, built with the extension (build.ts) and shipped beside it.
 * Only its file here (no search code), so the popup's first script can start reading it.
 */
export const PREBUILT_INDEX = 'search-index.json';

/** The prebuilt index's text, or null when it cannot be read. */
export type PrebuiltIndex = () => Promise<string | null>;

export const readPrebuilt: PrebuiltIndex = async () => {
  try {
    const response = await fetch(chrome.runtime.getURL(PREBUILT_INDEX));
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
};
