import type { DeviceProfile } from './types';

export const TELIT_LE910: DeviceProfile = {
  name: 'telit-le910',
  family: 'Telit',
  models: 'LE910, HE910',
  identity: { manufacturer: 'Telit', model: 'LE910C1-EU', revision: '25.21.660', imei: '357001010086006' },
  behaviours: [
    { what: '#QSS: <status> SIM status said on its own (also inside a listing)', source: 'ModemManager src/plugins/telit/mm-broadband-modem-telit.c ("#QSS:\\s*([0-3])") and tests/test-mm-modem-helpers-telit.c' },
    { what: '+CREG answered with cell and access technology', source: 'gammu tests/at-creg/telit.dump (+CREG: 0,1,"5E25","605F",2)' },
    { what: 'vendor string "telit"', source: 'ModemManager src/plugins/telit/mm-plugin-telit.c (vendor_strings)' },
  ],
  quirks: {
    firstIndex: 1,
    bootUrcs: ['#QSS: 1'],
    listingUrc: '#QSS: 3',
  },
};
