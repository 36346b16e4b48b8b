import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinCatalog } from '../../src-shared/catalog/builtin';
import { toHallError, type Lang } from '../../src-shared/errors';
import { parseArgs, usageError } from './args';
import { composeCommand, searchCommand, showCommand } from './commands/catalog-commands';
import { customCommand, provinceCommand, updateCommand } from './commands/catalog-state-commands';
import { catalogUpdateCommand } from './commands/catalog-update-commands';
import { emulatorCommand } from './commands/emulator-command';
import { nativeHostCommand } from './commands/native-host-command';
import { atCommand, inboxCommand, modemCommand, portsCommand, sendCommand } from './commands/modem-commands';
import { pduCommand } from './commands/pdu-commands';
import { replyCommand } from './commands/reply-commands';
import { serveCommand } from './commands/serve-command';
import { say, type CliContext, type Command } from './context';
import { fileSystemError } from './file-errors';
import { flagHint } from './flag-hints';
import { wrap } from './format';
import { systemLang } from './lang';
import { terminalSafe } from './terminal-text';

const COMMANDS: Command[] = [
  searchCommand,
  showCommand,
  composeCommand,
  sendCommand,
  inboxCommand,
  portsCommand,
  modemCommand,
  atCommand,
  pduCommand,
  replyCommand,
  emulatorCommand,
  serveCommand,
  catalogUpdateCommand,
  updateCommand,
  provinceCommand,
  customCommand,
  nativeHostCommand,
];

/** Error codes that mean "the input was wrong" (exit 2), as opposed to a failure while working (exit 1). */
const INPUT_ERROR = /^(cli|param|compose|catalog|pdu|send|custom|path)\.|^update\.(key-required|bad-key|source-credentials)$|^emulator\.unknown-profile$/;
const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

/** Help fits a standard 80-column terminal: each command's usage, then its summary indented under it. */
const HELP_WIDTH = 80;

/** One command's usage, then its summary indented under it. */
function commandHelp(c: Command, ctx: CliContext): string[] {
  const indent = (pad: string) => (line: string) => (line.startsWith(' ') ? line : pad + line);
  return [
    ...wrap(`hall10086 ${c.usage}`, HELP_WIDTH - 2, 8).map(indent('  ')),
    ...wrap(say(ctx, c.summary), HELP_WIDTH - 6).map((line) => `      ${line}`),
    '',
  ];
}

function help(ctx: CliContext): string {
  const commands = COMMANDS.flatMap((c) => commandHelp(c, ctx));
  const global = say(ctx, {
    zh: '全局选项：--lang zh-Hans|zh-Hant|en（语言）、--data-dir 文件夹（数据目录，默认是应用的：HALL10086_DATA_DIR 或系统给每个用户的目录）、--version、--help',
    en: "Global options: --lang zh-Hans|zh-Hant|en (language), --data-dir FOLDER (the data folder; by default the app's: HALL10086_DATA_DIR or the system's per-user folder), --version, --help",
  });
  const title = `Hall10086 ${version()} — ${say(ctx, { zh: '10086 短信营业厅', en: 'the 10086 SMS business hall' })}`;
  return [title, '', ...commands, ...wrap(global, HELP_WIDTH, 2)].join('\n');
}

function version(): string {
  return (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;
}

/** Pulls the global `--lang` out of argv; everything else goes to the command. */
function takeLang(argv: string[]): { lang: Lang; rest: string[] } {
  const rest: string[] = [];
  let lang = systemLang();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[++i] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === undefined && arg !== '--lang') {
      rest.push(arg);
      continue;
    }
    if (!LANGS.includes(value as Lang)) throw usageError('--lang 只能是 zh-Hans、zh-Hant 或 en。', '--lang must be zh-Hans, zh-Hant or en.');
    lang = value as Lang;
  }
  return { lang, rest };
}

export async function runCli(argv: string[], io: { out(s: string): void; err(s: string): void }): Promise<number> {
  // Whatever a command prints passes here: SMS texts and modem answers must not drive the terminal.
  const ctx: CliContext = { lang: systemLang(), out: (s) => io.out(terminalSafe(s)), err: (s) => io.err(terminalSafe(s)) };
  try {
    const { lang, rest } = takeLang(argv);
    ctx.lang = lang;
    const [name, ...args] = rest;
    // `help send` and `send --help` show that command's part of the help, as most CLIs do.
    const asked = name === 'help' ? COMMANDS.find((c) => c.name === args[0]) : undefined;
    if (asked || (COMMANDS.some((c) => c.name === name) && args.some((a) => a === '--help' || a === '-h'))) {
      ctx.out(commandHelp(asked ?? COMMANDS.find((c) => c.name === name)!, ctx).join('\n').trimEnd());
      ctx.out(say(ctx, { zh: '全部命令：hall10086 help', en: 'Every command: hall10086 help' }));
      return 0;
    }
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      ctx.out(help(ctx));
      return name ? 0 : 2;
    }
    if (name === '--version' || name === '-V' || name === 'version') {
      ctx.out(`hall10086 ${version()}`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      // `hall10086 MMXG#…` (send forgotten) must not print the passwords back.
      const named = builtinCatalog().maskSecrets(name);
      throw usageError(`没有命令 “${named}”。`, `There is no command "${named}".`);
    }
    // Every command takes --data-dir: those that read the data folder use it, the others (ports, pdu…) have nothing there to read.
    const spec = { ...command.spec, values: [...(command.spec.values ?? []), 'data-dir'] };
    const parsed = parseArgs(args, spec);
    // An empty one (`--data-dir "$UNSET"`) would read and write the folder the command runs in.
    if (parsed.options.get('data-dir')?.trim() === '') throw usageError('--data-dir 需要一个文件夹。', '--data-dir needs a folder.');
    return (await command.run(parsed, ctx)) ?? 0;
  } catch (e) {
    const error = fileSystemError(e) ?? toHallError(e);
    ctx.err(`${say(ctx, { zh: '错误', en: 'Error' })}: ${say(ctx, { zh: error.describe('zh-Hans'), en: error.describe('en') })}`);
    const hint = flagHint(error);
    if (hint) ctx.err(say(ctx, hint));
    if (error.code === 'cli.usage') ctx.err(say(ctx, { zh: '用 hall10086 help 查看用法。', en: 'Run hall10086 help for usage.' }));
    return INPUT_ERROR.test(error.code) ? 2 : 1;
  }
}
