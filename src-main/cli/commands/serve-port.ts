import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HallError } from '../../../src-shared/errors';

/*
 * Browser mode keeps the message log and the settings in the browser, per address: a server on a
 * new port each start would open on an empty log, the old one out of reach at the old address. So
 * `serve` without --port comes back on the port it used the first time, remembered in the data folder.
 */

const FILE = 'browser-port';

/** The port this data folder's browser mode used before, or null (none yet, or the file is not a port). */
export async function rememberedPort(dataDir: string): Promise<number | null> {
  const text = await readFile(join(dataDir, FILE), 'utf8').catch(() => null);
  const port = text !== null && /^\s*[0-9]{1,5}\s*$/.test(text) ? Number(text) : NaN;
  return port >= 1024 && port <= 65535 ? port : null;
}

export async function rememberPort(dataDir: string, port: number): Promise<void> {
  await writeFile(join(dataDir, FILE), `${port}\n`);
}

export function isPortInUse(error: unknown): boolean {
  return error instanceof HallError && error.code === 'server.port-in-use';
}
