import type { DeviceProfile } from './types';

/** Huawei USB sticks in modem (stick) mode, not HiLink. */
export const HUAWEI_E173: DeviceProfile = {
  name: 'huawei-e173',
  family: 'Huawei',
  models: 'E173, E3372 (stick mode)',
  identity: { manufacturer: 'huawei', model: 'E173', revision: '11.126.85.00.209', imei: '867123456789012' },
  behaviours: [
    { what: 'identity as in our transcript tests/fixtures/at/huawei-e173-probe.txt', source: 'tests/fixtures/at/huawei-e173-probe.txt (written from the Huawei AT manual)' },
    { what: 'AT+CPMS=? offers SM and ME only, no MT', source: 'gammu tests/at-cpms/brovi-e3372-325.dump' },
    { what: 'message slots numbered from 0', source: 'gammu libgammu/gsmphones.c (E173, E1752, E3372: F_SMS_LOCATION_0)' },
    { what: 'knows AT^CURC=0 and AT^PORTSEL=1, which gammu sends to an E173/E3372 at start', source: 'gammu libgammu/phone/at/atgen.c (F_HUAWEI_INIT) and libgammu/gsmphones.c (E173, E3372)' },
    { what: 'unsolicited ^RSSI, ^MODE, ^DSFLOWRPT at any time, also inside a listing or between a +CMT/+CDS header and its PDU', source: 'ModemManager src/plugins/huawei/mm-broadband-modem-huawei.c (rssi_regex, mode_regex, dsflowrpt_regex)' },
  ],
  quirks: {
    firstIndex: 0,
    vendorCommands: ['^CURC', '^PORTSEL'],
    cpmsOffered: [
      ['SM', 'ME'],
      ['SM', 'ME'],
      ['SM', 'ME'],
    ],
    bootUrcs: ['^RSSI:17', '^MODE:5,4'],
    listingUrc: '^RSSI:17',
    deliveryUrc: '^RSSI:17',
  },
};
