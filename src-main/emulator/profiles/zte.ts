import type { DeviceProfile } from './types';

export const ZTE_MF190: DeviceProfile = {
  name: 'zte-mf190',
  family: 'ZTE',
  models: 'MF190, MF626',
  identity: { manufacturer: 'ZTE CORPORATION', model: 'MF190', revision: 'BD_MF190V1.0.0B05', imei: '861234010086007' },
  behaviours: [
    { what: 'starts with the radio off (+CFUN: 4); AT+ZOPRT=5 puts it online', source: 'gammu libgammu/gsmphones.c (MF190, MF626: F_ZTE_INIT) and libgammu/phone/at/atgen.c (F_ZTE_INIT sends "AT+ZOPRT=5", "Stay online"); oFono plugins/zte.c (zte_set_online: "AT+ZOPRT=5" / "AT+ZOPRT=6"); ModemManager src/plugins/zte/mm-broadband-modem-zte.c (power down with +CFUN=4)' },
    { what: 'SIM busy for a while after unlock: SMS commands answer +CME ERROR: 14 until it settles', source: 'ModemManager src/plugins/zte/mm-broadband-modem-zte.c (modem_after_sim_unlock retries +CPMS? "waiting for SIM not being busy")' },
    { what: 'knows AT+ZCDRUN=8 (CD-ROM mode off), which gammu sends to an MF190/MF626 at start', source: 'gammu libgammu/phone/at/atgen.c (F_ZTE_INIT)' },
    { what: 'floods of +ZUSIMR:2 unsolicited lines', source: 'ModemManager src/plugins/zte/mm-broadband-modem-zte.c ("floods of +ZUSIMR:2 unsolicited responses")' },
    { what: 'messages kept in ME (phone memory) by default', source: 'issue 13 (project survey); not found in a public transcript' },
  ],
  quirks: {
    firstIndex: 0,
    radioAtBoot: 4,
    vendorCommands: ['+ZOPRT', '+ZCDRUN'],
    smsReadyAfterMs: 1_200,
    smsNotReady: 'sim-busy',
    cpmsDefault: ['ME', 'ME', 'ME'],
    bootUrcs: ['+ZUSIMR:2'],
    listingUrc: '+ZUSIMR:2',
  },
};
