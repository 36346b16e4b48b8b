import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pinned rather than left to the library's default: Zopfli's advice for small inputs. */
const ITERATIONS = 15;

/*
 * Runs in a worker because the library's Emscripten glue, once loaded in Node, installs
 * process-wide `uncaughtException` and `unhandledRejection` handlers that exit the process;
 * a worker keeps those, and the half second of CPU, away from the CLI or app that signs.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.library).gzipAsync(workerData.bytes, { numiterations: workerData.iterations })
  .then((out) => parentPort.postMessage(out, [out.buffer]), (error) => parentPort.postMessage({ error: String(error) }));
`;

/**
 * Standard gzip that any gunzip (the app's, the extension's, a browser's) reads, made by Zopfli:
 * about 8 % smaller than CompressionStream's gzip for a catalog. Publishing is rare and done by a
 * maintainer, so its half second buys every user's download those bytes. `library` is a module
 * with Zopfli's `gzipAsync` (tests give it one that fails).
 */
export function smallestGzip(bytes: Uint8Array, library = createRequire(import.meta.url).resolve('@gfx/zopfli')): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { library, bytes, iterations: ITERATIONS } });
    worker.once('message', (out: Uint8Array<ArrayBuffer> | { error: string }) => {
      void worker.terminate();
      if (out instanceof Uint8Array) resolve(out);
      else reject(new Error(`Zopfli failed: ${out.error}`));
    });
    worker.once('error', reject);
    // The glue ends the process it runs in on a fatal error: in a worker that is only an exit.
    worker.once('exit', (code) => reject(new Error(`Zopfli stopped (exit code ${code}) before giving a result`)));
  });
}
