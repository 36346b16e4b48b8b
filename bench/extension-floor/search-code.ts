import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { createSearch } from '../../src-shared/search';

// The search code and the bundled catalog loaded and evaluated, nothing called: what a page that
// searches by itself pays before it builds anything.
Object.assign(globalThis, { floor: { builtinCatalog, createSearch } });
document.body.append(Object.assign(document.createElement('p'), { id: 'floor', textContent: 'search code loaded' }));
