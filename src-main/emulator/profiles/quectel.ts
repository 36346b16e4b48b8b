import type { DeviceProfile } from './types';

export const QUECTEL_EC25: DeviceProfile = {
  name: 'quectel-ec25',
  family: 'Quectel',
  models: 'EC25, EG25',
  identity: { manufacturer: 'Quectel', model: 'EC25', revision: 'EC25EFAR06A10M4G', imei: '866123010086003' },
  behaviours: [
    { what: 'status reports stored in the separate "SR" memory but announced as +CDSI: "SM",n; AT+CMGR on SM then answers a bare OK', source: 'IchthysMaranatha/asterisk-chan-quectel PR #75 (EC25-E trace, firmware EC25EFAR06A10M4G)' },
    { what: 'boot: RDY, +CPIN: READY, +QUSIM: 1, +QIND: SMS DONE, +QIND: PB DONE', source: 'tests/fixtures/at/quectel-ec20-boot.txt (written from the Quectel AT manual)' },
    { what: 'POWERED DOWN said on its own', source: 'ModemManager src/plugins/quectel/mm-broadband-modem-quectel.c (powered_down_regex)' },
    { what: 'messages kept in ME by default', source: 'issue 13 (project survey); not found in a public transcript' },
  ],
  quirks: {
    firstIndex: 0,
    capacity: { SM: 50, ME: 255, SR: 20 },
    cpmsOffered: [
      ['SM', 'ME', 'MT', 'SR'],
      ['SM', 'ME', 'MT'],
      ['SM', 'ME', 'MT'],
    ],
    cpmsDefault: ['ME', 'ME', 'ME'],
    reportStore: 'SR',
    reportAnnouncedAs: 'SM',
    bootUrcs: ['RDY', '+CPIN: READY', '+QUSIM: 1', '+QIND: SMS DONE', '+QIND: PB DONE'],
    listingUrc: 'POWERED DOWN',
  },
};
