import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * ../shared beside the checkout holds the project's seed text and the development query set. CI
 * puts it there; a lone clone has none, so the checks that read it skip with this one-line reason.
 * HALL10086_SHARED points elsewhere (a git worktree sits one folder deeper than a clone).
 */
export const SHARED_DIR = process.env.HALL10086_SHARED ?? resolve(import.meta.dirname, '../../shared');

/** The file under ../shared, or null when this checkout has no ../shared beside it. */
export function sharedFile(relative: string): string | null {
  const path = resolve(SHARED_DIR, relative);
  return existsSync(path) ? path : null;
}

/** What a skipped check says about the file it missed. */
export function sharedSkipReason(relative: string): string {
  return `skipped: no ../shared/${relative} beside this checkout`;
}
