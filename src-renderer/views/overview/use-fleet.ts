import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { FleetSim, SimLabel } from '../../../src-shared/api/contract';
import { useCore } from '../../core/CoreProvider';
import { emptySimState } from '../../../src-shared/fleet/sim-state';
import { hallDb } from '../../store/db';
import { latestKinds, latestPoint } from '../../store/figure-history';
import { leftByKind } from '../../../src-shared/fleet/sim-figures';
import { offsetOf } from '../../../src-shared/stamp-zone';
import { rowKey } from './fleet-rows';
import { isUnidentifiedSim } from '../../../src-shared/at/sim-id';

/** The fleet as the core keeps it (every SIM here, and other hosts' when watched), kept live by its events. */
export function useFleetSims(): { sims: FleetSim[] | undefined; labels: Map<string, SimLabel> } {
  const { api, connection } = useCore();
  // Asked when the core can answer, and again each time it is back: events missed meanwhile are in the list.
  const reached = connection === 'open';
  const [sims, setSims] = useState<FleetSim[]>();
  const [labels, setLabels] = useState<Map<string, SimLabel>>(new Map());
  useEffect(() => {
    if (!reached) return;
    let alive = true;
    const byKey = new Map<string, FleetSim>();
    const publish = () => alive && setSims([...byKey.values()]);
    const offSim = api.on('fleet', (sim) => {
      byKey.set(rowKey(sim), sim);
      publish();
    });
    const offGone = api.on('fleetGone', ({ simId }) => {
      byKey.delete(rowKey({ simId, host: null }));
      publish();
    });
    const offLabels = api.on('labels', (list) => alive && setLabels(new Map(list.map((l) => [l.simId, l]))));
    void api.call('fleet.sims', {}).then((list) => {
      // Events that came meanwhile are newer than the list.
      for (const sim of list) if (!byKey.has(rowKey(sim))) byKey.set(rowKey(sim), sim);
      publish();
    }, () => publish());
    void api.call('labels.list', {}).then((list) => alive && setLabels(new Map(list.map((l) => [l.simId, l]))), () => undefined);
    return () => {
      alive = false;
      offSim();
      offGone();
      offLabels();
    };
  }, [api, reached]);
  return { sims, labels };
}

/**
 * This computer's SIMs with the figures the log store holds, for those the core has no figures
 * for (a log kept from before the core kept them, a SIM seen only in the log). SIMs the core
 * knows with figures cost no store read, so a large fleet opens at the speed of the core's list.
 */
export function useWithStoredFigures(sims: FleetSim[] | undefined): FleetSim[] | undefined {
  const db = hallDb();
  const known = useMemo(() => new Map((sims ?? []).filter((s) => s.host === null).map((s) => [s.simId, s])), [sims]);
  const stored = useLiveQuery(async () => {
    // An unidentified insertion the core no longer lists was replaced in its modem by another: its messages stay in the
    // log, its row does not come back (one per card put in, piling up, and nothing to tell which card it was).
    const ids = (await db.sims.toCollection().primaryKeys()).filter((id) => known.get(id)?.lastUpdate == null && (known.has(id) || !isUnidentifiedSim(id)));
    return Promise.all(
      ids.map(async (simId) => {
        const [balance, points] = await Promise.all((['balance.balance', 'points.total'] as const).map((k) => latestPoint(db, simId, k)));
        const [data, voice] = await Promise.all((['data.remaining', 'voice.remaining'] as const).map((k) => latestKinds(db, simId, k)));
        const newest = [balance, data, voice, points].reduce<{ at: number; messageId: string } | undefined>((a, p) => (p && (!a || p.at > a.at) ? p : a), undefined);
        // The row reads on its newest reply's stamp's zone, as the core's rows do (zoneMin).
        const stamp = newest && (await db.messages.get(newest.messageId))?.timestamp;
        return {
          simId,
          balance: balance?.value ?? null,
          balanceCurrency: balance?.currency ?? null,
          generalDataLeftMb: data?.customer?.value ?? null,
          dataLeftByPoolMb: leftByKind(data?.amounts ?? []),
          minutesLeft: voice?.customer?.value ?? null,
          minutesLeftByPool: leftByKind(voice?.amounts ?? []),
          points: points?.value ?? null,
          asOf: { balance: balance?.at ?? null, data: data?.at ?? null, minutes: voice?.at ?? null, points: points?.at ?? null },
          lastUpdate: newest?.at || null,
          zoneMin: offsetOf(stamp),
        };
      }),
    );
  }, [db, known]);
  return useMemo(() => {
    if (!sims) return undefined;
    if (!stored?.length) return sims;
    const merged = new Map(sims.map((s) => [rowKey(s), s]));
    for (const figures of stored) {
      const base = known.get(figures.simId) ?? blankSim(figures.simId);
      merged.set(rowKey(base), { ...base, ...figures });
    }
    return [...merged.values()];
  }, [sims, stored, known]);
}

function blankSim(simId: string): FleetSim {
  return { ...emptySimState(simId), host: null, label: null };
}
