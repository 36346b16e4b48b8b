/** The emulated USB GSM modem: in-process (serialport binding) or on a pseudo-terminal. */
export { ModemEmulator, type SimView } from './modem';
export { INSTANT_TIMING, REALISTIC_TIMING, type EmulatorOptions, type Timing } from './options';
export type { Fault, ScriptStep } from './faults';
export { realScheduler, VirtualScheduler, type Scheduler } from './scheduler';
export type { DeliverOptions, PartOrder, SentMessage } from './sms-center';
export type { MessageStatus, StoredEntry, StoredMessage } from './storage';
export type { Mem } from './settings';
export { createEmulatorBinding, DEMO_MANUFACTURER, DEMO_PATH, type EmulatorBinding, type EmulatorPort } from './binding';
export { startPtyEmulator, type PtyEmulator, type PtyEmulatorOptions } from './pty';
export { closePool, MAX_POOL, poolMemberOptions, startPtyPool } from './pool';
