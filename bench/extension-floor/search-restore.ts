import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { restoreSearch } from '../../src-shared/search/snapshot';
import { PREBUILT_INDEX } from '../../src-extension/prebuilt-index';

// What the popup does when it searches by itself (worker asleep), without the popup: the same code,
// the prebuilt index shipped with the extension fetched at once and restored, one query answered,
// the result ids in one text node. Between this and the popup lie only the popup's own parts (its
// questions to the browser, its views and their layout).
performance.mark('hall:search-code');
const query = decodeURIComponent(location.hash.slice(1));
const bytes = await fetch(`../${PREBUILT_INDEX}`).then((r) => r.arrayBuffer());
performance.mark('hall:index-read');
const engine = restoreSearch(builtinCatalog().instructions, bytes);
performance.mark('hall:index-restored');
const found = engine ? engine.search(query, 12).map((r) => r.id).join(' ') : 'prebuilt index refused';
performance.mark('hall:page-answered');
document.body.append(Object.assign(document.createElement('p'), { id: 'floor', textContent: found }));
