import type { FinalResult } from '../../../src-shared/at/final-result';
import type { Urc } from '../../../src-shared/at/urc';
import { AtEngine, AtError, type AtCommandOptions, type AtErrorDetails } from '../../../src-main/services/modem/at-engine';
import { ScriptedLink, type Chunker } from './scripted-link';
import { loadTranscript } from './transcript';

/** How one run() settled, in a form toEqual can compare. */
export type Outcome = { lines: string[]; final: FinalResult } | { error: AtError['code']; details: AtErrorDetails };

export function outcome(promise: Promise<{ lines: string[]; final: FinalResult }>): Promise<Outcome> {
  return promise.then(
    ({ lines, final }) => ({ lines, final }),
    (err: unknown) => {
      if (err instanceof AtError) return { error: err.code, details: err.details };
      throw err;
    },
  );
}

export type Command = [command: string, options?: AtCommandOptions];

/** A transcript wired to a real AtEngine, with every URC collected. */
export function replay(fixture: string, chunker: Chunker) {
  const link = new ScriptedLink(loadTranscript(fixture), chunker);
  const engine = new AtEngine(link);
  const urcs: Urc[] = [];
  engine.onUrc((urc) => urcs.push(urc));
  const finished = link.start();
  return { link, engine, urcs, finished };
}

/** Runs the commands one after another (or all queued at once) and waits for the script to end. */
export async function drive(fixture: string, chunker: Chunker, commands: readonly Command[], queued = false) {
  const { link, engine, urcs, finished } = replay(fixture, chunker);
  const outcomes: Outcome[] = [];
  if (queued) {
    outcomes.push(...(await Promise.all(commands.map(([c, o]) => outcome(engine.run(c, o))))));
  } else {
    for (const [c, o] of commands) outcomes.push(await outcome(engine.run(c, o)));
  }
  await finished;
  return { outcomes, urcs, failure: link.failure, unconsumed: link.unconsumed() };
}
