import { isQuoted, splitParams } from './params';

/**
 * Which arguments of a command are secrets (PIN, PUK, passwords), by position. AT+CPIN="<pin>"[,"<newpin>"],
 * Huawei's AT^CPIN likewise; AT+CPWD=<fac>,"<old>","<new>"; AT+CLCK=<fac>,<mode>,"<passwd>"[,<class>].
 */
const SECRET_ARGUMENTS: ReadonlyMap<string, (index: number) => boolean> = new Map([
  ['+CPIN', () => true],
  ['^CPIN', () => true],
  ['+CPIN2', () => true],
  ['+CPWD', (i: number) => i >= 1],
  ['+CLCK', (i: number) => i === 2],
]);

const MASK = '****';

/**
 * `AT+CPIN="1234"` → `AT+CPIN="****"`. Fixed-width masks, so not even a PIN's length leaks. Spaces around the name and
 * the `=` (`AT+CPIN ="1234"`, `; +CPIN`), which V.250 lets a modem ignore, hide nothing (review49 F3).
 */
export function redactCommand(command: string): string {
  return command
    .split(';')
    .map((part) => {
      const m = /^(\s*(?:AT)?\s*([+^][A-Z0-9]+)\s*=)(.*)$/i.exec(part);
      const isSecret = m ? SECRET_ARGUMENTS.get(m[2]!.toUpperCase()) : undefined;
      if (!m || !isSecret) return part;
      const args = splitParams(m[3]!).map((arg, i) => {
        if (!arg || arg === '?' || !isSecret(i)) return arg;
        return isQuoted(arg) ? `"${MASK}"` : MASK;
      });
      return m[1] + args.join(',');
    })
    .join(';');
}

/**
 * The prefix of the information lines a command answers with: `AT+CMGL=4` → `+CMGL:`, `AT^SYSINFO` →
 * `^SYSINFO:`. Lines with it belong to the response even when the same name also comes as a URC
 * (`AT+CREG?` answers `+CREG: 0,1`). Null for basic commands such as ATI.
 */
export function responsePrefix(command: string): string | null {
  const m = /^AT([+^$%*][A-Z0-9]+)/i.exec(command);
  return m ? `${m[1]!.toUpperCase()}:` : null;
}

/** ATD (dial), ATA (answer) and ATO (back online) are the only commands NO CARRIER can end. */
export function isCallCommand(command: string): boolean {
  return /^AT[DAO]/i.test(command);
}
