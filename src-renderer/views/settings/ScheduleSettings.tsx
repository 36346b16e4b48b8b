import { SectionLoading } from '../../components/SectionLoading';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Schedule, ScheduleView } from '../../../src-shared/api/contract';
import { useCore } from '../../core/CoreProvider';
import { simLabel } from '../../core/modems';
import { describeError } from '../../core/describe-error';
import { useErrorToast } from '../../core/toasts';
import { useI18n } from '../../prefs/PrefsProvider';
import { hallDb } from '../../store/db';
import { dayLabel, timeOfDay } from '../thread/day';
import { TimeField } from '../../components/TimeField';

/** The queries a schedule may send: no parameters, nothing to confirm (the core checks this too). */
const SCHEDULABLE = ['YE', 'CXYEG', 'CXYEB', 'CXYED', 'JF'];

const fresh = (simId: string): Schedule => ({
  simId,
  enabled: false,
  instructions: ['YE', 'CXYEG'],
  time: '08:00',
  jitterMinutes: 10,
  quiet: { from: '22:00', to: '07:00' },
});

/** Each SIM's daily checks, kept by the core (it sends them while the app runs). */
export function ScheduleSettings() {
  const { t } = useI18n();
  const { api, connection } = useCore();
  const reportError = useErrorToast();
  const sims = useLiveQuery(() => hallDb().sims.toCollection().primaryKeys(), []);
  const [saved, setSaved] = useState<ScheduleView[] | null>(null);

  const reload = useCallback(() => void api.call('schedules.get', {}).then(setSaved, reportError), [api, reportError]);
  useEffect(() => {
    if (connection === 'open') reload();
  }, [connection, reload]);

  // Once a run is due the core has set the next one: ask again then, so the time shown stays true.
  const due = saved?.flatMap((s) => (s.nextRunAt === null ? [] : [s.nextRunAt])).sort((a, b) => a - b)[0];
  useEffect(() => {
    if (due === undefined) return;
    const timer = setTimeout(reload, Math.max(0, due - Date.now()) + 2000);
    return () => clearTimeout(timer);
  }, [due, reload]);

  if (!sims?.length) return null;
  if (!saved) return <SectionLoading legend={t('settings.schedules')} />;
  return (
    <fieldset>
      <legend>{t('settings.schedules')}</legend>
      <p className="muted">{t('settings.schedulesHint')}</p>
      {sims.map((simId) => {
        // What the form edits and sends back is the schedule alone; when it runs is the core's to say.
        const { nextRunAt, ...stored } = saved.find((s) => s.simId === simId) ?? { ...fresh(simId), nextRunAt: null };
        return <ScheduleForm key={simId} initial={stored} nextRunAt={nextRunAt} onSaved={setSaved} />;
      })}
    </fieldset>
  );
}

