/** Where the popup page is, as its location hash: what the omnibox and the context menus link to. */
export type Route =
  /** `handoff`: the id under which a selection's or the omnibox's text waits in memory (search-handoff.ts). */
  | { view: 'search'; query: string; handoff?: string }
  | { view: 'instruction'; id: string }
  | { view: 'report'; url: string }
  | { view: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const instruction = path.match(/^\/instruction\/([^/?]+)$/);
  if (instruction) return { view: 'instruction', id: decode(instruction[1]!) };
  if (path === '/report' || path.startsWith('/report?')) {
    return { view: 'report', url: new URLSearchParams(path.slice('/report'.length)).get('url') ?? '' };
  }
  if (path === '/settings') return { view: 'settings' };
  const handoff = path.match(/^\/search\?from=([\w-]{1,64})$/);
  if (handoff) return { view: 'search', query: '', handoff: handoff[1]! };
  const search = path.match(/^\/search\/(.*)$/s);
  return { view: 'search', query: search ? decode(search[1]!) : '' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'search':
      return route.handoff ? `#/search?from=${encodeURIComponent(route.handoff)}` : `#/search/${encodeURIComponent(route.query)}`;
    case 'instruction':
      return `#/instruction/${encodeURIComponent(route.id)}`;
    case 'report':
      return `#/report?${new URLSearchParams({ url: route.url })}`;
    case 'settings':
      return '#/settings';
  }
}

/** A hand-edited hash may hold a lone `%`: show it as typed rather than fail. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
