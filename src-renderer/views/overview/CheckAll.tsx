import { useEffect, useState } from 'react';
import type { FleetCheckState, FleetSim } from '../../../src-shared/api/contract';
import { simLabel } from '../../core/modems';
import { useCore } from '../../core/CoreProvider';
import { useErrorToast } from '../../core/toasts';
import { useI18n } from '../../prefs/PrefsProvider';

/** What "check all" asks each SIM: the balance and the data left, the Overview's first two figures. */
const CHECK = ['YE', 'CXYEG'];

/** The core's check of every SIM, kept live by its events. */
function useFleetCheck(): FleetCheckState | null {
  const { api } = useCore();
  const [state, setState] = useState<FleetCheckState | null>(null);
  useEffect(() => {
    let alive = true;
    const off = api.on('fleetCheck', (s) => alive && setState(s));
    void api.call('fleet.checkState', {}).then((s) => alive && setState((now) => now ?? s), () => undefined);
    return () => {
      alive = false;
      off();
    };
  }, [api]);
  return state;
}

/**
 * "Check all SIMs now": the core queues YE and CXYEG on every ready modem (one send at a time per
 * modem, all modems at once) and tells how many SIMs are done. While it runs the button stays
 * focusable but does nothing (aria-disabled): a disabled button would drop the keyboard focus.
 */
export function CheckAll({ readySims, leftOut }: { readySims: number; leftOut: readonly FleetSim[] }) {
  const { t } = useI18n();
  const { api } = useCore();
  const reportError = useErrorToast();
  const state = useFleetCheck();
  const [asking, setAsking] = useState(false);
  const busy = asking || state?.running === true;
  const unavailable = busy || readySims === 0;
  const start = () => {
    if (unavailable) return;
    setAsking(true);
    api
      .call('fleet.checkNow', { instructions: CHECK })
      .catch(reportError)
      .finally(() => setAsking(false));
  };
  return (
    <div className="fleet-check">
      <button type="button" id="fleet-check-all" className="fleet-check-all" onClick={start} aria-disabled={unavailable} aria-describedby="fleet-check-status">
        {t('fleet.checkAll')}
      </button>
      <span id="fleet-check-status" className="muted" role="status">
        {state?.running ? (
          <>
            <progress max={state.total} value={state.done} aria-hidden="true" /> {t('fleet.checking', { done: state.done, total: state.total })}
          </>
        ) : state?.startedAt ? (
          t('fleet.checked', { answered: state.answered, total: state.total, failed: state.total - state.answered })
        ) : null}
        {/* The table lists SIMs the check cannot ask: "共 2 张" beside three rows is said, not left to guess. */}
        {state?.startedAt && leftOut.length > 0 && (
          <span className="fleet-check-left-out">
            {' '}
            {t('fleet.checkLeftOut', {
              n: leftOut.length,
              sims: leftOut.map((s) => t('fleet.leftOutItem', { sim: s.label?.name || simLabel(s.simId), why: t(s.host !== null ? 'fleet.leftOutOtherHost' : 'fleet.leftOutNotReady') })).join(t('fleet.listSep')),
            })}
          </span>
        )}
      </span>
    </div>
  );
}
