import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

/** The built UI's file types; anything else goes out as opaque bytes (and `nosniff` keeps it that way). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

const INDEX_PATH = '/';

export interface StaticFile {
  body: Buffer;
  contentType: string;
  isIndex: boolean;
}

/**
 * Reads the file a request path names inside `root`, or null. Refused outright: undecodable
 * escapes, NUL, backslashes, empty, `.`/`..` and dot-file segments (checked after decoding, so
 * `%2e%2e` is caught too), and anything whose real path (symlinks followed) leaves the root.
 */
export async function readStaticFile(root: string, requestPath: string): Promise<StaticFile | null> {
  const relative = requestPath === INDEX_PATH ? ['index.html'] : safeSegments(requestPath);
  if (relative === null) return null;
  try {
    const realRoot = await realpath(root);
    const file = await realpath(join(realRoot, ...relative));
    if (!file.startsWith(realRoot + sep) || !(await stat(file)).isFile()) return null;
    return {
      body: await readFile(file),
      contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      isIndex: relative.length === 1 && relative[0] === 'index.html',
    };
  } catch {
    return null;
  }
}

function safeSegments(requestPath: string): string[] | null {
  if (!requestPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  return segments.every((segment) => segment !== '' && !segment.startsWith('.')) ? segments : null;
}
