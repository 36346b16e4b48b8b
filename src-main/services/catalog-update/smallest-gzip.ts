import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Zopfli's own advice for small inputs; more iterations gain a few bytes at several times the time. */
const ITERATIONS = 15;

/*
 * Runs in a worker because the library's Emscripten glue, once loaded in Node, installs
 * process-wide `uncaughtException` and `unhandledRejection` handlers that exit the process;
 * a worker keeps those, and the half second of CPU, away from the CLI or app that signs.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.library).gzipAsync(workerData.bytes, { numiterations: workerData.iterations })
  .then((out) => parentPort.postMessage(out), (error) => parentPort.postMessage({ error: String(error) }));
`;

/**
 * Standard gzip that any gunzip (the app's, the extension's, a browser's) reads, made by Zopfli:
 * about 8 % smaller than zlib at level 9 for a catalog. Publishing is rare and done by a
 * maintainer, so its half second buys every user's download those bytes.
 */
export function smallestGzip(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const library = createRequire(import.meta.url).resolve('@gfx/zopfli');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { library, bytes, iterations: ITERATIONS } });
    worker.once('message', (out: Uint8Array | { error: string }) => {
      void worker.terminate();
      if (out instanceof Uint8Array) resolve(new Uint8Array(out));
      else reject(new Error(`Zopfli failed: ${out.error}`));
    });
    worker.once('error', reject);
  });
}
