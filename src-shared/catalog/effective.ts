import { mergeCustom } from './custom/merge';
import type { CustomInstruction } from './custom/schema';
import { applyProvince } from './provinces/apply';
import type { ProvinceProfile } from './provinces/schema';
import type { Catalog } from './schema';

export interface CatalogChoices {
  /** The built-in catalog or the newest signed update. */
  base: Catalog;
  province: ProvinceProfile | null;
  customs: readonly CustomInstruction[];
}

/**
 * The catalog the user searches and sends from, in a fixed order: the signed catalog, then the
 * province's changes to it, then the user's own instructions beside it (never over it).
 */
export function effectiveCatalog({ base, province, customs }: CatalogChoices): Catalog {
  return mergeCustom(applyProvince(base, province).catalog, customs);
}
