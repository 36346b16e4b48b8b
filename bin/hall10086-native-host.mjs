#!/usr/bin/env node
// The native-messaging host run from the checkout (tsx compiles on the fly); a packaged app runs
// its built copy, out/main/native-host.js, instead.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/native-host/main.ts');
