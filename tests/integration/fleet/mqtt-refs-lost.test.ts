import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { FAST } from '../session-kit';
import { P, mqttFixture } from './mqtt-fixture';
import { waitFor } from './pool-kit';

/**
 * mend47 (review40's suspicion): the record of MQTT command refs carried out is the only thing that stops a command the
 * broker or a script delivers again from sending its SMS again. Read as empty when it was damaged or unreadable, it let
 * a repeat through. Real mosquitto, demo cores on one data folder, started again as after a crash.
 */
describe('MQTT: a damaged or unreadable record of command refs fails closed', () => {
  const { open, broker, subscriber, settings } = mqttFixture();

  async function start(dir: string) {
    const c = await HallCore.create({ dataDir: dir, demo: true, emulatorOptions: FAST, warn: () => undefined });
    open.cores.push(c);
    const sent: string[] = [];
    c.on('outgoing', (r) => r.state === 'queued' && sent.push(r.text));
    const simId = (await c.call('modem.list', {}))[0]!.simId!;
    return { c, sent, simId };
  }

  /** A core that carried out the query with ref `once`, then stopped: the data folder and the broker. */
  async function ranOnce() {
    const b = await broker({});
    const dir = await mkdtemp(join(tmpdir(), 'hall-mqtt-refs-'));
    open.dirs.push(dir);
    const sub = await subscriber(b.url, [`${P}/command/result`]);
    const first = await start(dir);
    await first.c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
    await waitFor(async () => (await first.c.call('mqtt.get', {})).status.state === 'connected', 'connected');
    await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId: first.simId, instruction: 'YE', ref: 'once' }), { qos: 1 });
    await waitFor(() => sub.messages.find((m) => JSON.parse(m.payload).ref === 'once') ?? null, 'the first answer');
    expect(first.sent).toEqual(['YE']);
    await first.c.close();
    open.cores.splice(open.cores.indexOf(first.c), 1);
    sub.messages.length = 0;
    return { dir, sub, path: join(dir, 'mqtt-command-refs.json') };
  }

  /** The next start: its notices, and the answers to `once` again and to a ref never seen. */
  async function repeatAfterRestart(dir: string, sub: Awaited<ReturnType<typeof ranOnce>>['sub']) {
    const again = await start(dir);
    const notices = await again.c.call('core.startupNotices', {});
    await waitFor(async () => (await again.c.call('mqtt.get', {})).status.state === 'connected', 'connected again');
    for (const ref of ['once', 'fresh']) await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId: again.simId, instruction: 'YE', ref }), { qos: 1 });
    const answers = await waitFor(() => (sub.messages.length >= 2 ? sub.messages.map((m) => JSON.parse(m.payload) as Record<string, unknown>) : null), 'both answered');
    return { notices, answers, sent: again.sent };
  }

  it('damaged (cut short): kept aside, said at start in zh and en, and no ref it cannot prove new is carried out', async () => {
    const { dir, sub, path } = await ranOnce();
    const whole = await readFile(path, 'utf8');
    await writeFile(path, whole.slice(0, Math.floor(whole.length / 2)));
    const { notices, answers, sent } = await repeatAfterRestart(dir, sub);
    expect(answers.map((a) => [a.ref, a.ok, a.code]).sort()).toEqual([
      ['fresh', false, 'mqtt.ref-unproven'],
      ['once', false, 'mqtt.ref-unproven'],
    ]);
    expect(answers.find((a) => a.ref === 'once')!.zh).toContain('无法证明这个 ref 没有执行过');
    expect(sent).toEqual([]);
    const kept = (await readdir(dir)).filter((n) => n.startsWith('mqtt-command-refs.json.damaged-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe(whole.slice(0, Math.floor(whole.length / 2)));
    const notice = notices.find((n) => n.en.includes('MQTT command refs'));
    expect(notice?.en).toMatch(/kept as .*mqtt-command-refs\.json\.damaged-.*mqtt\.ref-unproven/);
    expect(notice?.zh).toMatch(/MQTT 命令 ref 记录文件无法读取.*已另存为.*mqtt\.ref-unproven/);
  });

  it('unreadable (a folder in its place): left as it is, said at start, and no command is carried out this run', async () => {
    const { dir, sub, path } = await ranOnce();
    await rm(path);
    await mkdir(path);
    const { notices, answers, sent } = await repeatAfterRestart(dir, sub);
    expect(answers.map((a) => [a.ref, a.ok, a.code]).sort()).toEqual([
      ['fresh', false, 'mqtt.ref-unproven'],
      ['once', false, 'mqtt.ref-unproven'],
    ]);
    expect(sent).toEqual([]);
    const notice = notices.find((n) => n.en.includes('MQTT command refs'));
    expect(notice?.en).toMatch(/cannot be read \(EISDIR\).*no MQTT query is carried out/);
    expect(notice?.zh).toContain('不执行任何 MQTT 查询');
  });
});
