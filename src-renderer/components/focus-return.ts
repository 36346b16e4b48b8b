import { useEffect, useState } from 'react';

/**
 * For a panel that opens in place (an instruction's form under the composer or under a chip of
 * 小e's, the log search): when it closes and takes the focus with it (Cancel, Esc, sent), the focus
 * goes back to what had it when the panel opened (the composer line, the chip, the "search the log"
 * button), so the keyboard carries on there instead of from the top of the page. Focus the user has
 * moved elsewhere meanwhile is left where it is. `fallbackId`: what gets it when the opener is gone.
 */
export function useFocusReturn(fallbackId?: string): void {
  // Taken while the panel first renders: by the time its effects run, its own autofocused field has the focus.
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      const now = document.activeElement;
      if (now !== null && now !== document.body) return;
      // A button the panel stood in for (Add) is a new one by now: found by its id.
      const back = opener instanceof HTMLElement && opener !== document.body && opener.isConnected ? opener : fallbackId ? document.getElementById(fallbackId) : null;
      back?.focus();
    },
    [opener, fallbackId],
  );
}
