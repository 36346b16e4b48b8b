/**
 * Recognises the app's own page. Built: exactly the renderer's index.html on disk (any other file://
 * page is not ours, even next to it). Development: the dev server's origin.
 */
export function appUrlMatcher(entry: string): (url: string) => boolean {
  const app = new URL(entry);
  return (candidate) => {
    const url = URL.canParse(candidate) ? new URL(candidate) : null;
    if (url === null) return false;
    if (app.protocol === 'file:') return url.protocol === 'file:' && url.host === app.host && url.pathname === app.pathname;
    return url.origin === app.origin;
  };
}
