import { describe, expect, it } from 'vitest';
import type { FleetSim } from '../../../src-shared/api/contract';
import { labelsCsv, prepare, visibleRows } from '../../../src-renderer/views/overview/fleet-rows';

const sim = (simId: string, balance: number | null, data: number | null, extra: Partial<FleetSim> = {}): FleetSim => ({
  simId,
  host: null,
  label: null,
  modemId: null,
  balance,
  balanceCurrency: null,
  generalDataLeftMb: data,
  dataLeftByPoolMb: {},
  minutesLeft: null,
  minutesLeftByPool: {},
  points: null,
  asOf: { balance: balance === null ? null : 1, data: data === null ? null : 1, minutes: null, points: null },
  lastUpdate: balance === null && data === null ? null : 1,
  zoneMin: null,
  lastSuccessAt: null,
  sendFailures: 0,
  sendFailuresSeen: 0,
  modemState: null,
  registration: null,
  signal: null,
  ...extra,
});

const SIMS = [sim('a', 50, 5000), sim('b', 3, 9000), sim('c', 80, 100), sim('d', null, null), sim('e', 20, 200, { host: 'desk2', label: { simId: 'e', name: '二号台', owner: '李雷', phone: '' } })];
const labels = new Map([['a', { simId: 'a', name: '前台', owner: '王芳', phone: '13800138000' }]]);
const OFF = { balanceYuan: null, dataMb: null };
const ids = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => r.sim.simId);

describe('fleet table rows', () => {
  it('puts SIMs under a threshold first, then the lowest balance', () => {
    const rows = prepare(SIMS, labels);
    expect(ids(visibleRows(rows, '', 'all', 'attention', { balanceYuan: 10, dataMb: 500 }))).toEqual(['b', 'e', 'c', 'a', 'd']);
    expect(ids(visibleRows(rows, '', 'all', 'attention', OFF))).toEqual(['b', 'e', 'a', 'c', 'd']);
    expect(ids(visibleRows(rows, '', 'low', 'attention', { balanceYuan: 10, dataMb: 500 }))).toEqual(['b', 'e', 'c']);
    expect(ids(visibleRows(rows, '', 'low', 'attention', OFF))).toEqual([]);
  });

  it('never compares a balance in HK$ or £ with the threshold in yuan', () => {
    const hk = prepare([sim('hk', 3, 9000, { balanceCurrency: 'HK$' }), sim('cn', 3, 9000)], labels);
    expect(ids(visibleRows(hk, '', 'low', 'attention', { balanceYuan: 10, dataMb: null }))).toEqual(['cn']);
  });

  it('searches names, owners, phones and hosts, every word', () => {
    const rows = prepare(SIMS, labels);
    expect(ids(visibleRows(rows, '王芳', 'all', 'name', OFF))).toEqual(['a']);
    expect(ids(visibleRows(rows, '138001', 'all', 'name', OFF))).toEqual(['a']);
    expect(ids(visibleRows(rows, 'DESK2 李雷', 'all', 'name', OFF))).toEqual(['e']);
    expect(ids(visibleRows(rows, 'desk2 王芳', 'all', 'name', OFF))).toEqual([]);
    expect(ids(visibleRows(rows, '', 'no-figures', 'name', OFF))).toEqual(['d']);
  });

  it('sorts by data left with unknown figures last', () => {
    expect(ids(visibleRows(prepare(SIMS, labels), '', 'all', 'data', OFF))).toEqual(['c', 'e', 'a', 'b', 'd']);
  });

  it('exports labels as CSV a spreadsheet will not run as formulas', () => {
    expect(labelsCsv([{ simId: '8986', name: '=HYPERLINK("x")', owner: 'Li, Lei', phone: '+8613800138000' }])).toBe(
      '"simId","name","owner","phone"\r\n"8986","\'=HYPERLINK(""x"")","Li, Lei","\'+8613800138000"\r\n',
    );
  });
});
