import provincesJson from '../../../instructions/provinces.json';
import { parseProvinceDirectory } from './load';
import type { ProvinceDirectory, ProvinceProfile } from './schema';

let directory: ProvinceDirectory | undefined;

export function builtinProvinces(): ProvinceDirectory {
  return (directory ??= parseProvinceDirectory(provincesJson));
}

/** The shipped profile of a province (`gd`, any case), or null for "no province chosen" or an unknown id. */
export function builtinProvinceProfile(id: string | null): ProvinceProfile | null {
  if (id === null) return null;
  return builtinProvinces().provinces.find((p) => p.id === id.trim().toLowerCase()) ?? null;
}
