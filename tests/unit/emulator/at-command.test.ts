import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src-main/emulator/at-command';

describe('parseCommandLine', () => {
  it.each([
    ['AT', []],
    ['at', []],
    ['ATE0', [{ name: 'E', op: 'set', args: [{ text: '0', quoted: false }] }]],
    ['ATZ', [{ name: 'Z', op: 'exec', args: [] }]],
    ['AT&F', [{ name: '&F', op: 'exec', args: [] }]],
    ['ATE0V1', [
      { name: 'E', op: 'set', args: [{ text: '0', quoted: false }] },
      { name: 'V', op: 'set', args: [{ text: '1', quoted: false }] },
    ]],
    ['AT+CMGF?', [{ name: '+CMGF', op: 'read', args: [] }]],
    ['AT+CNMI=?', [{ name: '+CNMI', op: 'test', args: [] }]],
    ['AT+CGMI', [{ name: '+CGMI', op: 'exec', args: [] }]],
    ['AT^ICCID?', [{ name: '^ICCID', op: 'read', args: [] }]],
    ['at+cpms="SM","me"', [{ name: '+CPMS', op: 'set', args: [{ text: 'SM', quoted: true }, { text: 'me', quoted: true }] }]],
    ['AT+CMGD=1,,4', [{ name: '+CMGD', op: 'set', args: [
      { text: '1', quoted: false }, { text: '', quoted: false }, { text: '4', quoted: false },
    ] }]],
    ['AT+CMEE=1;+CMGF=0', [
      { name: '+CMEE', op: 'set', args: [{ text: '1', quoted: false }] },
      { name: '+CMGF', op: 'set', args: [{ text: '0', quoted: false }] },
    ]],
    ['AT+CSCA="+86;1\\2C"', [{ name: '+CSCA', op: 'set', args: [{ text: '+86;1,', quoted: true }] }]],
    ['AT+CMGF = 1 2', [{ name: '+CMGF', op: 'set', args: [{ text: '12', quoted: false }] }]],
    ['ATS0=2', [{ name: 'S0', op: 'set', args: [{ text: '2', quoted: false }] }]],
    ['ATD10086;', [{ name: 'D', op: 'set', args: [{ text: '10086;', quoted: false }] }]],
  ])('%s', (line, expected) => {
    expect(parseCommandLine(line)).toEqual(expected);
  });

  it.each(['AT+CPMS="SM', 'AT+', 'AT&', 'ATS=1', 'AT!'])('rejects %s', (line) => {
    expect(parseCommandLine(line)).toBeNull();
  });
});
