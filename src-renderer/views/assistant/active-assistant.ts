import assistantJson from '../../../instructions/assistant.json';
import { builtinAssistant, createAssistant, type Assistant } from '../../../src-shared/assistant';
import { builtinCatalog } from '../../../src-shared/catalog/builtin';
import { activeCatalog } from '../../catalog/active-catalog';
import { catalogSearch } from '../../catalog/catalog-search';

let built: { catalog: ReturnType<typeof activeCatalog>; assistant: Assistant } | undefined;

/**
 * 小e over the catalog in use, so the user's own instructions and an updated catalog are among
 * its answers. Should the assistant's data not fit an updated catalog (an instruction it names is
 * gone), it answers from the built-in catalog rather than not at all.
 */
export function activeAssistant(): Assistant {
  const catalog = activeCatalog();
  if (catalog === builtinCatalog()) return builtinAssistant();
  if (built?.catalog !== catalog) {
    let assistant: Assistant;
    try {
      assistant = createAssistant({ catalog, search: catalogSearch(), data: assistantJson });
    } catch {
      assistant = builtinAssistant();
    }
    built = { catalog, assistant };
  }
  return built.assistant;
}
