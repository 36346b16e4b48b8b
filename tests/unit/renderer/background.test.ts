import { describe, expect, it, vi } from 'vitest';
import { backgroundTurn, holdBackground } from '../../../src-renderer/store/background';

describe('background work yields to the foreground', () => {
  it('waits until the longest hold has passed, extended by holds that come meanwhile', async () => {
    vi.useFakeTimers();
    try {
      let ran = false;
      holdBackground(1000);
      const turn = backgroundTurn().then(() => (ran = true));
      await vi.advanceTimersByTimeAsync(600);
      holdBackground(1000); // a new search 600 ms in: another full second
      await vi.advanceTimersByTimeAsync(900);
      expect(ran).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      await turn;
      expect(ran).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
