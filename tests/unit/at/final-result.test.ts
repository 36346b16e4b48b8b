import { describe, expect, it } from 'vitest';
import { parseFinalResult, type FinalResult } from '../../../src-shared/at/final-result';

describe('parseFinalResult', () => {
  it.each<[string, FinalResult | null]>([
    ['OK', { kind: 'ok' }],
    ['ERROR', { kind: 'error' }],
    ['NO CARRIER', { kind: 'no-carrier' }],
    ['COMMAND NOT SUPPORT', { kind: 'error' }],
    ['TOO MANY PARAMETERS', { kind: 'error' }],
    ['+CMS ERROR: 330', { kind: 'cms', code: 330 }],
    ['+CMS ERROR:500', { kind: 'cms', code: 500 }],
    ['+CME ERROR: 10', { kind: 'cme', code: 10 }],
    ['+CME ERROR: 0', { kind: 'cme', code: 0 }],
    ['+CME ERROR: SIM PIN required', { kind: 'text-error', text: 'SIM PIN required', family: 'cme' }],
    ['+CMS ERROR: SMSC address unknown', { kind: 'text-error', text: 'SMSC address unknown', family: 'cms' }],
    ['+CME ERROR: -1', { kind: 'text-error', text: '-1', family: 'cme' }],
    ['OK then more', null],
    ['+CMGS: 42', null],
    ['0891683108100005F0', null],
    ['huawei', null],
    ['', null],
  ])('%j', (input, expected) => {
    expect(parseFinalResult(input)).toEqual(expected);
  });
});
