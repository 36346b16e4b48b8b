/** Where the user is, kept in the URL hash so a reload (or Back) returns to the same place. */
export type Route =
  | { view: 'catalog' }
  /** The catalog searched for a text (what 10086 did not know), then the catalog with that query. */
  | { view: 'search'; q: string }
  | { view: 'instruction'; id: string }
  /** `failed`: opened from a SIM's "发送失败" badge: at its newest failed instruction, with "知道了". */
  | { view: 'thread'; simId: string | null; show?: 'failed' }
  /** The local assistant 小e: a thread beside the SIMs' threads with 10086. */
  | { view: 'assistant' }
  | { view: 'overview' }
  | { view: 'modem' }
  | { view: 'settings' };

export type View = Route['view'];

export function parseRoute(hash: string): Route {
  const [first = '', second, third] = hash.replace(/^#\/?/, '').split('/', 3).map(decodeSegment);
  switch (first) {
    case 'instruction':
      return second ? { view: 'instruction', id: second } : { view: 'catalog' };
    case 'search':
      return second ? { view: 'search', q: second } : { view: 'catalog' };
    case 'thread':
      return second && third === 'failed' ? { view: 'thread', simId: second, show: 'failed' } : { view: 'thread', simId: second || null };
    case 'assistant':
      return { view: 'assistant' };
    case 'overview':
      return { view: 'overview' };
    case 'modem':
      return { view: 'modem' };
    case 'settings':
      return { view: 'settings' };
    default:
      return { view: 'catalog' };
  }
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'catalog':
      return '#/';
    case 'instruction':
      return `#/instruction/${encodeURIComponent(route.id)}`;
    case 'search':
      return `#/search/${encodeURIComponent(route.q)}`;
    case 'thread':
      if (!route.simId) return '#/thread';
      return `#/thread/${encodeURIComponent(route.simId)}${route.show === 'failed' ? '/failed' : ''}`;
    default:
      return `#/${route.view}`;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
