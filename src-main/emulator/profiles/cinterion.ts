import type { DeviceProfile } from './types';

export const CINTERION_EHS5: DeviceProfile = {
  name: 'cinterion-ehs5',
  family: 'Cinterion',
  models: 'EHS5, PLS8 (Gemalto/Thales)',
  identity: { manufacturer: 'Cinterion', model: 'EHS5-E', revision: 'REVISION 03.001', imei: '351234010086004' },
  behaviours: [
    { what: 'AT+CPMS=? offers only ME/MT for reading: ("ME","MT"),("ME","SM","MT"),("SM","MT")', source: 'ModemManager src/tests/test-modem-helpers.c (Cinterion +CPMS=? response)' },
    { what: '^SYSSTART after a (re)start', source: 'ModemManager src/plugins/cinterion/mm-broadband-modem-cinterion.c (sysstart_regex)' },
    { what: '^SCKS: <n> SIM holder status said on its own (also inside a listing)', source: 'ModemManager src/plugins/cinterion/mm-broadband-modem-cinterion.c (scks_regex "\\^SCKS:\\s*([0-3])")' },
    { what: 'vendor string "cinterion"', source: 'ModemManager src/plugins/cinterion/mm-plugin-cinterion.c (vendor_strings)' },
  ],
  quirks: {
    firstIndex: 1,
    cpmsOffered: [
      ['ME', 'MT'],
      ['ME', 'SM', 'MT'],
      ['SM', 'MT'],
    ],
    cpmsDefault: ['MT', 'MT', 'MT'],
    bootUrcs: ['^SYSSTART'],
    listingUrc: '^SCKS: 1',
    unknownCommand: 'cme',
  },
};
