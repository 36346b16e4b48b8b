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
  points: number | null;
  /** When the newest reply with figures came in (epoch ms). */
  lastUpdate: number | null;
  /** When an instruction last left the modem (sent or delivered). */
  lastSuccessAt: number | null;
  /** Instructions that failed on this SIM, counted for as long as the data folder is kept (saved with the board). */
  sendFailures: number;
  modemState: ModemStatus['state'] | null;
  registration: ModemStatus['registration'] | null;
  signal: { csq: number; dbm: number | null } | null;
}

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
    points: null,
    lastUpdate: null,
    lastSuccessAt: null,
    sendFailures: 0,
    modemState: null,
    registration: null,
    signal: null,
  };
}
