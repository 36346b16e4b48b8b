import { argInt, isOneOf, type AtCommand } from './at-command';
import type { CommandTable, Handler, ModemContext } from './context';
import { error, ok, type Response } from './result-codes';

type Flag = 'echo' | 'verbose' | 'quiet';

/** ATE / ATV / ATQ: a missing digit means 0, as V.250 says. */
function flag(name: Flag): Handler {
  return (cmd: AtCommand, m: ModemContext): Response => {
    const v = cmd.args.length === 0 ? 0 : argInt(cmd, 0);
    if (!isOneOf(v, [0, 1] as const)) return error();
    m.settings[name] = v === 1;
    return ok();
  };
}

const reset: Handler = (cmd, m) => {
  if (cmd.args.length > 0 && argInt(cmd, 0) !== 0) return error();
  m.resetSettings();
  return ok();
};

export const basicCommands: CommandTable = {
  E: { exec: flag('echo'), set: flag('echo') },
  V: { exec: flag('verbose'), set: flag('verbose') },
  Q: { exec: flag('quiet'), set: flag('quiet') },
  Z: { exec: reset, set: reset },
  '&F': { exec: reset, set: reset },
  '+CMEE': {
    read: (_, m) => ok(`+CMEE: ${m.settings.cmee}`),
    set: (cmd, m) => {
      const n = argInt(cmd, 0) ?? 0;
      if (!isOneOf(n, [0, 1, 2] as const)) return error();
      m.settings.cmee = n;
      return ok();
    },
    test: () => ok('+CMEE: (0-2)'),
  },
};
