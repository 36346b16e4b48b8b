import { parseCount } from './params';

/** The line that ends a command's response (3GPP TS 27.007 §4.1, V.250 result codes). */
export type FinalResult =
  | { kind: 'ok' }
  | { kind: 'error' }
  | { kind: 'cms'; code: number }
  | { kind: 'cme'; code: number }
  | { kind: 'no-carrier' }
  /** Verbose report after AT+CMEE=2, e.g. `+CME ERROR: SIM PIN required`; `family` says which table it comes from. */
  | { kind: 'text-error'; text: string; family?: 'cms' | 'cme' };

/** Result codes that are whole lines. Huawei answers two of its own instead of a plain ERROR. */
const WHOLE_LINE_RESULTS: ReadonlyMap<string, 'ok' | 'error' | 'no-carrier'> = new Map([
  ['OK', 'ok'],
  ['ERROR', 'error'],
  ['NO CARRIER', 'no-carrier'],
  ['COMMAND NOT SUPPORT', 'error'],
  ['TOO MANY PARAMETERS', 'error'],
]);

const ERROR_REPORT = /^\+CM([ES]) ERROR:\s*(.*)$/i;

export function parseFinalResult(line: string): FinalResult | null {
  const whole = WHOLE_LINE_RESULTS.get(line);
  if (whole) return { kind: whole };
  const report = ERROR_REPORT.exec(line);
  if (!report) return null;
  const family = report[1]!.toUpperCase() === 'S' ? 'cms' : 'cme';
  const detail = report[2]!.trim();
  const code = parseCount(detail);
  if (code !== null) return { kind: family, code };
  return { kind: 'text-error', text: detail, family };
}
