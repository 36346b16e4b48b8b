import { useSyncExternalStore } from 'react';
import type { CatalogStateView } from '../../src-shared/api/contract';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { InstructionCatalog } from '../../src-shared/catalog/catalog';

/**
 * The catalog the page searches and composes with. It starts as the built-in one, so the search
 * works the instant the page is up, and becomes the core's effective catalog (signed update,
 * province, the user's own instructions) once that has been fetched.
 */
let active: InstructionCatalog = builtinCatalog();
let state: CatalogStateView | null = null;
const listeners = new Set<() => void>();

export function activeCatalog(): InstructionCatalog {
  return active;
}

/** The core's catalog state; null until it has been fetched. */
export function catalogState(): CatalogStateView | null {
  return state;
}

export function setCatalogState(next: CatalogStateView): void {
  state = next;
  // Unchanged from the built-in catalog (the usual case): keep it, and the search index built on it.
  const verifiedProvince = next.provinces.some((p) => p.id === next.province && p.verified);
  const asBuilt = next.origin === 'builtin' && next.customs.length === 0 && !verifiedProvince;
  active = asBuilt ? builtinCatalog() : new InstructionCatalog(next.catalog);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-renders on every catalog change. */
export function useActiveCatalog(): InstructionCatalog {
  return useSyncExternalStore(subscribe, activeCatalog);
}

export function useCatalogState(): CatalogStateView | null {
  return useSyncExternalStore(subscribe, catalogState);
}
