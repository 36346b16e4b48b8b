import type { ModemStatus } from '../api/contract';

/** What the machine knows of one SIM right now: the figures 10086 last gave, sending, the modem's health. */
export interface SimState {
  simId: string;
  modemId: string | null;
  /** Yuan, MB, minutes, points: each the newest value any reply gave (a YE reply leaves data as it was). */
  balance: number | null;
  /** The balance's currency as written when it is not yuan (HK$, £): the balance is never converted. */
  balanceCurrency: string | null;
  generalDataLeftMb: number | null;
  dataLeftByPoolMb: Record<string, number>;
  minutesLeft: number | null;
  /** Minutes per kind (the package's own, off-peak 闲时, group 集团…) of the reply minutesLeft is from: never added up. */
  minutesLeftByPool: Record<string, number>;
  points: number | null;
  /**
   * When the reply each figure is from was written (epoch ms: when it came in, or its service centre's
   * stamp when it came in late; see writtenAt): a figure is as old as its reply, and is shown
   * with that time. Data and minutes are those of the newest reply that told what is left of them: when
   * it gave no one amount for the customer (kinds only, or amounts that may be a total and its part),
   * the figure is null and its time points to that reply, which superseded the older figure.
   */
  asOf: SimFiguresAsOf;
  /** When the newest reply with figures was written (epoch ms, as asOf). */
  lastUpdate: number | null;
  /**
   * The UTC offset (minutes east) its service centre stamped that reply in, null when it carried none:
   * the clock its times are read on, as its bubble in the thread reads them (see stamp-zone.ts).
   * States saved or published before the field have none: read on the network's clock, +08:00.
   */
  zoneMin: number | null;
  /** When an instruction last left the modem (sent or delivered). */
  lastSuccessAt: number | null;
  /** Instructions that failed on this SIM, counted for as long as the data folder is kept (saved with the board). */
  sendFailures: number;
  /**
   * How many of sendFailures the user has marked as seen ("知道了" on the Overview or in the thread):
   * the badge shows the rest. sendFailures itself only grows (it is the metrics' counter).
   */
  sendFailuresSeen: number;
  modemState: ModemStatus['state'] | null;
  registration: ModemStatus['registration'] | null;
  signal: { csq: number; dbm: number | null } | null;
}

export interface SimFiguresAsOf {
  balance: number | null;
  data: number | null;
  minutes: number | null;
  points: number | null;
}

export const NO_FIGURES_AS_OF: SimFiguresAsOf = { balance: null, data: null, minutes: null, points: null };

/** A SIM nothing is known of yet. */
export function emptySimState(simId: string): SimState {
  return {
    simId,
    modemId: null,
    balance: null,
    balanceCurrency: null,
    generalDataLeftMb: null,
    dataLeftByPoolMb: {},
    minutesLeft: null,
    minutesLeftByPool: {},
    points: null,
    asOf: { ...NO_FIGURES_AS_OF },
    lastUpdate: null,
    zoneMin: null,
    lastSuccessAt: null,
    sendFailures: 0,
    sendFailuresSeen: 0,
    modemState: null,
    registration: null,
    signal: null,
  };
}

/** A SIM's figures as a version from before they kept their times and minutes their kind saved or published them. */
export type FiguresFromBefore = Pick<SimState, 'balance' | 'generalDataLeftMb' | 'minutesLeft' | 'points' | 'lastUpdate'> & {
  asOf?: SimFiguresAsOf;
  minutesLeftByPool?: Record<string, number>;
};

/**
 * Minutes and times of figures kept or published by an older version (sim-board.json, another host on
 * the broker). Each figure is as of the newest reply then. Minutes left without their kinds were every
 * kind added up (real fs-2016-0312: 976 for the package's 40): none rather than that, until a reply
 * tells minutes again.
 */
export function figuresFromBefore(s: FiguresFromBefore): Pick<SimState, 'minutesLeft' | 'minutesLeftByPool' | 'asOf'> {
  const minutes = s.minutesLeftByPool ? { minutesLeft: s.minutesLeft, minutesLeftByPool: s.minutesLeftByPool } : { minutesLeft: null, minutesLeftByPool: {} };
  const since = (value: number | null) => (value === null ? null : s.lastUpdate);
  const asOf = s.asOf ?? { balance: since(s.balance), data: since(s.generalDataLeftMb), minutes: since(minutes.minutesLeft), points: since(s.points) };
  return { ...minutes, asOf };
}

/** Failed sends the user has not marked as seen: what the SIM's "发送失败" badge counts. */
export function unseenFailures(s: Pick<SimState, 'sendFailures'> & { sendFailuresSeen?: number }): number {
  return Math.max(0, s.sendFailures - (s.sendFailuresSeen ?? 0));
}
