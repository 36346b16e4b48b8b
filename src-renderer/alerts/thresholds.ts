/** Below these an alert is raised; null is off (the default). */
export interface AlertThresholds {
  balanceYuan: number | null;
  dataMb: number | null;
}

const KEY = 'hall10086.alertThresholds';
const OFF: AlertThresholds = { balanceYuan: null, dataMb: null };

const limit = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

/** Reads what was saved; anything unreadable is off. */
export function parseThresholds(text: string | null): AlertThresholds {
  if (!text) return OFF;
  try {
    const saved = JSON.parse(text) as Partial<Record<keyof AlertThresholds, unknown>>;
    return { balanceYuan: limit(saved.balanceYuan), dataMb: limit(saved.dataMb) };
  } catch {
    return OFF;
  }
}

let current: AlertThresholds | undefined;
const listeners = new Set<() => void>();

/** The thresholds in this browser profile (localStorage), shared by Settings and the alert badge. */
export const alertThresholds = {
  get(): AlertThresholds {
    if (!current) {
      let saved: string | null = null;
      try {
        saved = localStorage.getItem(KEY);
      } catch {
        // Storage switched off: alerts stay off.
      }
      current = parseThresholds(saved);
    }
    return current;
  },
  /** Applies the thresholds; true once they are stored, false if the browser refused (they apply to this session only). */
  set(next: AlertThresholds): boolean {
    current = next;
    let stored = true;
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      stored = false;
    }
    listeners.forEach((l) => l());
    return stored;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
