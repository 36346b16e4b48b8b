#!/usr/bin/env node
// `npm start`: build, then open the Electron app; where the Electron binary is missing and cannot
// be fetched, say so in one line and start browser mode instead (same UI, same core).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const passthrough = process.argv.slice(2);

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts }).status ?? 1;
}

function electronBinary() {
  try {
    const path = require('electron'); // the package's index resolves its binary, or throws when it is missing
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']) !== 0) process.exit(1);

let electron = electronBinary();
if (!electron && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  // npm installs Electron's package without running its download script (npm 11 blocks install
  // scripts by default): fetch the binary now, once.
  run(process.execPath, [join(root, 'node_modules/electron/install.js')], { stdio: 'ignore' });
  electron = electronBinary();
}

if (electron) {
  const child = spawn(electron, [root, ...passthrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron is not available on this machine (its binary could not be downloaded); starting browser mode instead.');
  const child = spawn(process.execPath, [join(root, 'bin/hall10086.mjs'), 'serve', ...passthrough], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
