import base64 from 'virtual:search-index';
import { fromBase64 } from '../../src-shared/bundle/base64';

/**
 * The built-in catalog's search index, built with the page (scripts/search-index-plugin.ts), as bytes for
 * restoreSearch: decoded when the first search asks, not at start-up. Unreadable, it is no bytes (refused:
 * the index is built instead).
 */
export function prebuiltIndex(): ArrayBuffer {
  // A buffer of its own, so restoring reads it in place rather than copying it.
  return (fromBase64(base64) ?? new Uint8Array(0)).buffer;
}
