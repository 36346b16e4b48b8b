import type { DeviceProfile } from './types';

export const UBLOX_SARA: DeviceProfile = {
  name: 'ublox-sara',
  family: 'u-blox',
  models: 'SARA-U201, TOBY-L2',
  identity: { manufacturer: 'u-blox', model: 'SARA-U201', revision: '23.60', imei: '352753010086008' },
  behaviours: [
    { what: '+PBREADY when the phonebook is ready (also inside a listing)', source: 'ModemManager src/plugins/ublox/mm-broadband-modem-ublox.c (pbready_regex "\\r\\n\\+PBREADY\\r\\n")' },
    { what: 'vendor string "u-blox"', source: 'ModemManager src/plugins/ublox/mm-plugin-ublox.c (vendor_strings)' },
  ],
  quirks: {
    firstIndex: 1,
    bootUrcs: ['+PBREADY'],
    listingUrc: '+PBREADY',
  },
};
