// Hall10086 never recompiles native modules: @serialport/bindings-cpp ships N-API prebuilds that
// Electron loads as they are, and electron-builder.yml sets `npmRebuild: false`. electron-builder
// still lists @electron/rebuild as a dependency, and every 4.x release (with node-abi 4.x) asks for
// Node >= 22.12 while this project supports Node 20; the 3.x releases fetch node-gyp from GitHub
// instead of the registry. package.json lists this folder as the root's @electron/rebuild and its
// "overrides" ("$@electron/rebuild") hand that same folder to electron-builder, so `npm install`
// on Node 20 is clean. Should anyone turn npmRebuild on, packaging stops here with this message.
'use strict';

const MESSAGE =
  '本项目不重新编译原生模块（electron-builder.yml 中 npmRebuild: false）。 / ' +
  'Hall10086 does not recompile native modules (npmRebuild: false in electron-builder.yml); ' +
  'scripts/no-native-rebuild stands in for @electron/rebuild.';

function rebuild() {
  const failed = Promise.reject(new Error(MESSAGE));
  failed.lifecycle = { on() {} };
  return failed;
}

module.exports = { rebuild };
