import { mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core';
import type { HallCore } from '../../src-main/core/core';
import { startPtyEmulator, type PtyEmulator } from '../../src-main/emulator/pty';

/**
 * The app started again (browser mode or Electron: createCore with demo 'auto') opens the modems
 * connected on its Modem page last time: here two emulated modems on real pseudo-terminals (socat),
 * which the system's port list does not show, opened by the real serial binding. Before, it opened
 * only the first listed port that looks like a modem, or the demo modem: the second modem, or a
 * typed port, had to be connected by hand at every start.
 */

let dataDir: string;
let modems: PtyEmulator[];
let core: HallCore | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hall10086-remembered-'));
  modems = [
    await startPtyEmulator({ emulatorOptions: { sim: { iccid: '89860012345678900041', imsi: '460001234567004' } } }),
    await startPtyEmulator({ emulatorOptions: { sim: { iccid: '89860012345678900058', imsi: '460001234567005' } } }),
  ];
}, 30_000);

afterAll(async () => {
  await core?.close();
  for (const m of modems ?? []) await m.close();
  await rm(dataDir, { recursive: true, force: true });
});

const start = async () => {
  await core?.close();
  core = await createCore({ demo: 'auto', dataDir });
  return core;
};
const openPaths = async (c: HallCore) => (await c.call('modem.list', {})).filter((m) => m.state !== 'failed' && m.state !== 'closed').map((m) => m.path).sort();

describe('modems connected in the app', () => {
  it('are opened again at the next start, a disconnected one is not, and with none left it is the demo again', async () => {
    const [a, b] = modems.map((m) => m.path) as [string, string];
    let c = await start();
    expect(await openPaths(c)).toEqual(['emulator://demo']);
    await c.call('modem.connect', { path: a });
    await c.call('modem.connect', { path: b });

    c = await start();
    expect(await openPaths(c)).toEqual([a, b].sort());

    const second = (await c.call('modem.list', {})).find((m) => m.path === b)!;
    await c.call('modem.disconnect', { modemId: second.modemId });
    c = await start();
    expect(await openPaths(c)).toEqual([a]);

    const first = (await c.call('modem.list', {})).find((m) => m.path === a)!;
    await c.call('modem.disconnect', { modemId: first.modemId });
    c = await start();
    expect(await openPaths(c)).toEqual(['emulator://demo']);
  }, 90_000);

  it('a remembered port that is gone is waited for, not stood in for by the demo modem; a damaged note falls back to the demo modem', async () => {
    await writeFile(join(dataDir, 'modems.json'), JSON.stringify({ ports: ['/tmp/hall10086-no-such-modem'] }));
    expect(await openPaths(await start())).toEqual(['/tmp/hall10086-no-such-modem']);
    expect((await core!.call('modem.list', {}))[0]).toMatchObject({ state: 'reconnecting', error: { code: 'modem.absent' } });
    await writeFile(join(dataDir, 'modems.json'), '{"ports": [');
    expect(await openPaths(await start())).toEqual(['emulator://demo']);
  }, 60_000);
});

describe('one modem reached by two paths', () => {
  it('is connected once: the second path is refused, saying which one is in use, and a twin kept in modems.json is dropped at start', async () => {
    const a = modems[0]!.path;
    // A second link to the same pseudo-terminal, as /dev/serial/by-id/… is to /dev/ttyUSB2.
    const twin = join(dataDir, 'by-id-twin');
    await rm(twin, { force: true });
    await symlink(a, twin);
    await writeFile(join(dataDir, 'modems.json'), JSON.stringify({ ports: [a] }));
    const c = await start();
    await c.call('modem.connect', { path: a });
    await expect(c.call('modem.connect', { path: twin })).rejects.toMatchObject({ code: 'modem.same-device', zh: expect.stringContaining(`和已连接的 ${a} 是同一个调制解调器`) });
    expect(JSON.parse(await readFile(join(dataDir, 'modems.json'), 'utf8'))).toEqual({ ports: [a] });
    expect(await openPaths(c)).toEqual([a]);

    await writeFile(join(dataDir, 'modems.json'), JSON.stringify({ ports: [a, twin] }));
    expect(await openPaths(await start())).toEqual([a]);
    expect(JSON.parse(await readFile(join(dataDir, 'modems.json'), 'utf8'))).toEqual({ ports: [a] });
  }, 60_000);
  // The kernel gives a new pseudo-terminal the lowest free number, so a modem started right after another closed takes
  // its device's name, as the next USB modem plugged in takes /dev/ttyUSB0 (when another process takes that number
  // first, the second modem simply has another name and the case holds trivially).
  it('a modem unplugged and waited for holds no device: the next modem given its device name connects', async () => {
    await writeFile(join(dataDir, 'modems.json'), JSON.stringify({ ports: [] }));
    const c = await start();
    const stateOf = async (path: string) => (await c.call('modem.list', {})).find((m) => m.path === path)?.state;
    const first = await startPtyEmulator({ emulatorOptions: { sim: { iccid: '89860012345678900074', imsi: '460001234567007' } } });
    const byIdFirst = join(dataDir, 'by-id-first');
    const byIdSecond = join(dataDir, 'by-id-second');
    for (const link of [byIdFirst, byIdSecond]) await rm(link, { force: true });
    await symlink(first.path, byIdFirst);
    await c.call('modem.connect', { path: byIdFirst });
    await expect.poll(() => stateOf(byIdFirst), { timeout: 30_000 }).toBe('ready');
    const firstDevice = await realpath(byIdFirst);
    await first.close();
    await rm(byIdFirst);
    await expect.poll(() => stateOf(byIdFirst), { timeout: 30_000 }).toBe('reconnecting');
    const second = await startPtyEmulator({ emulatorOptions: { sim: { iccid: '89860012345678900082', imsi: '460001234567008' } } });
    try {
      await symlink(second.path, byIdSecond);
      console.info(`device names: first ${firstDevice}, second ${await realpath(byIdSecond)}`);
      await c.call('modem.connect', { path: byIdSecond });
      await expect.poll(() => stateOf(byIdSecond), { timeout: 30_000 }).toBe('ready');
    } finally {
      await second.close();
    }
  }, 90_000);
});

describe('a remembered modem being waited for', () => {
  it('is tried at once by Connect (Try now), which answers with what that attempt gave', async () => {
    const link = join(dataDir, 'plugged-later');
    await writeFile(join(dataDir, 'modems.json'), JSON.stringify({ ports: [link] }));
    const c = await start();
    expect(await c.call('modem.connect', { path: link })).toMatchObject({ state: 'reconnecting', error: { code: 'modem.absent' } });
    const plugged = await startPtyEmulator({ link, emulatorOptions: { sim: { iccid: '89860012345678900066', imsi: '460001234567006' } } });
    try {
      expect(await c.call('modem.connect', { path: link })).toMatchObject({ state: 'ready', path: link });
    } finally {
      await core?.close();
      core = null;
      await plugged.close();
    }
  }, 60_000);
});
