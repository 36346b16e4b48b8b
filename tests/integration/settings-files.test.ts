import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberedPort } from '../../src-main/cli/commands/serve-port';
import { HallCore } from '../../src-main/core';
import { metricsToken } from '../../src-main/server/metrics';
import { Journal } from '../../src-main/services/journal';
import { jsonOf, loadSettingsFile } from '../../src-main/services/settings-file';
import { isHallError, type HallError } from '../../src-shared/errors';
import { asNobody, NOBODY, nobodyRuns } from './as-nobody';
import { STACK_TRACE } from './cli-helpers';
import { FAST } from './session-kit';

/*
 * Every settings file in the data folder, on real files: one that cannot be read stops the start
 * (before, it read as none and the next save replaced it, without a word); a damaged one is kept
 * aside as <name>.damaged-<time> (0600) and said, and the defaults apply; a missing one is the defaults.
 */

let dir = '';
let core: HallCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

async function dataDir(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'hall-settings-'));
  await chmod(dir, 0o700);
  return dir;
}

const start = (d: string) => HallCore.create({ dataDir: d, demo: true, emulatorOptions: FAST }).then((c) => (core = c));

async function refusal(p: Promise<unknown>): Promise<HallError> {
  try {
    await p;
  } catch (e) {
    if (isHallError(e)) return e;
    throw e;
  }
  throw new Error('expected the start to be refused');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const copiesOf = async (name: string) => (await readdir(dir)).filter((n) => n.startsWith(`${name}.damaged-`));

const LABEL_SIM = '89860012345678901234';
type Check = (c: HallCore) => Promise<void>;

/** Each file, damaged as a cut-off write or an older or newer version leaves it, what the user is told they go without, and the defaults in use. */
const DAMAGED: [name: string, text: string, meanwhile: RegExp, defaults: Check][] = [
  [
    'extensions.json',
    '{"version":2,"associations":[{"id":"AbCdEfGhIjKlMnOp","extensionId":"abcdefghijklmnopabcdefghijklmnop","key":"k3Y-0f-a-pa1red-extens10n-ab12cd34',
    /every browser extension must pair again: press “Send with the desktop app” on an instruction in the extension\.$/,
    async (c) => expect(await c.call('extensions.list', {})).toEqual([]),
  ],
  // From before pairings had secrets: nobody is paired (the safe reading), and the file is not lost either.
  ['extensions.json', '{"version":1,"extensions":["abcdefghijklmnopabcdefghijklmnop"]}\n', /must pair again/, async (c) => expect(await c.call('extensions.list', {})).toEqual([])],
  // fleet27: what a recheck may answer about; none (the safe reading): no recheck is answered until replies pass again.
  [
    'extension-replies.json',
    '{"version":1,"told":[{"association":"AbCdEfGhIjKlMnOp","simId":"898600',
    /an extension is not told afterwards of a long reply passed on before that is later found possibly joined wrong\.$/,
    async (c) => expect(c.extensions.told.has('AbCdEfGhIjKlMnOp', '8986001', 0)).toBe(false),
  ],
  [
    'mqtt.json',
    '{"version":1,"settings":{"enabled":true,"url":"mqtts://broker.example:8883","username":"hall",',
    /MQTT is off until you fill it in and turn it on again in Settings\.$/,
    async (c) => expect(await c.call('mqtt.get', {})).toMatchObject({ enabled: false, url: 'mqtt://127.0.0.1:1883' }),
  ],
  [
    'catalog-settings.json',
    '{"version":1,"province":"gd","update":{"source":"https://updates.example/hall10086/","publicKey":"',
    /no province is chosen and no updates are checked until you set them again in Settings\.$/,
    async (c) => expect(await c.call('catalog.state', {})).toMatchObject({ province: null, update: { source: null, publicKey: null } }),
  ],
  [
    'schedules.json',
    `{"version":1,"schedules":[{"simId":"${LABEL_SIM}","enabled":true,"instructions":["YE"],"time":"7:30","jitterMinutes":10,"quiet":null}]}\n`,
    /no scheduled check runs until you set them again\.$/,
    async (c) => expect(await c.call('schedules.get', {})).toEqual([]),
  ],
  ['schedule-runs.json', `{"version":1,"lastRuns":{"${LABEL_SIM}":-1}}\n`, /a scheduled check that already ran today may run once more\.$/, async () => undefined],
  [
    'modems.json',
    '{"ports":["/dev/serial/by-id/usb-Quectel_EC25-if02-port0",',
    /the modems connected last time were not connected again at this start: connect them once more on the Modem page\.$/,
    async (c) => expect(c.rememberedModems.list()).toEqual([]),
  ],
];

describe('a damaged settings file', () => {
  it.each(DAMAGED)('%s (%#) is kept aside, byte for byte and 0600, said in both languages, and the defaults apply', async (name, text, meanwhile, defaults) => {
    const d = await dataDir();
    const path = join(d, name);
    // Left 0644 by an older version: the copy is the user's alone all the same (a pairings file holds keys).
    await writeFile(path, text, { mode: 0o644 });
    const c = await start(d);
    const copies = await copiesOf(name);
    expect(copies).toHaveLength(1);
    const aside = join(d, copies[0]!);
    expect(aside).toMatch(new RegExp(`^${escape(path)}\\.damaged-\\d+$`));
    expect(await readFile(aside, 'utf8')).toBe(text);
    expect((await stat(aside)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe(text);
    const notices = await c.call('core.startupNotices', {});
    const said = notices.find((n) => n.en.includes(aside));
    expect(said?.en).toMatch(new RegExp(`^The .+ file could not be read; it was kept as ${escape(aside)}, and `));
    expect(said?.en).toMatch(meanwhile);
    expect(said?.zh).toMatch(new RegExp(`文件无法读取，已另存为 ${escape(aside)}；`));
    await defaults(c);
  });

  it('a custom instructions file with a bad entry keeps the good ones in use; the copy holds both, and the next add leaves it as it was', async () => {
    const d = await dataDir();
    const good = { code: 'CXLLB', template: 'CXLLB', name: { 'zh-Hans': '查询流量包明细' } };
    const text = JSON.stringify({ format: 'hall10086.custom-instructions', version: 1, instructions: [good, { code: 'BAD CODE!', name: { en: 'x' } }] });
    await writeFile(join(d, 'custom-instructions.json'), text, { mode: 0o600 });
    const c = await start(d);
    expect((await c.call('catalog.state', {})).customs.map((x) => x.code)).toEqual(['CXLLB']);
    const said = (await c.call('core.startupNotices', {})).find((n) => n.en.startsWith('The custom instructions file'));
    expect(said?.en).toMatch(/could not be read \(1 of its entries are not valid; the others are in use\); it was kept as .*custom-instructions\.json\.damaged-\d+, and to get its instructions back, mend that copy and import it/);
    expect(said?.zh).toMatch(/^自定义指令文件无法读取（其中 1 条无效，其余照常使用），已另存为 .*custom-instructions\.json\.damaged-\d+；要找回其中的指令/);
    // Before, the bad entry was dropped silently, and the next add wrote the file without it.
    await c.call('custom.save', { entry: { code: 'KTWXB', template: 'KTWXB', name: { en: 'Turn on WeChat pack' } } });
    const copies = await copiesOf('custom-instructions.json');
    expect(copies).toHaveLength(1);
    expect(await readFile(join(d, copies[0]!), 'utf8')).toBe(text);
  });

  it('a start on the same damaged file names the copy kept before instead of making another; a file damaged anew gets its own', async () => {
    const d = await dataDir();
    const path = join(d, 'schedules.json');
    await writeFile(path, '{"version":1,"sched', { mode: 0o600 });
    const said = async () => (await (await start(d)).call('core.startupNotices', {})).find((n) => n.en.startsWith('The scheduled checks file'))?.en;
    const first = await said();
    await core!.close();
    core = null;
    expect(await said()).toBe(first);
    expect(await copiesOf('schedules.json')).toHaveLength(1);
    await core!.close();
    core = null;
    await writeFile(path, '{"version":1,"schedules":{}}');
    expect(await said()).not.toBe(first);
    expect(await copiesOf('schedules.json')).toHaveLength(2);
  });

  it('a copy made in the same millisecond as an earlier one goes beside it, never over it', async () => {
    const d = await dataDir();
    const path = join(d, 'schedules.json');
    await writeFile(path, '{"version":1,"sched', { mode: 0o600 });
    const now = Date.now();
    await writeFile(`${path}.damaged-${now}`, 'the earlier copy');
    vi.spyOn(Date, 'now').mockReturnValue(now);
    try {
      const loaded = await loadSettingsFile({ path, holds: { zh: '定时查询', en: 'scheduled checks' }, meanwhile: { zh: '', en: '' }, parse: jsonOf(v.object({})) });
      expect(loaded.problem?.en).toContain(`kept as ${path}.damaged-${now}-1,`);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await readFile(`${path}.damaged-${now}`, 'utf8')).toBe('the earlier copy');
    expect(await readFile(`${path}.damaged-${now}-1`, 'utf8')).toBe('{"version":1,"sched');
  });
});

describe('a settings file saved with a byte order mark', () => {
  // review15: Windows Notepad (before 2019) and PowerShell 5's `Out-File -Encoding utf8` start a UTF-8 file
  // with U+FEFF. The settings in it are whole: before, each such file was kept aside as damaged and its
  // settings went (no province, no SIM names), though nothing was wrong with them.
  it('is read as it is, with nothing kept aside and nothing said', async () => {
    const d = await dataDir();
    const whole = Object.fromEntries(WHOLE);
    for (const name of ['catalog-settings.json', 'sim-labels.json', 'schedules.json']) await writeFile(join(d, name), `\uFEFF${whole[name]}`, { mode: 0o600 });
    const c = await start(d);
    expect(await c.call('core.startupNotices', {})).toEqual([]);
    expect((await readdir(d)).filter((n) => n.includes('.damaged-'))).toEqual([]);
    expect(await c.call('catalog.state', {})).toMatchObject({ province: 'gd' });
    expect(c.fleet.labels.get(LABEL_SIM)?.name).toBe('前台');
  });
});

/**
 * What the files hold when whole, to show a refusal leaves them as they were. Not sim-board.json nor
 * extension-replies.json: the app does without them for a run and leaves them alone (mend28, told29; their own tests).
 */
const WHOLE: [name: string, text: string][] = [
  ['extensions.json', '{"version":2,"associations":[]}\n'],
  ['mqtt.json', '{"version":1,"settings":{"enabled":true,"url":"mqtts://broker.example:8883"}}\n'],
  ['mqtt-password', 'broker-pass\n'],
  ['mqtt-client-key', '-----BEGIN PRIVATE KEY-----\n'],
  ['catalog-settings.json', '{"version":1,"province":"gd","update":{"source":null,"publicKey":null}}\n'],
  ['custom-instructions.json', '{"format":"hall10086.custom-instructions","version":1,"instructions":[]}\n'],
  ['schedules.json', '{"version":1,"schedules":[]}\n'],
  ['schedule-runs.json', '{"version":1,"lastRuns":{}}\n'],
  ['sim-labels.json', `{"version":1,"labels":[{"simId":"${LABEL_SIM}","name":"前台","owner":"王芳","phone":"13800138000"}]}\n`],
  ['modems.json', '{"ports":["/dev/ttyUSB2"]}\n'],
];

describe('a settings file that cannot be read', () => {
  it.each(WHOLE)('%s: a folder in its place stops the start, naming it and the fix in both languages; nothing is written', async (name) => {
    const d = await dataDir();
    const path = join(d, name);
    await mkdir(path);
    await writeFile(join(path, 'inside'), 'kept');
    const error = await refusal(start(d));
    expect(error.code).toBe('settings.unreadable');
    expect(error.en).toContain(`file ${path} cannot be read (EISDIR)`);
    expect(error.en).toMatch(/Hall10086 stopped here and left it as it is\.$/);
    expect(error.zh).toContain(`文件 ${path} 无法读取（EISDIR）`);
    expect(error.action?.en).toBe(`A folder stands where the file should be: move it elsewhere (mv ${path} ${path}.folder), then try again.`);
    expect(error.action?.zh).toContain(`mv ${path} ${path}.folder`);
    expect(await readFile(join(path, 'inside'), 'utf8')).toBe('kept');
    // The journal the start opened first; no settings file, no copy.
    expect((await readdir(d)).filter((n) => !n.startsWith('journal.'))).toEqual([name]);
  });

  it.skipIf(!nobodyRuns).each(WHOLE)('%s, the user’s own but unreadable (chmod 000), stops the start with the chmod in both languages; it is not replaced (needs root, and a checkout nobody may run)', async (name, text) => {
    const d = await dataDir();
    const path = join(d, name);
    await writeFile(path, text, { mode: 0o000 });
    const journal = await Journal.open(d);
    await journal.close();
    for (const entry of await readdir(d)) await chown(join(d, entry), NOBODY, NOBODY);
    await chown(d, NOBODY, NOBODY);
    for (const [lang, words] of [
      ['en_US.UTF-8', `file ${path} cannot be read (EACCES)`],
      ['zh_CN.UTF-8', `文件 ${path} 无法读取（EACCES）`],
    ] as const) {
      const run = asNobody(['modem', 'status', '--emulator', '--data-dir', d], d, lang);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(words);
      expect(run.stderr).toContain(`chmod 600 ${path}`);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    await chmod(path, 0o600);
    expect(await readFile(path, 'utf8')).toBe(text);
    expect((await readdir(d)).filter((n) => n.includes('.damaged-') || n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the browser mode port', () => {
  it('is the one remembered, none without a file, kept aside and said when damaged, and refused when it cannot be read', async () => {
    const d = await dataDir();
    expect(await rememberedPort(d)).toEqual({ port: null, problem: null });
    await writeFile(join(d, 'browser-port'), '43117\n');
    expect(await rememberedPort(d)).toEqual({ port: 43117, problem: null });
    await writeFile(join(d, 'browser-port'), '80\n');
    const damaged = await rememberedPort(d);
    expect(damaged.port).toBeNull();
    const [copy] = await copiesOf('browser-port');
    expect(await readFile(join(d, copy!), 'utf8')).toBe('80\n');
    expect(damaged.problem?.en).toMatch(/^The browser mode port file could not be read; it was kept as .*browser-port\.damaged-\d+, and this start takes a new port\..*start with --port and the old port to see them\.$/);
    expect(damaged.problem?.zh).toMatch(/^浏览器模式端口文件无法读取，已另存为 .*browser-port\.damaged-\d+；这次换用新端口。/);
    await rm(join(d, 'browser-port'));
    await mkdir(join(d, 'browser-port'));
    expect(await refusal(rememberedPort(d))).toMatchObject({ code: 'settings.unreadable', details: { errno: 'EISDIR' } });
  });
});

describe('the Prometheus token', () => {
  it('is the one kept (it was copied into Prometheus), made when there is none, kept aside and said when damaged, and refused when it cannot be read', async () => {
    const d = await dataDir();
    const path = join(d, 'metrics-token');
    const made = await metricsToken(d);
    expect(made.problem).toBeNull();
    expect(await readFile(path, 'utf8')).toBe(`${made.token}\n`);
    expect(await metricsToken(d)).toEqual(made);
    await writeFile(path, 'cut-sho');
    const replaced = await metricsToken(d);
    expect(replaced.token).not.toBe(made.token);
    const [copy] = await copiesOf('metrics-token');
    expect(await readFile(join(d, copy!), 'utf8')).toBe('cut-sho');
    expect(replaced.problem?.en).toMatch(/^The Prometheus token file could not be read; it was kept as .*metrics-token\.damaged-\d+, and a new token was made: put it in Prometheus’s scrape configuration\.$/);
    await rm(path);
    await mkdir(path);
    expect(await refusal(metricsToken(d))).toMatchObject({ code: 'settings.unreadable', details: { errno: 'EISDIR' } });
  });
});
