import type { DeviceProfile } from './types';

export const SIERRA_MC7304: DeviceProfile = {
  name: 'sierra-mc7304',
  family: 'Sierra Wireless',
  models: 'MC7304, AirCard 312U',
  identity: { manufacturer: 'Sierra Wireless, Incorporated', model: 'MC7304', revision: 'SWI9X15C_05.05.58.00', imei: '359225010086005' },
  behaviours: [
    { what: '+PACSP0 said on its own (also inside a listing)', source: 'ModemManager src/plugins/sierra/mm-common-sierra.c (pacsp_regex "\\r\\n\\+PACSP.*\\r\\n")' },
    { what: 'registration read as roaming (+CREG: 2,5,…)', source: 'gammu tests/at-creg/sierra312u.dump' },
  ],
  quirks: {
    firstIndex: 0,
    bootUrcs: ['+PACSP0'],
    listingUrc: '+PACSP0',
    registeredStat: 5,
  },
};
