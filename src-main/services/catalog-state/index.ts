export { CatalogState } from './catalog-state';
export { loadCatalogSettings, saveCatalogSettings, DEFAULT_SETTINGS, type CatalogSettings } from './catalog-settings';
export { loadCustoms, saveCustoms } from './custom-store';
