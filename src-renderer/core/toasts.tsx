import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../prefs/PrefsProvider';
import { describeError } from './describe-error';

export type ToastLevel = 'info' | 'success' | 'warning' | 'error';

interface Toast {
  id: number;
  level: ToastLevel;
  text: string;
  detail?: string;
}

type Push = (level: ToastLevel, text: string, detail?: string) => void;

const ToastContext = createContext<Push | null>(null);

/** How long a toast stays: errors long enough to read their advice. */
const LIFETIME_MS: Record<ToastLevel, number> = { info: 5000, success: 4000, warning: 8000, error: 12000 };

/** A toast's time left, counted only while it is not held (see ToastProvider). */
interface Clock {
  leftMs: number;
  since: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Toasts in the corner, each gone after its lifetime. While the pointer is moved over them or the focus
 * is in them they stay (as Radix's Toast does): an error's advice is not taken away mid-sentence, and
 * their close button does not move away under the pointer. Their time runs on once left.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const clocks = useRef(new Map<number, Clock>());
  const held = useRef({ pointer: false, focus: false });

  const dismiss = useCallback((id: number) => {
    clearTimeout(clocks.current.get(id)?.timer);
    clocks.current.delete(id);
    // The last one gone (its close button with the focus, under the pointer): nothing holds the next one.
    if (clocks.current.size === 0) held.current = { pointer: false, focus: false };
    setToasts((list) => list.filter((x) => x.id !== id));
  }, []);
  const run = useCallback(
    (id: number, clock: Clock) => {
      clock.since = Date.now();
      clock.timer = setTimeout(() => dismiss(id), clock.leftMs);
    },
    [dismiss],
  );
  const push = useCallback<Push>(
    (level, text, detail) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-4), { id, level, text, ...(detail ? { detail } : {}) }]);
      const clock: Clock = { leftMs: LIFETIME_MS[level], since: Date.now() };
      clocks.current.set(id, clock);
      if (!held.current.pointer && !held.current.focus) run(id, clock);
    },
    [run],
  );
  const value = useMemo(() => push, [push]);
  const hold = (by: 'pointer' | 'focus', on: boolean) => {
    const wasHeld = held.current.pointer || held.current.focus;
    held.current[by] = on;
    const isHeld = held.current.pointer || held.current.focus;
    if (wasHeld === isHeld) return;
    for (const [id, clock] of clocks.current) {
      if (isHeld) {
        clearTimeout(clock.timer);
        clock.leftMs -= Date.now() - clock.since;
      } else run(id, clock);
    }
  };

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        className="toasts"
        role="status"
        aria-live="polite"
        // Moved onto, not merely appeared under a resting pointer: a toast that pops up where the user last clicked still goes.
        onPointerMove={() => hold('pointer', true)}
        onPointerLeave={() => hold('pointer', false)}
        onFocus={() => hold('focus', true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) hold('focus', false);
        }}
      >
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.level}`} role={toast.level === 'error' ? 'alert' : undefined}>
            <div className="toast-text">
              <p>{toast.text}</p>
              {toast.detail && <p className="muted">{toast.detail}</p>}
            </div>
            <button type="button" className="icon-button" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Push {
  const push = useContext(ToastContext);
  if (!push) throw new Error('useToast outside ToastProvider');
  return push;
}

/**
 * Shows anything thrown as an error toast in the user's language, with its advice. The function
 * stays the same across renders (it reads the current language when called): effects that report
 * through it must not start again, the log sync included, because the language changed.
 */
export function useErrorToast(): (error: unknown) => void {
  const push = useToast();
  const i18n = useI18n();
  const latest = useRef({ push, i18n });
  latest.current = { push, i18n };
  return useCallback((error: unknown) => {
    const { push: show, i18n: now } = latest.current;
    const d = describeError(error, now);
    show('error', d.text, d.action && now.t('error.action', { action: d.action }));
  }, []);
}
