import { HallCore, type CoreOptions } from './core';
import { defaultDataDir } from './data-dir';

export { HallCore, type CoreOptions } from './core';
export { defaultDataDir } from './data-dir';
export { listPorts } from './ports';

/** The core as the Electron shell and browser mode start it. */
export function createCore(opts: Partial<CoreOptions> & { demo: boolean }): Promise<HallCore> {
  return HallCore.create({ ...opts, dataDir: opts.dataDir ?? defaultDataDir() });
}
