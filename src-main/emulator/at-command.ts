/** One argument as typed: quoted strings keep their case and commas, bare values are upper-cased. */
export interface AtArg {
  text: string;
  quoted: boolean;
}

export type AtOp = 'exec' | 'set' | 'read' | 'test';

/**
 * One command out of a command line. Basic commands carry their digit as a `set` argument
 * (`E0` → name 'E', op 'set', args ['0']); extended ones (`+CMGS`, `^ICCID`) use `=`, `?`, `=?`.
 */
export interface AtCommand {
  name: string;
  op: AtOp;
  args: AtArg[];
}

const EXTENDED_PREFIXES = '+^$#%*';
const EXTENDED_NAME = /[A-Z0-9!%\-./:_]/i;

/**
 * Splits a V.250 command line ("AT" included) into commands, e.g. `ATE0V1+CMEE=1;+CMGF=0`.
 * Returns null for a line a modem would reject as a whole (ERROR before anything runs).
 */
export function parseCommandLine(line: string): AtCommand[] | null {
  if (!/^at/i.test(line)) return null;
  const body = withoutSpaces(line.slice(2));
  const commands: AtCommand[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === ';') {
      i++;
      continue;
    }
    const parsed = EXTENDED_PREFIXES.includes(c) ? readExtended(body, i) : readBasic(body, i);
    if (!parsed) return null;
    commands.push(parsed.command);
    i = parsed.end;
  }
  return commands;
}

/** V.250 ignores spaces outside quoted strings: `AT+CMGF = 1` is `AT+CMGF=1`. */
function withoutSpaces(body: string): string {
  return body.replace(/("[^"]*"?)|( +)/g, (_, quoted: string | undefined) => quoted ?? '');
}

function readExtended(body: string, start: number): { command: AtCommand; end: number } | null {
  let i = start + 1;
  while (i < body.length && EXTENDED_NAME.test(body[i]!)) i++;
  if (i === start + 1) return null;
  const name = body.slice(start, i).toUpperCase();
  if (body.startsWith('=?', i)) return { command: { name, op: 'test', args: [] }, end: i + 2 };
  if (body[i] === '?') return { command: { name, op: 'read', args: [] }, end: i + 1 };
  if (body[i] !== '=') return { command: { name, op: 'exec', args: [] }, end: i };
  const args = readArgs(body, i + 1);
  return args && { command: { name, op: 'set', args: args.args }, end: args.end };
}

/** Comma-separated values up to `;` or end of line; `;` inside quotes belongs to the value. */
function readArgs(body: string, start: number): { args: AtArg[]; end: number } | null {
  const args: AtArg[] = [];
  let i = start;
  for (;;) {
    let arg: AtArg;
    if (body[i] === '"') {
      const close = body.indexOf('"', i + 1);
      if (close < 0) return null;
      arg = { text: unescapeQuoted(body.slice(i + 1, close)), quoted: true };
      i = close + 1;
    } else {
      let j = i;
      while (j < body.length && body[j] !== ',' && body[j] !== ';') j++;
      arg = { text: body.slice(i, j).toUpperCase(), quoted: false };
      i = j;
    }
    args.push(arg);
    if (body[i] !== ',') break;
    i++;
  }
  if (i < body.length && body[i] !== ';') return null;
  return { args, end: i };
}

/** V.250 lets a quoted string carry any byte as backslash + two hex digits. */
function unescapeQuoted(s: string): string {
  return s.replace(/\\([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function readBasic(body: string, start: number): { command: AtCommand; end: number } | null {
  let i = start;
  let name = body[i]!.toUpperCase();
  i++;
  if (name === '&') {
    if (i >= body.length || !/[A-Z]/i.test(body[i]!)) return null;
    name += body[i]!.toUpperCase();
    i++;
  } else if (name === 'D') {
    // Dial swallows the rest of the line, whatever it holds.
    return { command: { name, op: 'set', args: [{ text: body.slice(i), quoted: false }] }, end: body.length };
  } else if (!/[A-Z]/.test(name)) {
    return null;
  }
  if (name === 'S') return readSRegister(body, i);
  let j = i;
  while (j < body.length && /[0-9]/.test(body[j]!)) j++;
  const digits = body.slice(i, j);
  return {
    command: digits ? { name, op: 'set', args: [{ text: digits, quoted: false }] } : { name, op: 'exec', args: [] },
    end: j,
  };
}

function readSRegister(body: string, start: number): { command: AtCommand; end: number } | null {
  let i = start;
  while (i < body.length && /[0-9]/.test(body[i]!)) i++;
  if (i === start) return null;
  const name = `S${Number(body.slice(start, i))}`;
  if (body[i] === '?') return { command: { name, op: 'read', args: [] }, end: i + 1 };
  if (body[i] !== '=') return null;
  let j = i + 1;
  while (j < body.length && /[0-9]/.test(body[j]!)) j++;
  return { command: { name, op: 'set', args: [{ text: body.slice(i + 1, j), quoted: false }] }, end: j };
}

/** Helpers handlers use to read arguments; each returns undefined for absent/empty values. */
export function argInt(cmd: AtCommand, i: number): number | undefined {
  const a = cmd.args[i];
  if (!a || a.quoted || a.text === '') return undefined;
  return /^\d+$/.test(a.text) ? Number(a.text) : NaN;
}

export function argString(cmd: AtCommand, i: number): string | undefined {
  const a = cmd.args[i];
  return a && (a.quoted || a.text !== '') ? a.text : undefined;
}

/** Narrows a numeric argument to the values a command accepts. */
export function isOneOf<T extends number>(n: number | undefined, allowed: readonly T[]): n is T {
  return n !== undefined && (allowed as readonly number[]).includes(n);
}
