import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHash, type Route } from './route';

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  // The route the address now names; the same one kept as it is (no render for nothing).
  const follow = useCallback(() => {
    const now = parseRoute(window.location.hash);
    setRoute((was) => (routeHash(was) === routeHash(now) ? was : now));
  }, []);
  useEffect(() => {
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [follow]);
  const navigate = useCallback(
    (next: Route) => {
      window.location.hash = routeHash(next);
      // Shown within the event that asked (a key, a click), not at the hashchange a task later: keys typed right
      // after Alt+1 went to the view being left (flaky50: the Modem page's port field, the search left empty).
      follow();
    },
    [follow],
  );
  return [route, navigate];
}
