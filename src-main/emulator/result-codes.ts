/** Final result of one command, before the V/Q/CMEE settings decide how it looks on the wire. */
export type Final = { kind: 'ok' } | { kind: 'error' } | { kind: 'cme'; code: number } | { kind: 'cms'; code: number };

export interface Response {
  lines: string[];
  final: Final;
  /** Extra time before the answer, e.g. the network round trip of AT+CMGS. */
  delayMs?: number;
}

/** 3GPP TS 27.007 §9.2 mobile equipment errors the emulator raises. */
export const CME = {
  operationNotAllowed: 3,
  operationNotSupported: 4,
  phSimPinRequired: 5,
  simNotInserted: 10,
  simPinRequired: 11,
  simPukRequired: 12,
  simBusy: 14,
  incorrectPassword: 16,
  invalidIndex: 21,
  noNetworkService: 30,
  unknown: 100,
} as const;

const CME_TEXT: Record<number, string> = {
  3: 'operation not allowed',
  4: 'operation not supported',
  5: 'PH-SIM PIN required',
  10: 'SIM not inserted',
  11: 'SIM PIN required',
  12: 'SIM PUK required',
  14: 'SIM busy',
  16: 'incorrect password',
  21: 'invalid index',
  30: 'no network service',
  100: 'unknown',
};

/** 3GPP TS 27.005 §3.2.5 message service failures (and network RP causes below 128). */
export const CMS = {
  networkOutOfOrder: 38,
  operationNotAllowed: 302,
  operationNotSupported: 303,
  invalidPduParameter: 304,
  invalidTextParameter: 305,
  simNotInserted: 310,
  simPinRequired: 311,
  phSimPinRequired: 312,
  simPukRequired: 316,
  invalidMemoryIndex: 321,
  memoryFull: 322,
  smscAddressUnknown: 330,
  noNetworkService: 331,
  noCnmaExpected: 340,
  unknown: 500,
} as const;

export const ok = (...lines: string[]): Response => ({ lines, final: { kind: 'ok' } });
export const error = (): Response => ({ lines: [], final: { kind: 'error' } });
export const cme = (code: number): Response => ({ lines: [], final: { kind: 'cme', code } });
export const cms = (code: number): Response => ({ lines: [], final: { kind: 'cms', code } });

export interface ResultStyle {
  verbose: boolean;
  quiet: boolean;
  cmee: 0 | 1 | 2;
}

const NUMERIC = { ok: '0', error: '4' } as const;

/**
 * V.250 framing: verbose info text is `\r\n<text>\r\n`, verbose result codes `\r\n<code>\r\n`;
 * ATV0 gives `<text>\r\n` and `<digit>\r`. +CME ERROR follows AT+CMEE (0 → plain ERROR).
 * +CMS ERROR is always numeric: TS 27.005 defines only numeric <err> values.
 */
export function formatInfo(lines: readonly string[], style: ResultStyle): string {
  if (lines.length === 0) return '';
  return style.verbose ? `\r\n${lines.join('\r\n')}\r\n` : lines.map((l) => `${l}\r\n`).join('');
}

export function formatFinal(final: Final, style: ResultStyle): string {
  if (style.quiet) return '';
  const code = finalText(final, style);
  if (style.verbose) return `\r\n${code}\r\n`;
  return `${code === 'OK' ? NUMERIC.ok : code === 'ERROR' ? NUMERIC.error : code}\r`;
}

function finalText(final: Final, style: ResultStyle): string {
  switch (final.kind) {
    case 'ok':
      return 'OK';
    case 'error':
      return 'ERROR';
    case 'cms':
      return `+CMS ERROR: ${final.code}`;
    case 'cme':
      if (style.cmee === 0) return 'ERROR';
      return `+CME ERROR: ${style.cmee === 2 ? (CME_TEXT[final.code] ?? final.code) : final.code}`;
  }
}
