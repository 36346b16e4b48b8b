export { CatalogUpdater, type CatalogUpdaterOptions, type CurrentCatalog, type UpdateCheck, type UpdateOutcome } from './catalog-updater';
export { DEFAULT_LIMITS, openSource, type FetchLimits, type UpdateSource } from './source';
export { readBytes, readJson, readKeyFile, readPublicKey, writeNewKeyPair } from './key-files';
export { publishUpdate, writePublished, type PublishedFile } from './publish';
export { smallestGzip } from './smallest-gzip';
