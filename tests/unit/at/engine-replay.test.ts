import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Urc } from '../../../src-shared/at/urc';
import { PDU } from './pdus';
import { drive, type Command, type Outcome } from './replay';
import { cyclicChunks, singleBytes, wholeSteps } from './scripted-link';

const OK = { kind: 'ok' } as const;
const ok = (...lines: string[]): Outcome => ({ lines, final: OK });
const vendor = (text: string): Urc => ({ kind: 'vendor', name: text.slice(0, text.indexOf(':')), text });
const SEND_YE = { payload: PDU.submitYe, timeoutMs: 60_000 };

interface Scenario {
  fixture: string;
  commands: Command[];
  outcomes: Outcome[];
  urcs: Urc[];
  /** Issue every command at once instead of one after another. */
  queued?: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    fixture: 'huawei-e173-probe',
    commands: [['AT'], ['ATE0'], ['AT+CMEE=1'], ['AT+CGMI'], ['AT+CGMM'], ['AT+CGSN'], ['AT+CIMI'], ['AT+CCID'], ['AT^ICCID?']],
    outcomes: [
      ok(),
      ok(),
      ok(),
      ok('huawei'),
      ok('E173'),
      ok('867123456789012'),
      ok('460001234567890'),
      { error: 'at.error', details: { command: 'AT+CCID' } },
      ok('^ICCID: 98680012345678901234'),
    ],
    urcs: [vendor('^BOOT:20952911,0,0,0,75'), vendor('^RSSI:17'), vendor('^MODE:5,4'), vendor('^SRVST:2')],
  },
  {
    fixture: 'quectel-ec20-boot',
    commands: [['AT'], ['ATE0'], ['AT+CMEE=1'], ['AT+CGMI'], ['AT+CGMM'], ['AT+CGSN'], ['AT+CIMI'], ['AT+QCCID'], ['AT+CPIN?'], ['AT+CREG?']],
    outcomes: [
      ok(),
      ok(),
      ok(),
      ok('Quectel'),
      ok('EC20F'),
      ok('866123456789012'),
      ok('460021234567890'),
      ok('+QCCID: 89860012345678901234'),
      ok('+CPIN: READY'),
      ok('+CREG: 0,1'),
    ],
    urcs: [
      { kind: 'ready', what: 'modem' },
      { kind: 'cpin', state: 'READY' },
      vendor('+QUSIM: 1'),
      vendor('+QIND: SMS DONE'),
      vendor('+QIND: PB DONE'),
      { kind: 'creg', domain: 'cs', stat: 1, lac: '2540', ci: '0F5A' },
    ],
  },
  {
    fixture: 'sim800-echo-on',
    commands: [['AT+CMGF=0'], ['AT+CMGL=4'], ['AT+CMGS=13', SEND_YE]],
    outcomes: [ok(), ok('+CMGL: 1,1,,32', PDU.balance), ok('+CMGS: 7')],
    urcs: [
      { kind: 'ready', what: 'modem' },
      { kind: 'notice', name: '+CFUN', text: '+CFUN: 1' },
      { kind: 'cpin', state: 'READY' },
      { kind: 'ready', what: 'call' },
      { kind: 'ready', what: 'sms' },
    ],
  },
  {
    fixture: 'cmgl-interleaved-urcs',
    commands: [['AT+CMGL=4']],
    outcomes: [ok('+CMGL: 0,1,,32', PDU.balance, '+CMGL: 1,0,,46', PDU.bill, '+CMGL: 2,0,,36', PDU.gprs)],
    urcs: [vendor('^RSSI:21'), { kind: 'cmti', storage: 'SM', index: 2 }, vendor('^RSSI:22')],
  },
  {
    fixture: 'cmgs-success',
    commands: [['AT+CMGS=13', SEND_YE]],
    outcomes: [ok('+CMGS: 42')],
    urcs: [],
  },
  {
    fixture: 'cmgs-cms-errors',
    commands: [['AT+CMGS=13', SEND_YE], ['AT+CMGS=200', SEND_YE], ['AT+CMGS=13', SEND_YE]],
    outcomes: [
      // mend53: whether the body went before the error (330 after it; 304 instead of the prompt).
      { error: 'at.cms', details: { command: 'AT+CMGS=13', cms: 330, bodySent: true } },
      { error: 'at.cms', details: { command: 'AT+CMGS=200', cms: 304, bodySent: false } },
      { error: 'at.error', details: { command: 'AT+CMGS=13' } },
    ],
    urcs: [],
  },
  {
    fixture: 'cme-errors',
    commands: [['AT+CMEE=2'], ['AT+CMGL=4'], ['AT+CPIN="1234"'], ['AT+CPIN="4321"'], ['AT+CMEE=1'], ['AT+CIMI'], ['AT+CPMS?']],
    outcomes: [
      ok(),
      { error: 'at.cme', details: { command: 'AT+CMGL=4', cme: 11, verbose: 'SIM PIN required' } },
      { error: 'at.cme', details: { command: 'AT+CPIN="****"', cme: 16, verbose: 'incorrect password' } },
      ok(),
      ok(),
      { error: 'at.cme', details: { command: 'AT+CIMI', cme: 10 } },
      { error: 'at.cme', details: { command: 'AT+CPMS?', verbose: 'SIM busy now' } },
    ],
    urcs: [{ kind: 'cpin', state: 'NOT INSERTED' }],
  },
  {
    fixture: 'cmt-mid-response',
    commands: [['AT+CPMS?'], ['AT']],
    outcomes: [ok('+CPMS: "SM",3,50,"SM",3,50,"SM",3,50'), ok()],
    urcs: [
      { kind: 'cmt', length: 36, pduLine: PDU.gprs },
      vendor('+ZPASR: "UMTS"'),
      { kind: 'cds', length: 22, pduLine: PDU.report },
    ],
  },
  {
    fixture: 'garbage-between-lines',
    commands: [['AT'], ['AT+CMGR=4']],
    outcomes: [ok(), ok('+CMGR: 0,,32', PDU.balance)],
    urcs: [{ kind: 'cmti', storage: 'SM', index: 4 }],
  },
  {
    fixture: 'no-carrier-during-command',
    commands: [['AT+CMGL=4']],
    outcomes: [ok('+CMGL: 1,1,,32', PDU.balance)],
    urcs: [{ kind: 'ring' }, { kind: 'clip', number: '13800138000', numberType: 129 }, { kind: 'no-carrier' }],
  },
  {
    fixture: 'gammu-at-sms-04-trailing-quote',
    commands: [['AT+CMGR=5', { unsolicitedByShape: true }]],
    outcomes: [ok('+CMGR: 1,,156', '07914487200030230406D04F59040000601191806243009F4F990E947DD741EEF71D840EDBCBA0FCBB2E0751CB783A28E8CED3D3ED3268068381AA4B10BD8CA7CF412650AC2904BDCD2072981E06D1DFA0FABC0CA2A3D373509B8E7681A4E576B92D2ECB41F43788FE86B7EA7010280603BDE5A0F65B5E0689CBE6B7BC0C8ADD6232980D447F83CE653A28FFAECB416679B90C0AB3D9EF7BD83D2E83DC653C1DD4A6A301"')],
    urcs: [],
  },
  {
    fixture: 'simcom-sim7670g-bare-prompt',
    commands: [['AT+CMGS=13', { payload: '00110005810180F60000AA02D922' }]],
    outcomes: [ok('+CMGS: 7')],
    urcs: [],
  },
  {
    fixture: 'cmgl-urc-before-pdu',
    commands: [['AT+CMGL=4', { unsolicitedByShape: true }]],
    outcomes: [ok('+CMGL: 1,1,,32', PDU.balance, '+CMGL: 2,1,,32', PDU.balance)],
    urcs: [
      { kind: 'notice', name: '+CSQ', text: '+CSQ: 23,99' },
      { kind: 'vendor', name: '#QSS', text: '#QSS: 1' },
      { kind: 'notice', name: '+PACSP', text: '+PACSP0' },
      { kind: 'notice', name: 'POWERED DOWN', text: 'POWERED DOWN' },
    ],
  },
  {
    fixture: 'queued-commands',
    queued: true,
    commands: [['AT+CSQ'], ['AT+CPMS="SM","SM","SM"'], ['AT+CMGD=3']],
    outcomes: [ok('+CSQ: 21,99'), ok('+CPMS: 3,50,3,50,3,50'), { error: 'at.error', details: { command: 'AT+CMGD=3' } }],
    urcs: [],
  },
  {
    fixture: 'closed-mid-command',
    queued: true,
    commands: [['AT+CMGL=4'], ['AT+CMGD=1']],
    outcomes: [
      { error: 'at.closed', details: { command: 'AT+CMGL=4' } },
      { error: 'at.closed', details: { command: 'AT+CMGD=1' } },
    ],
    urcs: [],
  },
];

describe.each(SCENARIOS)('replay $fixture', (scenario) => {
  async function check(chunker: Parameters<typeof drive>[1]): Promise<void> {
    const result = await drive(scenario.fixture, chunker, scenario.commands, scenario.queued);
    expect(result.failure).toBeNull();
    expect(result.unconsumed).toBe('');
    expect(result.outcomes).toEqual(scenario.outcomes);
    expect(result.urcs).toEqual(scenario.urcs);
  }

  it('with one chunk per transcript step', () => check(wholeSteps));

  it('byte by byte', () => check(singleBytes));

  it('with random chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }), (sizes) =>
        check(cyclicChunks(sizes)),
      ),
      { numRuns: 25 },
    );
  });
});
