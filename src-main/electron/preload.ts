import { contextBridge, ipcRenderer } from 'electron';
import type { HallBridge } from '../../src-shared/api/bridge';
import { EventListeners } from '../../src-shared/api/listeners';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

/**
 * Exposes `window.hall` and nothing else. The page never touches ipcRenderer or an IPC event
 * object (whose `sender` is ipcRenderer): only method names, parameters, results and event data cross.
 */

const listeners = new EventListeners();
let nextId = 1;

// Checked by hand, not with the wire schema: a sandboxed preload can require nothing but electron.
ipcRenderer.on(EVENT_CHANNEL, (_event, message: { type?: unknown; events?: unknown } | null) => {
  if (message?.type !== 'events' || !Array.isArray(message.events)) return;
  for (const item of message.events as ({ event?: unknown; data?: unknown } | null)[]) {
    if (typeof item?.event === 'string') listeners.emit(item.event, item.data);
  }
});

const hall: HallBridge = {
  call: (method, params) => ipcRenderer.invoke(CALL_CHANNEL, { type: 'call', id: nextId++, method, params }),
  on: (event, cb) => listeners.add(event, cb),
};

contextBridge.exposeInMainWorld('hall', hall);
