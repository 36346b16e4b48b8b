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

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  const push = useCallback<Push>(
    (level, text, detail) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-4), { id, level, text, ...(detail ? { detail } : {}) }]);
      setTimeout(() => dismiss(id), LIFETIME_MS[level]);
    },
    [dismiss],
  );
  const value = useMemo(() => push, [push]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
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
