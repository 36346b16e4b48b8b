#!/usr/bin/env node
// `npm run dist [-- --linux | --win | --mac] [--x64 | --arm64 …]`: build the app and the extension, then
// package with electron-builder (electron-builder.yml) for this platform or the ones asked for.
// Where a package cannot be made here (no Electron binary and no way to download it; a dmg off macOS)
// it says so in one line, in Chinese and English, and exits 1 before building anything.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateElectron } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const PLATFORM_FLAGS = { '--linux': 'linux', '-l': 'linux', '--win': 'win32', '-w': 'win32', '--mac': 'darwin', '-m': 'darwin' };
const ARCH_FLAGS = ['--x64', '--arm64', '--ia32', '--armv7l'];

function fail(zh, en) {
  console.error(`${zh} / ${en}`);
  process.exit(1);
}

function run(command, commandArgs) {
  // npm is a .cmd on Windows, which only a shell starts.
  const status = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status;
  if (status !== 0) process.exit(status ?? 1);
}

const platforms = [...new Set(args.filter((arg) => arg in PLATFORM_FLAGS).map((arg) => PLATFORM_FLAGS[arg]))];
if (platforms.length === 0) platforms.push(process.platform);
const arches = args.filter((arg) => ARCH_FLAGS.includes(arg)).map((arg) => arg.slice(2));
if (arches.length === 0) arches.push(process.arch);

// electron-builder makes dmg files only on macOS (it needs hdiutil).
if (platforms.includes('darwin') && process.platform !== 'darwin') {
  fail('无法打包：macOS 的 dmg 只能在 macOS 上制作。', 'Cannot package: a macOS dmg can only be built on macOS.');
}

const electronDir = join(root, 'node_modules/electron');
const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const located = [];
for (const platform of platforms) {
  for (const arch of arches) {
    const found = await locateElectron({ target: { platform, arch }, version, electronDir });
    if (!found.available) {
      fail(
        `无法打包：本机没有 Electron ${version}（${platform}-${arch}）的二进制文件，也无法下载（${found.reason.zh}）。`,
        `Cannot package: the Electron ${version} binary for ${platform}-${arch} is not on this machine and cannot be downloaded (${found.reason.en}).`,
      );
    }
    located.push(found);
  }
}

run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
run('npm', ['run', 'build:extension']);

const overrides = [];
// A local binary serves one target only; with several, electron-builder finds them in its caches itself.
if (located.length === 1 && located[0].electronDist) overrides.push(`-c.electronDist=${located[0].electronDist}`);
if (platforms.includes('linux')) overrides.push(`-c.deb.afterInstall=${debAfterInstall()}`);
run(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), ...args, ...overrides]);

/** electron-builder's own after-install script (links, sandbox, AppArmor) followed by our note on the dialout group. */
function debAfterInstall() {
  const builderScript = readFileSync(join(root, 'node_modules/app-builder-lib/templates/linux/after-install.tpl'), 'utf8');
  const note = readFileSync(join(root, 'resources/linux/dialout-note.sh'), 'utf8');
  // Next to the build it belongs to (out/ is rebuilt each time and not packed).
  const file = join(root, 'out/deb-after-install.tpl');
  writeFileSync(file, `${builderScript}\n${note}`);
  return file;
}
