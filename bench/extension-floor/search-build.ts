import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { createSearch } from '../../src-shared/search';

// The same code, then the index built over the bundled catalog and one query answered, with no
// storage read and no view: the work a page that searches by itself cannot skip.
const query = decodeURIComponent(location.hash.slice(1));
const results = createSearch(builtinCatalog().instructions).search(query, 12);
document.body.append(Object.assign(document.createElement('p'), { id: 'floor', textContent: results.map((r) => r.id).join(' ') }));
