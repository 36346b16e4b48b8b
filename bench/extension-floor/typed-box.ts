// A search box whose "results" are what was typed, found by nothing: the popup's typed-at-once case
// without any of its work, so the row shows what opening the page and the bench's typing alone take.
const input = Object.assign(document.createElement('input'), { id: 'search', type: 'search' });
const list = Object.assign(document.createElement('ol'), { id: 'results' });
input.addEventListener('input', () => list.replaceChildren(Object.assign(document.createElement('li'), { textContent: input.value })));
document.body.append(input, list);
input.focus();
