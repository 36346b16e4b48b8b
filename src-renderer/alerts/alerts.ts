import type { FigurePoint } from '../store/figure-history';
import type { AlertThresholds } from './thresholds';

/** A SIM's latest balance and data left, as the alerts compare them. */
export interface LatestFigures {
  simId: string;
  balance?: FigurePoint;
  data?: FigurePoint;
}

export interface Alert {
  simId: string;
  kind: 'balance' | 'data';
  /** Yuan for balance, MB for data. */
  value: number;
  threshold: number;
  /** The reply the value came from: an alert is announced once per reply. */
  messageId: string;
  at: number;
  /** The instruction that helps: a balance reminder (KTYETX), or checking the data packages (CXYEG). */
  instruction: 'KTYETX' | 'CXYEG';
}

/** Every SIM figure below its threshold, balance before data, SIMs in the order given. */
export function alertsFor(sims: readonly LatestFigures[], thresholds: AlertThresholds): Alert[] {
  const alerts: Alert[] = [];
  for (const sim of sims) {
    const checks = [
      { kind: 'balance', point: sim.balance, threshold: thresholds.balanceYuan, instruction: 'KTYETX' },
      { kind: 'data', point: sim.data, threshold: thresholds.dataMb, instruction: 'CXYEG' },
    ] as const;
    for (const { kind, point, threshold, instruction } of checks) {
      if (!point || threshold === null || point.value >= threshold) continue;
      alerts.push({ simId: sim.simId, kind, value: point.value, threshold, messageId: point.messageId, at: point.at, instruction });
    }
  }
  return alerts;
}
