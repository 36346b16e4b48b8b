export { startServer, type RunningServer, type StartServerOptions } from './server';
