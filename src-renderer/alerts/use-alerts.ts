import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import { hallDb } from '../store/db';
import { latestPoint } from '../store/figure-history';
import { SUSPENDED } from '../store/figures';
import { alertsFor, type Alert } from './alerts';
import { alertThresholds } from './thresholds';

/** The alerts standing now: every SIM whose latest balance or data left is under its threshold (live). */
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
      })),
    );
  }, [db]);
  return useMemo(() => latest && alertsFor(latest, thresholds), [latest, thresholds]);
}
