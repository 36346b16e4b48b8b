import { describe, expect, it } from 'vitest';
import { claimSingleInstance, type InstanceLockApp } from '../../../src-main/electron/single-instance';

class FakeApp implements InstanceLockApp {
  quitCalls = 0;
  secondInstanceListeners: Array<() => void> = [];
  constructor(private readonly lockFree: boolean) {}
  requestSingleInstanceLock() {
    return this.lockFree;
  }
  quit() {
    this.quitCalls++;
  }
  on(_event: 'second-instance', listener: () => void) {
    this.secondInstanceListeners.push(listener);
  }
}

describe('claimSingleInstance', () => {
  it('lets the first instance run and focuses it on every later launch', () => {
    const app = new FakeApp(true);
    let focused = 0;
    expect(claimSingleInstance(app, () => focused++)).toBe(true);
    expect(app.quitCalls).toBe(0);
    for (const listener of app.secondInstanceListeners) listener();
    for (const listener of app.secondInstanceListeners) listener();
    expect(focused).toBe(2);
  });

  it('makes a second instance quit without listening for anything', () => {
    const app = new FakeApp(false);
    let focused = 0;
    expect(claimSingleInstance(app, () => focused++)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.secondInstanceListeners).toEqual([]);
    expect(focused).toBe(0);
  });
});