function ScheduleForm({ initial, nextRunAt, onSaved }: { initial: Schedule; nextRunAt: number | null; onSaved(all: ScheduleView[]): void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { api } = useCore();
  const [draft, setDraft] = useState(initial);
  // The last save failed (the core refused, the connection was lost): the edit stays on screen, marked
  // not saved with why and a Retry. A toast alone went by, and the form looked saved.
  const [failed, setFailed] = useState<{ error: unknown; undone: boolean } | null>(null);
  // What Undo puts back: the schedule as it was before this visit's first change (null: nothing changed yet).
  const [before, setBefore] = useState<Schedule | null>(null);
  // The last save's word; `n` makes the same words a new message for a screen reader.
  const [said, setSaid] = useState<{ undone: boolean; n: number } | null>(null);
  // Saves go out one after another: a later change must not be overtaken by an earlier one's answer.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const id = (name: string) => `schedule-${draft.simId}-${name}`;
  const clock = (what: string) => ({ hour: `${what}: ${t('time.hour')}`, minute: `${what}: ${t('time.minute')}` });
  /** Saved as it changes, as the page's other settings are (a separate Save lost a change made before leaving the page). */
  const store = (next: Schedule, undone: boolean) => {
    setDraft(next);
    queue.current = queue.current.then(() =>
      api.call('schedules.set', { schedule: next }).then(
        (all) => {
          onSaved(all);
          // Each save carries the whole schedule: one that went through holds any failed before it.
          setFailed(null);
          setSaid((s) => ({ undone, n: (s?.n ?? 0) + 1 }));
        },
        (error: unknown) => setFailed({ error, undone }),
      ),
    );
  };
  const change = (patch: Partial<Schedule>) => {
    if (before === null) setBefore(draft);
    store({ ...draft, ...patch }, false);
  };
  const undo = () => {
    if (before === null) return;
    store(before, true);
    setBefore(null);
  };
  const toggle = (code: string, on: boolean) =>
    change({ instructions: SCHEDULABLE.filter((c) => (c === code ? on : draft.instructions.includes(c))) });

  return (
    <div className={failed ? 'schedule unsaved' : 'schedule'} role="group" aria-label={simLabel(draft.simId)}>
      <p className="schedule-sim">
        <label className="choice">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => change({ enabled: e.target.checked })} />
          <strong>{simLabel(draft.simId)}</strong> {t('settings.scheduleOn')}
        </label>
      </p>
      <p>
        {SCHEDULABLE.map((code) => (
          <label key={code} className="choice">
            <input
              type="checkbox"
              checked={draft.instructions.includes(code)}
              // The last one ticked stays: a schedule with nothing to send is no schedule (the core refuses it).
              disabled={draft.instructions.length === 1 && draft.instructions.includes(code)}
              aria-describedby={id('auto')}
              onChange={(e) => toggle(code, e.target.checked)}
            />
            <span className="code">{code}</span>
          </label>
        ))}
      </p>
      <div className="schedule-times">
        <label htmlFor={id('time')}>{t('settings.scheduleTime')}</label>
        <TimeField id={id('time')} value={draft.time} label={clock(t('settings.scheduleTime'))} onChange={(time) => change({ time })} />
        <label htmlFor={id('jitter')}>{t('settings.scheduleJitter')}</label>
        <input
          id={id('jitter')}
          type="number"
          min="0"
          max="120"
          value={draft.jitterMinutes}
          onChange={(e) => change({ jitterMinutes: Math.min(120, Math.max(0, Math.round(Number(e.target.value) || 0))) })}
        />
        <label htmlFor={id('quiet')}>{t('settings.scheduleQuiet')}</label>
        <span className="time-range">
          <TimeField id={id('quiet')} value={draft.quiet?.from ?? '22:00'} label={clock(`${t('settings.scheduleQuiet')} ${t('time.from')}`)} onChange={(from) => change({ quiet: { from, to: draft.quiet?.to ?? '07:00' } })} />
          <span aria-hidden="true">–</span>
          <TimeField id={id('quiet-to')} value={draft.quiet?.to ?? '07:00'} label={clock(`${t('settings.scheduleQuiet')} ${t('time.to')}`)} onChange={(to) => change({ quiet: { from: draft.quiet?.from ?? '22:00', to } })} />
        </span>
      </div>
      <p id={id('auto')} className="field-note">
        {t('settings.scheduleAuto')}
      </p>
      {failed ? (
        <div className="save-failed" role="alert">
          <p>{t('settings.scheduleUnsaved', { sim: simLabel(draft.simId), why: describeError(failed.error, i18n).text })}</p>
          <button type="button" onClick={() => store(draft, failed.undone)} aria-label={`${t('settings.scheduleRetry')} ${simLabel(draft.simId)}`}>
            {t('settings.scheduleRetry')}
          </button>
        </div>
      ) : (
        <p className="save-status muted" role="status">
          {said && <span key={said.n}>{t(said.undone ? 'settings.scheduleUndone' : 'settings.scheduleSaved', { sim: simLabel(draft.simId) })}</span>}
        </p>
      )}
      {before !== null && (
        <button type="button" onClick={undo} aria-label={`${t('settings.scheduleUndo')} ${simLabel(draft.simId)}`}>
          {t('settings.scheduleUndo')}
        </button>
      )}
      <p className="muted schedule-next" aria-live="polite">
        {nextRunAt === null ? t('settings.scheduleNotRunning') : t('settings.scheduleNext', { when: `${dayLabel(nextRunAt, Date.now(), i18n)} ${timeOfDay(nextRunAt, lang)}` })}
      </p>
    </div>
  );
}
