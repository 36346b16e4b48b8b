/** Message storages (TS 27.005 <mem>): SIM, phone memory, MT = both (SIM first), SR = status reports. */
export type Mem = 'SM' | 'ME' | 'MT' | 'SR';
export const MEMS: readonly Mem[] = ['SM', 'ME', 'MT', 'SR'];

/** TE character sets (AT+CSCS) the emulator speaks. */
export type Charset = 'GSM' | 'IRA' | 'UCS2';
export const CHARSETS: readonly Charset[] = ['GSM', 'IRA', 'UCS2'];

/** AT+CNMI=<mode>,<mt>,<bm>,<ds>,<bfr>. */
export interface Cnmi {
  mode: number;
  mt: number;
  bm: number;
  ds: number;
  bfr: number;
}

/** Text-mode parameters, AT+CSMP=<fo>,<vp>,<pid>,<dcs>. */
export interface Csmp {
  fo: number;
  vp: number;
  pid: number;
  dcs: number;
}

/** Everything ATZ / AT&F put back to factory values (SIM contents and messages survive). */
export interface Settings {
  echo: boolean;
  verbose: boolean;
  quiet: boolean;
  cmee: 0 | 1 | 2;
  cmgf: 0 | 1;
  cscs: Charset;
  csdh: 0 | 1;
  csms: 0 | 1;
  cmms: 0 | 1 | 2;
  cnmi: Cnmi;
  /** Storages for reading/deleting, writing/sending, and receiving. */
  cpms: [Mem, Mem, Mem];
  csmp: Csmp;
  /** URC level of AT+CREG (circuit) and AT+CGREG (packet) registration: 0 off, 1 stat, 2 with cell. */
  cregMode: 0 | 1 | 2;
  cgregMode: 0 | 1 | 2;
  ceregMode: 0 | 1 | 2;
  copsFormat: 0 | 1 | 2;
}

/** Factory values; a device profile may start with other memories or another character set. */
export function defaultSettings(factory: { cpms?: readonly [Mem, Mem, Mem]; cscs?: Charset } = {}): Settings {
  return {
    echo: true,
    verbose: true,
    quiet: false,
    cmee: 0,
    cmgf: 0,
    cscs: factory.cscs ?? 'IRA',
    csdh: 0,
    csms: 0,
    cmms: 0,
    // Factory default of many Huawei sticks: new messages are stored silently, no indication.
    cnmi: { mode: 0, mt: 0, bm: 0, ds: 0, bfr: 0 },
    cpms: factory.cpms ? [...factory.cpms] : ['SM', 'SM', 'SM'],
    csmp: { fo: 17, vp: 167, pid: 0, dcs: 0 },
    cregMode: 0,
    cgregMode: 0,
    ceregMode: 0,
    copsFormat: 0,
  };
}
