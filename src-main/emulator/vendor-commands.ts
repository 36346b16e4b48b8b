import { argInt } from './at-command';
import type { CommandTable } from './context';
import { error, ok } from './result-codes';

/**
 * Commands only some devices know; a profile names the ones its device has (Quirks.vendorCommands).
 * Every other device answers them as unknown.
 */
/** A setting the device accepts and keeps to itself (this emulator has nothing it changes). */
const accepts = (values: readonly number[]): CommandTable[string] => ({
  set: (cmd) => (values.includes(argInt(cmd, 0) ?? -1) ? ok() : error()),
});

export const VENDOR_COMMANDS: CommandTable = {
  /** Huawei: unsolicited codes off/on, and "this is the modem port" (gammu atgen.c, F_HUAWEI_INIT). */
  '^CURC': accepts([0, 1]),
  '^PORTSEL': accepts([0, 1]),
  /** ZTE: 8 disables the CD-ROM mode at plug-in (gammu atgen.c, F_ZTE_INIT). */
  '+ZCDRUN': accepts([8, 9]),
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
