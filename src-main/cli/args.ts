import { HallError } from '../../src-shared/errors';

export interface ParsedArgs {
  positionals: string[];
  /** `--name value` and `--name=value`; flags declared boolean map to 'true'. */
  options: Map<string, string>;
}

export interface ArgSpec {
  /** Options that take no value. */
  booleans?: readonly string[];
  /** Options that take a value. */
  values?: readonly string[];
  /** Accept any other `--name value` (for instruction parameters such as `--month 202610`). */
  open?: boolean;
}

export function usageError(zh: string, en: string): HallError {
  return new HallError('cli.usage', { zh, en });
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const booleans = new Set(spec.booleans ?? []);
  const values = new Set(spec.values ?? []);
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (booleans.has(name)) {
      if (eq !== -1) throw usageError(`选项 --${name} 不带值。`, `Option --${name} takes no value.`);
      options.set(name, 'true');
      continue;
    }
    if (!values.has(name) && !spec.open) {
      throw usageError(`不认识的选项 --${name}。`, `Unknown option --${name}.`);
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw usageError(`选项 --${name} 需要一个值。`, `Option --${name} needs a value.`);
    options.set(name, value);
  }
  return { positionals, options };
}

export function intOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  // Digits only: Number('') and Number(' ') are 0, which for --port would mean "any port".
  const n = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw usageError(`--${name} 应是 ${min} 到 ${max} 之间的整数。`, `--${name} must be a whole number from ${min} to ${max}.`);
  }
  return n;
}
