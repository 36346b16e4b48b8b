import { builtinActions } from '../catalog/builtin';
import type { Instruction } from '../catalog/schema';
import { SearchEngine } from './engine';

export { SearchEngine, type SearchResult, type MatchField } from './engine';
export { MAX_QUERY } from './limits';

export function createSearch(instructions: readonly Instruction[]): SearchEngine {
  return new SearchEngine(instructions, builtinActions());
}
