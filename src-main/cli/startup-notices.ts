import type { HallCore } from '../core';
import { say, type CliContext } from './context';

/** What the core had to repair or could not read at start-up (a damaged journal, a broken settings file): on stderr, never hidden. */
export function reportStartupNotices(ctx: CliContext, core: HallCore): void {
  for (const notice of [core.recoveryNotice, ...core.startupProblems]) if (notice) ctx.err(say(ctx, notice));
}
