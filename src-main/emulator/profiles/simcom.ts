import type { DeviceProfile } from './types';

export const SIMCOM_SIM800: DeviceProfile = {
  name: 'simcom-sim800',
  family: 'SIMCom',
  models: 'SIM800, SIM800L',
  identity: { manufacturer: 'SIMCOM_Ltd', model: 'SIMCOM_SIM800L', revision: 'Revision:1418B04SIM800L24', imei: '865067010086001' },
  behaviours: [
    { what: 'boot banners RDY, +CPIN: READY, Call Ready, SMS Ready', source: 'Seeed-Studio/GPRS_SIM900 issue #39 (SIM800L); tests/fixtures/at/sim800-echo-on.txt' },
    { what: 'SMS commands answer ERROR until "SMS Ready"', source: 'Seeed-Studio/GPRS_SIM900 issue #39 ("AT+CMGF=1 always returns an ERROR … works only after … SMS Ready")' },
    { what: 'message slots numbered from 1', source: 'tests/fixtures/at/sim800-echo-on.txt (+CMGL: 1,…)' },
  ],
  quirks: {
    firstIndex: 1,
    bootUrcs: ['RDY', '+CFUN: 1', '+CPIN: READY', 'Call Ready'],
    smsReadyAfterMs: 1_200,
    smsNotReady: 'error',
    smsReadyUrc: 'SMS Ready',
  },
};

export const SIMCOM_SIM7600: DeviceProfile = {
  name: 'simcom-sim7600',
  family: 'SIMCom',
  models: 'SIM7600, SIM7670G, A7670',
  identity: { manufacturer: 'SIMCOM INCORPORATED', model: 'A7670E-LNXY-UBL', revision: '23110B01A7670M4A_CUS_UBIA_91530228', imei: '862771010086002' },
  behaviours: [
    { what: 'SMS prompt "\\r\\n>\\r\\n" without the trailing space', source: 'gammu issue #1176 and PR #1177 (SIM7670G raw bytes "0d 0d 0a 3e 0d 0a")' },
    { what: 'boot: *ATREADY: 1, +CPIN: READY, then SMS DONE; AT+CMGF answers ERROR before SMS DONE', source: 'Xinyuan-LilyGO/LilyGo-Modem-Series issue #247 (A7670E); espressif/esp-protocols issue #789 (SIM7600: RDY, +CPIN: READY, SMS DONE)' },
    { what: 'PB DONE and SMS DONE arrive unsolicited', source: 'ModemManager src/plugins/simtech/mm-broadband-modem-simtech.c ("Ignore PB DONE and SMS DONE")' },
    { what: 'registered on LTE only: +CEREG: 0,1 while +CREG reports no circuit-switched registration', source: 'gammu issue #1176 (SIM7670G on LTE, "+CEREG: 0,1"); LilyGo-Modem-Series issue #247 (+CREG: 0,11)' },
    { what: 'signal reports (+CSQ: <rssi>,<ber>) sent unsolicited, also inside a listing', source: 'LilyGo-Modem-Series issue #340 (AT&V lists +AUTOCSQ); issue 13' },
    { what: 'model and revision strings', source: 'LilyGo-Modem-Series issue #247 (AT+SIMCOMATI)' },
  ],
  quirks: {
    firstIndex: 0,
    prompt: '\r\n>\r\n',
    bootUrcs: ['*ATREADY: 1', '+CPIN: READY'],
    smsReadyAfterMs: 1_200,
    smsNotReady: 'error',
    smsReadyUrc: 'SMS DONE',
    csRegistration: false,
    listingUrc: '+CSQ: 23,99',
  },
};
