import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import { hallDb } from '../store/db';
import { latestPoint, type FigurePoint } from '../store/figure-history';
import { BALANCE_LOW, DATA_LEFT, DATA_USED, SUSPENDED } from '../store/figures';
import { alertsFor, type Alert, type LatestFigures } from './alerts';
import { alertThresholds } from './thresholds';

type Share = NonNullable<LatestFigures['dataShare']>;
const withSaid = (p: FigurePoint | undefined, said: Share['said']): Share | undefined => p && { ...p, said };
const newer = (a: Share | undefined, b: Share | undefined) => (a && b ? (b.at > a.at ? b : a) : (a ?? b));

/** The alerts standing now: 10086's own warnings, and every SIM whose latest balance or data left is under its threshold (live). */
export function useAlerts(): Alert[] | undefined {
  const thresholds = useSyncExternalStore(alertThresholds.subscribe, alertThresholds.get);
  const db = hallDb();
  const latest = useLiveQuery(async () => {
    const sims = await db.sims.toCollection().primaryKeys();
    return Promise.all(
      sims.map(async (simId) => ({
        simId,
        balance: await latestPoint(db, simId, 'balance.balance'),
        data: await latestPoint(db, simId, 'data.remaining'),
        suspended: await latestPoint(db, simId, SUSPENDED),
        balanceLow: await latestPoint(db, simId, BALANCE_LOW),
        dataShare: newer(
          withSaid(await latestPoint(db, simId, DATA_USED), 'used'),
          withSaid(await latestPoint(db, simId, DATA_LEFT), 'left'),
        ),
      })),
    );
  }, [db]);
  return useMemo(() => latest && alertsFor(latest, thresholds), [latest, thresholds]);
}
