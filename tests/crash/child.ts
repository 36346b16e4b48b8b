import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A child process running a TypeScript entry script, with its stdout progress lines. */
export interface RunningChild {
  process: ChildProcess;
  /** Calls `listener` with every progress line from now on, as it arrives. */
  onLine(listener: (line: string) => void): void;
  /** Resolves with the first progress line starting with one of `words`, or rejects when the child ends first. */
  line(...words: string[]): Promise<string>;
  /** Resolves once the child is gone (a killed child has exited and been reaped). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

export function startChild(script: URL, arg: string): RunningChild {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(script), arg], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const listeners: ((line: string) => void)[] = [];
  let partial = '';
  let stderr = '';
  let ended = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const split = (partial + chunk).split('\n');
    partial = split.pop()!;
    lines.push(...split);
    for (const line of split) listeners.forEach((l) => l(line));
    waiters.forEach((w) => w());
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => {
      ended = true;
      waiters.forEach((w) => w());
      resolve({ code, signal, stderr });
    }),
  );
  return {
    process: child,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    onLine: (listener) => void listeners.push(listener),
    line: (...words) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const found = lines.find((l) => words.some((w) => l.startsWith(w)));
          if (found !== undefined || ended) waiters.delete(check);
          if (found !== undefined) resolve(found);
          else if (ended) reject(new Error(`child ended before "${words.join('|')}": ${lines.slice(-3).join(' / ')} ${stderr.slice(-500)}`));
        };
        waiters.add(check);
        check();
      }),
  };
}
