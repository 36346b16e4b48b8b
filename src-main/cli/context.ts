import type { Bilingual, Lang } from '../../src-shared/errors';
import type { ArgSpec, ParsedArgs } from './args';

export interface CliContext {
  lang: Lang;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  usage: string;
  summary: Bilingual;
  spec: ArgSpec;
  /** Resolves to the exit code (0 when omitted). */
  run(args: ParsedArgs, ctx: CliContext): Promise<number | void>;
}

export function say(ctx: CliContext, text: Bilingual): string {
  return ctx.lang === 'en' ? text.en : text.zh;
}
