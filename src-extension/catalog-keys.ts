/**
 * The storage keys of the catalog in use (catalog-store.ts owns them), in a module of their own so
 * that the popup's first script can tell whether the bundled catalog is in use without loading the
 * catalog code.
 */
export const CATALOG_KEYS = ['province', 'customs', 'updateSource', 'acceptedCatalog', 'highestVersion', 'lastCheck'] as const;

/** The keys whose values change what is searched (the rest only say where and when to check for updates). */
export const CATALOG_CHANGERS = ['province', 'customs', 'acceptedCatalog'] as const satisfies readonly (typeof CATALOG_KEYS)[number][];
