/** IPC channel names, shared by the main process and the preload (which must not import anything heavier). */
export const CALL_CHANNEL = 'hall:call';
export const EVENT_CHANNEL = 'hall:event';
