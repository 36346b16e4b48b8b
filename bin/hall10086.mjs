#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout (tsx compiles on the fly), so that
// `npx hall10086` works right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

// A reader that stops early (`| head`, `| grep -q`) closes the pipe: the rest of the output has
// nowhere to go, but the command still finishes (a send half-way must not be cut off), and no
// stack trace is printed for it.
const closed = new Set();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    closed.add(stream);
  });
}
const write = (stream, s) => {
  if (!closed.has(stream)) stream.write(s + '\n');
};

register();
const { runCli } = await import('../src-main/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (s) => write(process.stdout, s),
  err: (s) => write(process.stderr, s),
});
process.exitCode = code;
