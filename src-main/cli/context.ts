import type { Bilingual, Lang } from '../../src-shared/errors';
import { toTraditional } from '../../src-shared/i18n/to-traditional';
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

/** The text in the chosen language: zh-Hant reads the Chinese converted to Traditional characters. */
export function say(ctx: CliContext, text: Bilingual): string {
  if (ctx.lang === 'en') return text.en;
  return ctx.lang === 'zh-Hant' ? toTraditional(text.zh) : text.zh;
}
