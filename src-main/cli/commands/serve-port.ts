import { join } from 'node:path';
import { HallError, type Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../../services/atomic-write';
import { Damaged, loadSettingsFile } from '../../services/settings-file';

/*
 * Browser mode keeps the message log and the settings in the browser, per address: a server on a
 * new port each start would open on an empty log, the old one out of reach at the old address. So
 * `serve` without --port comes back on the port it used the first time, remembered in the data folder.
 */

const FILE = 'browser-port';

/** The port this data folder's browser mode used before (null: none yet), and what to say when its file was damaged. */
export async function rememberedPort(dataDir: string): Promise<{ port: number | null; problem: Bilingual | null }> {
  const { value, problem } = await loadSettingsFile({
    path: join(dataDir, FILE),
    holds: { zh: '浏览器模式端口', en: 'browser mode port' },
    meanwhile: {
      zh: '这次换用新端口。浏览器按地址保存消息记录和设置，所以新地址下看不到以前的：用 --port 指定原来的端口即可找回。',
      en: 'this start takes a new port. The browser keeps the message log and the settings per address, so the new one shows none of the earlier ones: start with --port and the old port to see them.',
    },
    parse: (text) => {
      const port = /^\s*[0-9]{1,5}\s*$/.test(text) ? Number(text) : NaN;
      return port >= 1024 && port <= 65535 ? port : new Damaged<number>();
    },
  });
  return { port: value ?? null, problem };
}

export async function rememberPort(dataDir: string, port: number): Promise<void> {
  await writeFileAtomic(join(dataDir, FILE), `${port}\n`);
}

export function isPortInUse(error: unknown): boolean {
  return error instanceof HallError && error.code === 'server.port-in-use';
}
