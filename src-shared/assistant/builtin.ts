import assistantJson from '../../instructions/assistant.json';
import { builtinCatalog } from '../catalog/builtin';
import { createSearch } from '../search';
import { createAssistant, type Assistant } from './assistant';

let assistant: Assistant | undefined;

/** 小e over the shipped catalog and word lists; a broken assistant.json fails loudly on first use. */
export function builtinAssistant(): Assistant {
  const catalog = builtinCatalog();
  return (assistant ??= createAssistant({ catalog, search: createSearch(catalog.instructions), data: assistantJson }));
}
