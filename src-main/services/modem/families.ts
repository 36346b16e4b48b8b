import { signalFromRssi, type Signal } from '../../../src-shared/at/status';

/**
 * What one vendor family does differently, as data (ModemManager keeps the same in its plugins): the
 * session runs the generic TS 27.005/27.007 flow and asks the family only at these points.
 */
export interface ModemFamily {
  name: string;
  /** Tested against `AT+CGMI` and `AT+CGMM` together. */
  matches: RegExp;
  /** Where the ICCID is asked, in order; the first that answers wins. */
  iccid: readonly { command: string; prefix: string; nibbleSwapped?: boolean; simFile?: boolean }[];
  /** Commands that turn the radio on when `AT+CFUN?` says it is off, tried in order until it is on. */
  radioOn: readonly string[];
  /** Vendor unsolicited lines the session acts on, by name. */
  urcs: Readonly<Record<string, (text: string) => FamilyEvent | null>>;
  /**
   * `AT+CPMS` may count a memory empty right after a message came into it (Huawei E3531: gammu issue #373,
   * libgammu/phone/at/at-sms.c): such a memory is listed whatever its count, as ModemManager lists every
   * memory (src/mm-broadband-modem.c, `+CMGL=4` with no count asked, commit 9a2d5863eb21957767dbc826b481080c08736590).
   */
  emptyCountLags?: boolean;
  /**
   * May restart without a word (a SIM800 with autobauding on, its factory setting, says no RDY: SIM800
   * Series AT Command Manual §2.2.41.1), back in its factory memories with echo on: a bare `AT` goes
   * before each delete, and its echo stops the delete.
   */
  restartsSilently?: boolean;
}

export type FamilyEvent = { kind: 'signal'; signal: Signal } | { kind: 'memory-full' } | { kind: 'sms-ready' };

const GENERIC_ICCID = [
  { command: 'AT+CCID', prefix: '+CCID:' },
  // SIMCom answers AT+CCID / AT+CICCID with +ICCID: (ModemManager plugins/simtech).
  { command: 'AT+CICCID', prefix: '+ICCID:' },
  { command: 'AT+ICCID', prefix: '+ICCID:' },
  // Last, the standard way every vendor's list ends in: READ BINARY of EF_ICCID (2FE2 = 12258) through
  // restricted SIM access (3GPP TS 27.007 §8.18), the command other hosts use for the ICCID too (router and module sample code).
  // A modem without it leaves the SIM unidentified (src-shared/at/sim-id.ts).
  { command: 'AT+CRSM=176,12258,0,0,10', prefix: '+CRSM:', simFile: true },
] as const;

const value = (text: string) => text.slice(text.indexOf(':') + 1).trim();

const huaweiRssi = (text: string): FamilyEvent | null => {
  const rssi = Number(value(text));
  return Number.isInteger(rssi) ? { kind: 'signal', signal: signalFromRssi(rssi) } : null;
};

/**
 * Huawei's ^RSSI (signal) and ^SMMEMFULL (receiving memory full) are listened for on every modem: a name
 * only its vendor uses cannot mean anything else, and Huawei-derived firmware under other names says them.
 */
const HUAWEI_URCS: ModemFamily['urcs'] = { '^RSSI': huaweiRssi, '^SMMEMFULL': () => ({ kind: 'memory-full' }) };

export const GENERIC: ModemFamily = {
  name: 'generic',
  matches: /.*/,
  iccid: GENERIC_ICCID,
  radioOn: ['AT+CFUN=1'],
  urcs: HUAWEI_URCS,
};

/** Families the session knows; the first that matches wins, GENERIC otherwise. */
export const FAMILIES: readonly ModemFamily[] = [
  {
    name: 'huawei',
    matches: /huawei/i,
    // ^ICCID? prints the EF_ICCID nibble-swapped form (ModemManager plugins/huawei, mm-broadband-modem-huawei.c).
    iccid: [{ command: 'AT^ICCID?', prefix: '^ICCID:', nibbleSwapped: true }, ...GENERIC_ICCID],
    radioOn: ['AT+CFUN=1'],
    // ^RSSI: signal (plugins/huawei rssi_regex); ^SMMEMFULL: the receiving memory is full.
    urcs: HUAWEI_URCS,
    emptyCountLags: true,
  },
  {
    name: 'zte',
    matches: /zte/i,
    iccid: GENERIC_ICCID,
    // ZTE sticks start offline and go online with AT+ZOPRT=5 (gammu atgen.c F_ZTE_INIT for MF190/MF626; oFono plugins/zte.c).
    radioOn: ['AT+ZOPRT=5', 'AT+CFUN=1'],
    urcs: HUAWEI_URCS,
  },
  {
    name: 'quectel',
    matches: /quectel/i,
    iccid: [{ command: 'AT+QCCID', prefix: '+QCCID:' }, ...GENERIC_ICCID],
    radioOn: ['AT+CFUN=1'],
    // Quectel says its SMS service is up as `+QIND: SMS DONE` (tests/fixtures/at/quectel-ec20-boot.txt).
    urcs: { ...HUAWEI_URCS, '+QIND': (text) => (/SMS DONE/i.test(text) ? { kind: 'sms-ready' } : null) },
  },
  {
    name: 'simcom',
    matches: /simcom|sim\d{3,4}|a76\d\d/i,
    iccid: [{ command: 'AT+CICCID', prefix: '+ICCID:' }, ...GENERIC_ICCID],
    radioOn: ['AT+CFUN=1'],
    urcs: HUAWEI_URCS,
    restartsSilently: true,
  },
];

export function familyOf(manufacturer: string | undefined, model: string | undefined): ModemFamily {
  const text = `${manufacturer ?? ''} ${model ?? ''}`;
  return FAMILIES.find((f) => f.matches.test(text)) ?? GENERIC;
}
