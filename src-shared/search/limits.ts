/**
 * The longest query searched, in UTF-16 code units: the app's search (SearchEngine.search reads only this much), the CLI's
 * and the extension's (a longer query is refused there, search-protocol.ts). A search of 20,000 pasted Chinese characters
 * took 6 s on the page's main thread, on every keystroke (review46); no question asked of the catalog is this long.
 */
export const MAX_QUERY = 500;
