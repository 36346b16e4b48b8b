/** The part of Electron's `app` the single-instance rule needs. */
export interface InstanceLockApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * Only one Hall10086 may own the journal and the modems. Returns true in the first instance, which
 * from now on hears `onSecondInstance` whenever another launch is attempted; a later instance quits.
 */
export function claimSingleInstance(app: InstanceLockApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}
