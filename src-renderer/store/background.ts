/**
 * Foreground first: storing incoming messages and searching the log hold back background work
 * (reading reply figures) for a moment, so neither waits behind it on the page's one thread.
 */
let quietUntil = 0;

export function holdBackground(ms: number): void {
  quietUntil = Math.max(quietUntil, Date.now() + ms);
}

/** Resolves once nothing has held background work back for its moment. */
export async function backgroundTurn(): Promise<void> {
  for (let wait = quietUntil - Date.now(); wait > 0; wait = quietUntil - Date.now()) await new Promise((r) => setTimeout(r, wait));
}
