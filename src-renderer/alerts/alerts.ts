import { beijingTime } from '../../src-shared/wall-clock';
import type { FigurePoint } from '../store/figure-history';
import type { AlertThresholds } from './thresholds';

/** A SIM's latest balance and data left, and the newest warnings 10086 pushed, as the alerts compare them. */
export interface LatestFigures {
  simId: string;
  balance?: FigurePoint;
  data?: FigurePoint;
  /** The newest pushed notice that data is suspended (已达…暂停数据流量), if any. */
  suspended?: FigurePoint;
  /** The newest notice that the balance is low (余额不足, 余额已低于5元), if any. */
  balanceLow?: FigurePoint;
  /** The newest share of data used or left a reply warned of (value in percent), if any. */
  dataShare?: FigurePoint & { said: 'used' | 'left' };
}

export interface Alert {
  simId: string;
  /**
   * balance, data: a figure under the user's threshold. The others are 10086's own warnings, raised
   * whatever the thresholds: suspended (data off until next month), balance-low (余额不足), data-used
   * and data-left (the share of data 10086 said is used, or left).
   */
  kind: 'balance' | 'data' | 'suspended' | 'balance-low' | 'data-used' | 'data-left';
  /** Yuan for balance, MB for data, percent for data-used and data-left; 0 for suspended and balance-low. */
  value: number;
  /** The user's threshold; 0 for 10086's warnings. */
  threshold: number;
  /** The reply the value came from: an alert is announced once per reply. */
  messageId: string;
  at: number;
  /** The instruction that helps: a balance reminder (KTYETX), or checking the data packages (CXYEG). */
  instruction: 'KTYETX' | 'CXYEG';
}

/** How long a pushed balance-low notice stands: a top-up is usually made within days, and a newer balance ends it sooner. */
export const BALANCE_NOTICE_MS = 3 * 24 * 3600_000;
/** With no threshold set, a newer figure at least this large ends 10086's warning: 10 yuan (the usual 余额提醒 level), 1 GB. */
export const PLENTY = { balanceYuan: 10, dataMb: 1024 } as const;

/**
 * 10086's own warnings standing now, then every SIM figure below its threshold, balance before data, SIMs
 * in the order given. Data suspended and a share of data are this (Beijing) month's; a balance-low notice
 * stands for BALANCE_NOTICE_MS. A newer reply ends a warning when it tells the figure in yuan or MB at or
 * above the user's threshold (PLENTY with none set), or, under a set threshold, the threshold alert says it.
 */
export function alertsFor(sims: readonly LatestFigures[], thresholds: AlertThresholds, now = Date.now()): Alert[] {
  const alerts: Alert[] = [];
  const month = (at: number) => {
    const d = beijingTime(at);
    return d.year * 12 + d.month;
  };
  /** A newer figure (yuan or MB, never a percentage) that ends a warning of the reply at `at`. */
  const endedBy = (at: number, newer: FigurePoint | undefined, threshold: number | null, plenty: number) =>
    !!newer && newer.at > at && newer.currency === null && (threshold !== null || newer.value >= plenty);
  const warn = (simId: string, kind: Alert['kind'], p: FigurePoint, instruction: Alert['instruction'], value = 0) =>
    alerts.push({ simId, kind, value, threshold: 0, messageId: p.messageId, at: p.at, instruction });
  for (const sim of sims) {
    const { suspended, balanceLow, dataShare } = sim;
    if (suspended && month(suspended.at) === month(now)) warn(sim.simId, 'suspended', suspended, 'CXYEG');
    if (balanceLow && now - balanceLow.at < BALANCE_NOTICE_MS && !endedBy(balanceLow.at, sim.balance, thresholds.balanceYuan, PLENTY.balanceYuan)) {
      warn(sim.simId, 'balance-low', balanceLow, 'KTYETX');
    }
    if (dataShare && month(dataShare.at) === month(now) && !endedBy(dataShare.at, sim.data, thresholds.dataMb, PLENTY.dataMb)) {
      warn(sim.simId, dataShare.said === 'used' ? 'data-used' : 'data-left', dataShare, 'CXYEG', dataShare.value);
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
