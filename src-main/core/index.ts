import { HallCore, type CoreOptions } from './core';
import { defaultDataDir } from './data-dir';
import { listPorts } from './ports';
import { DEMO_PATH } from '../emulator/binding';

export { HallCore, type CoreOptions } from './core';
export { defaultDataDir } from './data-dir';
export { listPorts } from './ports';
export { internalErrorHandler } from '../services/diagnostics';

/**
 * The core as the Electron shell and browser mode start it, listening for the browser extension's host. `demo: 'auto'` opens the
 * ports connected in the app last time (one not plugged in is waited for); when none of them opens, the first port that looks
 * like a modem, and the built-in demo modem when there is none (or it cannot be opened) and no remembered port is waited for.
 */
export async function createCore(opts: Omit<Partial<CoreOptions>, 'demo'> & { demo: boolean | 'auto' }): Promise<HallCore> {
  const core = await HallCore.create({ ...opts, demo: opts.demo === true, dataDir: opts.dataDir ?? defaultDataDir() });
  await core.openExtensionLink();
  core.catalogState.startUpdates();
  if (opts.demo === 'auto') {
    // The modems connected in the app last time, before guessing: a second one, or a port the list does not show.
    // One not plugged in now is waited for (shown as such), and keeps the demo modem away: its user expects it, not a stand-in.
    const reopened = [];
    for (const path of core.rememberedModems.list()) {
      const status = await core.connect(path, { waitIfAbsent: true }).catch(() => null);
      if (status && status.state !== 'failed') reopened.push(status);
    }
    if (reopened.some((s) => s.state !== 'reconnecting')) return core;
    const modem = (await listPorts()).find((p) => p.likelyModem && !p.demo);
    const connected = modem ? await core.connect(modem.path).catch(() => null) : null;
    if ((!connected || connected.state === 'failed') && reopened.length === 0) await core.connect(DEMO_PATH);
  }
  return core;
}
