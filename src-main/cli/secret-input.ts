import { createInterface } from 'node:readline';
import type { InstructionCatalog } from '../../src-shared/catalog/catalog';
import type { Instruction } from '../../src-shared/catalog/schema';
import { HallError, type Bilingual } from '../../src-shared/errors';
import { say, type CliContext } from './context';

/** The value that means "read it from standard input" (typed unseen at a terminal, else one line of a pipe). */
export const FROM_STDIN = '-';

/**
 * Fills each parameter given as `-` from standard input, in the order given. A value on the command
 * line can be read by every user of the machine while the command runs (`ps`, /proc/PID/cmdline)
 * and stays in the shell's history; typed here (without echo) or piped, it is in neither.
 */
export async function readParamsFromStdin(params: Record<string, string>, instruction: Instruction | undefined, ctx: CliContext): Promise<Record<string, string>> {
  const asked = Object.keys(params).filter((name) => params[name] === FROM_STDIN);
  if (asked.length === 0) return params;
  const filled = { ...params };
  const stdin = process.stdin;
  if (stdin.isTTY) {
    for (const name of asked) {
      const label = instruction?.params.find((p) => p.name === name)?.label;
      filled[name] = await readUnseen(`${label ? say(ctx, { zh: label['zh-Hans'], en: label.en }) : name}: `);
    }
    return filled;
  }
  const lines = createInterface({ input: stdin, terminal: false })[Symbol.asyncIterator]();
  for (const name of asked) {
    const next = await lines.next();
    if (next.done) {
      throw new HallError('cli.usage', { zh: `标准输入里没有 --${name} 的值（每个 - 读一行）。`, en: `Standard input holds no value for --${name} (each - reads one line).` });
    }
    filled[name] = next.value.trim();
  }
  await lines.return?.();
  return filled;
}

/** One line typed at the terminal with echo off; Ctrl-C or Ctrl-D gives up. */
function readUnseen(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error: HallError | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003' || ch === '\u0004') return done(new HallError('cli.cancelled', { zh: '已取消。', en: 'Cancelled.' }));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

const ARGV_WARNING: Bilingual = {
  zh: '注意：写在命令行上的密码或证件号码，在命令运行时本机其他用户能从进程列表里看到，也会留在 shell 历史里。改用 -，再输入（不显示）或从管道读入：',
  en: 'Note: a password or ID number on the command line can be seen by other users of this computer in the process list while the command runs, and stays in your shell history. Give - instead, then type it (unseen) or pipe it:',
};

/** Says, on stderr, how to keep the secrets given on the command line out of it next time (`command`: send or compose). */
export function warnSecretsInArgv(
  ctx: CliContext,
  catalog: InstructionCatalog,
  what: string,
  params: Record<string, string>,
  instruction: Instruction | undefined,
  command: 'send' | 'compose' = 'send',
): void {
  const secretParams = (instruction?.params ?? []).filter((p) => p.secret && params[p.name] !== undefined && params[p.name] !== FROM_STDIN);
  const carried = secretParams.length === 0 ? catalog.findSecret(what)?.instruction : undefined;
  if (secretParams.length === 0 && !carried) return;
  const target = secretParams.length ? instruction! : carried!;
  const dashes = target.params.filter((p) => p.secret).map((p) => `--${p.name} ${FROM_STDIN}`);
  ctx.err(`${say(ctx, ARGV_WARNING)} hall10086 ${command} ${target.id} ${dashes.join(' ')}`);
}
