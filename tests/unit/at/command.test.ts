import { describe, expect, it } from 'vitest';
import { isCallCommand, redactCommand, responsePrefix } from '../../../src-shared/at/command';

describe('redactCommand', () => {
  it.each<[string, string]>([
    ['AT+CPIN="1234"', 'AT+CPIN="****"'],
    ['AT+CPIN=1234', 'AT+CPIN=****'],
    ['at+cpin="12345678","0000"', 'at+cpin="****","****"'],
    ['AT^CPIN="12345678","1234"', 'AT^CPIN="****","****"'],
    ['AT+CPIN2="5678"', 'AT+CPIN2="****"'],
    ['AT+CPWD="SC","1234","5678"', 'AT+CPWD="SC","****","****"'],
    ['AT+CLCK="SC",0,"1234"', 'AT+CLCK="SC",0,"****"'],
    ['AT+CLCK="SC",2', 'AT+CLCK="SC",2'],
    ['AT+CMEE=1;+CPIN="1234"', 'AT+CMEE=1;+CPIN="****"'],
    ['AT+CPIN?', 'AT+CPIN?'],
    ['AT+CPIN=?', 'AT+CPIN=?'],
    ['AT+CSCA="+8613800100500"', 'AT+CSCA="+8613800100500"'],
    ['AT+CMGS=13', 'AT+CMGS=13'],
    // review49 F3 (mend66): a space before or after `=`, or after `;`, which V.250 lets a modem ignore.
    ['AT+CPIN ="1234"', 'AT+CPIN ="****"'],
    ['AT+CPIN= "1234"', 'AT+CPIN="****"'],
    ['AT+CPIN = "1234","5678"', 'AT+CPIN ="****","****"'],
    ['AT+CPIN="12345678","1234"', 'AT+CPIN="****","****"'],
    ['AT+CLCK ="SC",1,"1234"', 'AT+CLCK ="SC",1,"****"'],
    ['AT+CLCK="SC", 0, 1234', 'AT+CLCK="SC",0,****'],
    ['AT+CPWD ="SC","1234","5678"', 'AT+CPWD ="SC","****","****"'],
    ['AT+CPWD="P2", "1234", "5678"', 'AT+CPWD="P2","****","****"'],
    ['AT+CMEE=1; +CPIN="1234"', 'AT+CMEE=1; +CPIN="****"'],
    ['AT +CPIN="1234"', 'AT +CPIN="****"'],
  ])('%s → %s', (command, expected) => {
    expect(redactCommand(command)).toBe(expected);
  });
});

describe('responsePrefix', () => {
  it.each<[string, string | null]>([
    ['AT+CMGL=4', '+CMGL:'],
    ['AT+CREG?', '+CREG:'],
    ['at+cpin?', '+CPIN:'],
    ['AT^ICCID?', '^ICCID:'],
    ['AT+CMGS=13', '+CMGS:'],
    ['ATI', null],
    ['AT', null],
    ['ATE0', null],
  ])('%s → %s', (command, expected) => {
    expect(responsePrefix(command)).toBe(expected);
  });
});

describe('isCallCommand', () => {
  it.each<[string, boolean]>([
    ['ATD10086;', true],
    ['ATA', true],
    ['ATO', true],
    ['AT+CMGS=13', false],
    ['ATE0', false],
    ['AT', false],
  ])('%s → %s', (command, expected) => {
    expect(isCallCommand(command)).toBe(expected);
  });
});
