import { beijingTime } from '../../src-shared/wall-clock';
import type { FigurePoint } from '../store/figure-history';
import type { AlertThresholds } from './thresholds';

/** A SIM's latest balance and data left, as the alerts compare them. */
export interface LatestFigures {
  simId: string;
  balance?: FigurePoint;
  data?: FigurePoint;
  /** The newest pushed notice that data is suspended (已达…暂停数据流量), if any. */
  suspended?: FigurePoint;
}

export interface Alert {
  simId: string;
  /** suspended: 10086 said data is off until next month (value and threshold are 0). */
  kind: 'balance' | 'data' | 'suspended';
  /** Yuan for balance, MB for data. */
  value: number;
  threshold: number;
  /** The reply the value came from: an alert is announced once per reply. */
  messageId: string;
  at: number;
  /** The instruction that helps: a balance reminder (KTYETX), or checking the data packages (CXYEG). */
  instruction: 'KTYETX' | 'CXYEG';
}

/**
 * Every SIM figure below its threshold, balance before data, SIMs in the order given; and data
 * suspended by a pushed notice of this (Beijing) month, whatever the thresholds.
 */
export function alertsFor(sims: readonly LatestFigures[], thresholds: AlertThresholds, now = Date.now()): Alert[] {
  const alerts: Alert[] = [];
  const month = (at: number) => {
    const d = beijingTime(at);
    return d.year * 12 + d.month;
  };
  for (const sim of sims) {
    const s = sim.suspended;
    if (s && month(s.at) === month(now)) {
      alerts.push({ simId: sim.simId, kind: 'suspended', value: 0, threshold: 0, messageId: s.messageId, at: s.at, instruction: 'CXYEG' });
    }
    const checks = [
      { kind: 'balance', point: sim.balance, threshold: thresholds.balanceYuan, instruction: 'KTYETX' },
      { kind: 'data', point: sim.data, threshold: thresholds.dataMb, instruction: 'CXYEG' },
    ] as const;
    for (const { kind, point, threshold, instruction } of checks) {
      if (!point || threshold === null || point.value >= threshold) continue;
      // The balance threshold is in yuan; a balance in HK$ or £ is never converted, so never compared with it.
      if (kind === 'balance' && point.currency !== null) continue;
      alerts.push({ simId: sim.simId, kind, value: point.value, threshold, messageId: point.messageId, at: point.at, instruction });
    }
  }
  return alerts;
}
