import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTITY } from '../../../src-main/emulator/identity';
import { harness } from './harness';

describe('SMS settings', () => {
  it.each([
    ['AT+CMGF=?', '+CMGF: (0,1)'],
    ['AT+CMGF?', '+CMGF: 0'],
    ['AT+CSCS=?', '+CSCS: ("GSM","IRA","UCS2")'],
    ['AT+CSCS?', '+CSCS: "IRA"'],
    ['AT+CSMS=?', '+CSMS: (0,1)'],
    ['AT+CSMS?', '+CSMS: 0,1,1,1'],
    ['AT+CMMS=?', '+CMMS: (0,1,2)'],
    ['AT+CMMS?', '+CMMS: 0'],
    ['AT+CSDH?', '+CSDH: 0'],
    ['AT+CSMP?', '+CSMP: 17,167,0,0'],
    ['AT+CSCA?', '+CSCA: "+8613800100500",145'],
    ['AT+CNMA=?', '+CNMA: (0-2)'],
  ])('%s → %s', (command, line) => {
    const h = harness();
    h.at('ATE0\r');
    expect(h.at(`${command}\r`)).toBe(`\r\n${line}\r\n\r\nOK\r\n`);
  });

  it.each([
    ['AT+CMGF=2', 'ERROR'],
    ['AT+CSCS="KOI8"', 'ERROR'],
    ['AT+CMMS=3', 'ERROR'],
    ['AT+CSMP=17,300', 'ERROR'],
    ['AT+CSCA="not a number"', '+CMS ERROR: 302'],
  ])('refuses %s', (command, final) => {
    const h = harness();
    h.at('ATE0\r');
    expect(h.at(`${command}\r`)).toBe(`\r\n${final}\r\n`);
  });

  it('a phase 2 only device refuses AT+CSMS=1, stays in service 0 and answers AT+CNMA with 340', () => {
    const h = harness({
      profile: { name: 'phase-2-only', family: 'Test', models: 'T2', identity: DEFAULT_IDENTITY, behaviours: [], quirks: { smsServices: [0] } },
    });
    h.at('ATE0\r');
    expect(h.at('AT+CSMS=?\r')).toBe('\r\n+CSMS: (0)\r\n\r\nOK\r\n');
    expect(h.at('AT+CSMS=1\r')).toBe('\r\n+CMS ERROR: 303\r\n');
    expect(h.at('AT+CSMS=0;+CSMS?\r')).toBe('\r\n+CSMS: 1,1,1\r\n+CSMS: 0,1,1,1\r\n\r\nOK\r\n');
    expect(h.at('AT+CNMA\r')).toBe('\r\n+CMS ERROR: 340\r\n');
  });

  it('changes settings and reads them back', () => {
    const h = harness();
    h.at('ATE0\r');
    expect(h.at('AT+CMMS=2;+CSMP=49,170,0,8;+CSDH=1;+CSCA="+8613800200500",145\r')).toBe('\r\nOK\r\n');
    expect(h.at('AT+CMMS?;+CSMP?;+CSDH?;+CSCA?\r')).toBe(
      '\r\n+CMMS: 2\r\n+CSMP: 49,170,0,8\r\n+CSDH: 1\r\n+CSCA: "+8613800200500",145\r\n\r\nOK\r\n',
    );
    expect(h.emu.sim.smsc).toBe('+8613800200500');
  });

  it('takes and prints the SMSC in UCS2 under AT+CSCS="UCS2"', () => {
    const h = harness();
    h.at('ATE0;+CSCS="UCS2"\r');
    expect(h.at('AT+CSCA="002B0038003600310033003800300030003300300030003500300030"\r')).toBe('\r\nOK\r\n');
    expect(h.emu.sim.smsc).toBe('+8613800300500');
    expect(h.at('AT+CSCA?\r')).toBe('\r\n+CSCA: "002B0038003600310033003800300030003300300030003500300030",145\r\n\r\nOK\r\n');
  });

  it('the SMSC survives a power cycle; settings do not', () => {
    const h = harness();
    h.at('AT+CSCA="+8613800200500";+CMMS=1\r');
    h.emu.unplug();
    h.emu.replug();
    h.drain();
    expect(h.at('ATE0;+CSCA?;+CMMS?\r')).toBe('ATE0;+CSCA?;+CMMS?\r\r\n+CSCA: "+8613800200500",145\r\n+CMMS: 0\r\n\r\nOK\r\n');
  });
});
