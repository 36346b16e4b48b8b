import { useEffect, useId, useRef, useState } from 'react';
import type { FleetSim } from '../../../src-shared/api/contract';
import { unseenFailures } from '../../../src-shared/fleet/sim-state';
import { useCore } from '../../core/CoreProvider';
import { simLabel } from '../../core/modems';
import { useErrorToast, useToast } from '../../core/toasts';
import { useI18n } from '../../prefs/PrefsProvider';

/** This computer's row of one SIM as the core keeps it (its failed sends), live by the `fleet` event. */
export function useLocalSim(simId: string): FleetSim | null {
  const { api, connection } = useCore();
  const [sim, setSim] = useState<FleetSim | null>(null);
  useEffect(() => {
    if (connection !== 'open') return;
    let alive = true;
    let told = false;
    const off = api.on('fleet', (s) => {
      if (s.host !== null || s.simId !== simId || !alive) return;
      told = true;
      setSim(s);
    });
    void api.call('fleet.sims', {}).then(
      (list) => alive && !told && setSim(list.find((s) => s.host === null && s.simId === simId) ?? null),
      () => undefined,
    );
    return () => {
      alive = false;
      off();
    };
  }, [api, connection, simId]);
  return sim;
}

interface Props {
  sim: FleetSim;
  /** The newest failed instruction is in this log (not cleared, not sent from another browser). */
  inLog: boolean;
  /** Opened from the badge: the focus comes here, so the keyboard and a screen reader start at what the badge said. */
  takeFocus: boolean;
  /** Scrolls to (and highlights) the newest failed instruction. */
  onShow(): void;
  /** After "知道了" the notice is gone: where the focus goes instead of being dropped. */
  onDone(): void;
}

/**
 * Above a SIM's thread while it has failed sends the user has not marked as seen: how many, where they
 * are (marked red in the thread; "不确定是否已发出" may have left, so check 10086's reply before Retry),
 * and "知道了", which clears the count in the core for every window and host (`fleet.seeFailures`) and
 * sends nothing again.
 *
 * Keyboard: Tab reaches "Show" and "知道了"; Enter or Space runs them. Opened from the Overview's badge,
 * the region takes the focus and is read with its description.
 */
export function FailedSends({ sim, inLog, takeFocus, onShow, onDone }: Props) {
  const { t } = useI18n();
  const { api } = useCore();
  const toast = useToast();
  const reportError = useErrorToast();
  const id = useId();
  const region = useRef<HTMLElement>(null);
  const [busy, setBusy] = useState(false);
  const unseen = unseenFailures(sim);
  useEffect(() => {
    if (takeFocus) region.current?.focus();
  }, [takeFocus]);
  if (unseen === 0) return null;
  const markSeen = () => {
    if (busy) return;
    setBusy(true);
    // The count this page shows: a failure the core counts meanwhile stays unseen.
    api.call('fleet.seeFailures', { simId: sim.simId, seen: sim.sendFailures }).then(
      () => {
        toast('success', t('failures.seenDone', { sim: sim.label?.name || simLabel(sim.simId) }));
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        reportError(error);
      },
    );
  };
  return (
    <section ref={region} className="failed-sends" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} tabIndex={-1}>
      <h2 id={`${id}-title`} className="failed-sends-title">
        {t('failures.title', { n: unseen })}
      </h2>
      <p id={`${id}-body`} className="failed-sends-body">
        {inLog ? t('failures.body') : t('failures.notInLog')}
      </p>
      <p className="failed-sends-actions">
        {inLog && (
          <button type="button" onClick={onShow}>
            {t('failures.show')}
          </button>
        )}
        <button type="button" className="primary" onClick={markSeen} aria-disabled={busy || undefined}>
          {t('failures.seen')}
        </button>
      </p>
    </section>
  );
}
