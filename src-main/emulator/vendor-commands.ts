import { argInt } from './at-command';
import type { CommandTable } from './context';
import { error, ok } from './result-codes';

/**
 * Commands only some devices know; a profile names the ones its device has (Quirks.vendorCommands).
 * Every other device answers them as unknown.
 */
export const VENDOR_COMMANDS: CommandTable = {
  /** ZTE: 5 online, 6 offline (oFono plugins/zte.c, zte_set_online). */
  '+ZOPRT': {
    set: (cmd, m) => {
      const mode = argInt(cmd, 0);
      if (mode !== 5 && mode !== 6) return error();
      const was = m.network.cfun;
      m.network.cfun = mode === 5 ? 1 : 4;
      if (mode === 5 && was !== 1 && m.sim.state === 'READY') m.network.attach();
      if (mode === 6) m.network.detach();
      return ok();
    },
    read: (_, m) => ok(`+ZOPRT: ${m.network.cfun === 1 ? 5 : 6}`),
  },
};

export function vendorCommands(names: readonly string[]): CommandTable {
  return Object.fromEntries(names.map((n) => [n, VENDOR_COMMANDS[n]]).filter(([, forms]) => forms !== undefined));
}
