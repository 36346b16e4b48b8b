import type { Identity } from '../identity';
import type { Charset, Mem } from '../settings';

/** One thing a device does, with where the public record shows it (a repository file or an issue). */
export interface Behaviour {
  what: string;
  source: string;
}

/**
 * How one device model behaves on its AT port, as data. Every field has the plain TS 27.005/27.007
 * behaviour as its default (GENERIC_QUIRKS); a profile lists only what its device does differently.
 */
export interface Quirks {
  /** Huawei numbers message slots from 0, most others from 1. */
  firstIndex: 0 | 1;
  capacity: { SM: number; ME: number; SR: number };
  /** What `AT+CPMS=?` offers for <mem1>, <mem2>, <mem3>; anything else is refused. */
  cpmsOffered: [Mem[], Mem[], Mem[]];
  /** The memories in use after power-on. */
  cpmsDefault: [Mem, Mem, Mem];
  /** The SMS body prompt after AT+CMGS, as written on the wire. */
  prompt: string;
  /** AT+CFUN level after power-on: 4 is radio off (flight mode). */
  radioAtBoot: 1 | 4;
  /** Vendor commands this model knows beyond the common set (see vendor-commands.ts). */
  vendorCommands: string[];
  /** Unsolicited lines sent at power-on, in order. */
  bootUrcs: string[];
  /** Until this long after power-on SMS commands are refused; 0: ready at once. */
  smsReadyAfterMs: number;
  /** How an SMS command is refused meanwhile: plain ERROR, or SIM busy (+CME ERROR: 14). */
  smsNotReady: 'error' | 'sim-busy';
  /** Said when SMS commands start working (`SMS DONE`, `SMS Ready`), or null. */
  smsReadyUrc: string | null;
  /** Said once, between the first +CMGL/+CMGR header and its PDU after power-on (a URC that raced the listing). */
  listingUrc: string | null;
  /** Said once, between the first +CMT/+CDS header and its PDU after power-on (a URC that raced the delivery). */
  deliveryUrc: string | null;
  /** Where status reports are stored: the SR memory, or the receiving memory (CPMS <mem3>). */
  reportStore: 'SR' | 'receive';
  /** The memory named in +CDSI, when the modem names another than the one it used (Quectel EC25: "SM"). */
  reportAnnouncedAs: Mem | null;
  /** Registered in +CREG (circuit-switched) too, or only in +CEREG (LTE-only modules: +CREG stays 0). */
  csRegistration: boolean;
  /** <stat> reported when registered: 1 home, 5 roaming. */
  registeredStat: 1 | 5;
  /** AT+CSCS after power-on; under UCS2 the SMS centre is answered as UCS2 hex. */
  cscs: Charset;
  unknownCommand: 'error' | 'cme';
  /**
   * The AT+CSMS <service> values the device takes. [0]: phase 2 only, it acknowledges every +CMT/+CDS to
   * the network itself and answers AT+CNMA with +CMS ERROR: 340 (TS 27.005 §3.2.1, §3.4.4); a Quectel
   * M26 answers AT+CSMS=? with +CSMS: (0,128) (warthog618/modem issue #17).
   */
  smsServices: readonly (0 | 1)[];
}

export interface DeviceProfile {
  /** Used on the command line: `--profile simcom-sim7600`. */
  name: string;
  family: string;
  models: string;
  identity: Identity;
  behaviours: Behaviour[];
  quirks: Partial<Quirks>;
}

export const GENERIC_QUIRKS: Quirks = {
  firstIndex: 0,
  capacity: { SM: 50, ME: 100, SR: 0 },
  cpmsOffered: [
    ['SM', 'ME', 'MT'],
    ['SM', 'ME', 'MT'],
    ['SM', 'ME', 'MT'],
  ],
  cpmsDefault: ['SM', 'SM', 'SM'],
  prompt: '\r\n> ',
  radioAtBoot: 1,
  vendorCommands: [],
  bootUrcs: [],
  smsReadyAfterMs: 0,
  smsNotReady: 'error',
  smsReadyUrc: null,
  listingUrc: null,
  deliveryUrc: null,
  reportStore: 'receive',
  reportAnnouncedAs: null,
  csRegistration: true,
  registeredStat: 1,
  cscs: 'IRA',
  unknownCommand: 'error',
  smsServices: [0, 1],
};
