export { dayAfterRun, isQuiet, nextRun } from './next-run';
export { Scheduler, systemClock, type Clock, type ScheduleStore, type SchedulerDeps } from './scheduler';
export { ScheduleFile } from './store';
