import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { MqttSettingsSchema } from '../../../src-shared/api/contract';
import { unseenFailures } from '../../../src-shared/fleet/sim-state';
import { MAX_ANSWERED_REFUSALS_PER_HOUR, MQTT_QUERY_ALLOW_LIST } from '../../../src-main/services/mqtt/query-commands';
import { MAX_REMOTE_SIMS } from '../../../src-main/core/fleet';
import { FAST } from '../session-kit';
import { startAedes } from './aedes-kit';
import { PASSWORD, relay, USER, type Broker } from './mosquitto-kit';
import { HOST, mqttFixture, P } from './mqtt-fixture';
import { waitFor } from './pool-kit';
import { makePki } from './tls-kit';
import { startPtyEmulator } from '../../../src-main/emulator/pty';
import { simGonePublications, topicLevel } from '../../../src-shared/fleet/mqtt-topics';
import { MAX_SWEPT_PER_CONNECT } from '../../../src-main/services/mqtt/mqtt-link';

/** A SIM's state as a host publishes it (the fields parseRemoteSim asks for). */
const stateOf = (host: string, simId: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    simId, host, modemId: null, balance: 1, generalDataLeftMb: null, dataLeftByPoolMb: {}, minutesLeft: null, points: null,
    lastUpdate: null, lastSuccessAt: null, sendFailures: 0, modemState: null, registration: null, signal: null, label: null, ...extra,
  });

/** What this host's link published with an empty payload, as the broker's own log has it (`log_type all`). */
const emptiedByApp = (log: string) => [...log.matchAll(/Received PUBLISH from hall10086-desk1-[0-9a-f]+ \([^)]*, '([^']*)', \.\.\. \(0 bytes\)\)/g)].map((m) => m[1]!);

/** Resolves once the broker has the link's subscription to this host's states: what it keeps retained of them is queued then. */
const sweepSubscribed = (b: { log(): Promise<string> }) =>
  waitFor(async () => /Received SUBSCRIBE from hall10086-desk1-[0-9a-f]+\n[^\n]*hall10086\/desk1\/sim\/\+\/state \(QoS 1\)/.test(await b.log()) || null, 'the link subscribed to its own states');

/** The link's status once it is up: connected, or connected with its command subscription refused. */
const linkUp = (c: HallCore) =>
  waitFor(async () => {
    const { status } = await c.call('mqtt.get', {});
    return status.state === 'connected' || status.state === 'no-commands' ? status : null;
  }, 'the link up');

/** The refused SUBSCRIBEs of the command topic in mosquitto's log: no grant line (`<client> <qos> <topic>`) under them. */
const refusedAsks = async (b: Broker) =>
  (await b.log()).match(/Received SUBSCRIBE from hall10086-desk1-[0-9a-f]+\n[^\n]*\thall10086\/desk1\/command \(QoS 1\)\n[^\n]*Sending SUBACK/g)?.length ?? 0;

/** A clock for the MQTT link that runs nothing by itself: it records each wait asked for, and `fire` runs the oldest. */
function recordingClock() {
  const waits: number[] = [];
  const due: (() => unknown)[] = [];
  return {
    waits,
    after(ms: number, fn: () => unknown) {
      const run = () => fn();
      waits.push(ms);
      due.push(run);
      return () => {
        if (due.includes(run)) due.splice(due.indexOf(run), 1);
      };
    },
    fire: () => due.shift()?.(),
    pending: () => due.length,
  };
}

describe('MQTT: the fleet on the broker people already run (real mosquitto)', () => {
  const { open, broker, core, subscriber, settings, sendAndRead } = mqttFixture();

  /** A core on a data folder of its own, and a modem on a real pty whose SIM answers neither ICCID nor IMSI. */
  async function unidentifiedModemCore() {
    const dir = await mkdtemp(join(tmpdir(), 'hall-mqtt-unidentified-'));
    open.dirs.push(dir);
    const pty = await startPtyEmulator({ emulatorOptions: { ...FAST, sim: { idsUnreadable: true, iccid: '89860012345678900104', imsi: '460001234567010' } } });
    const c = await HallCore.create({ dataDir: dir, demo: false });
    open.cores.push(c);
    return { c, pty };
  }

  it('is off by default and connects nowhere', async () => {
    const { core: c } = await core();
    const view = await c.call('mqtt.get', {});
    expect(view.enabled).toBe(false);
    expect(view.status.state).toBe('off');
    // The settings, what is kept (never the secrets) and the link's status: nothing the UI throws away.
    const { passwordSet, clientKeySet, status, ...settings } = view;
    expect([typeof passwordSet, typeof clientKeySet, typeof status]).toEqual(['boolean', 'boolean', 'object']);
    expect(Object.keys(settings).sort()).toEqual(Object.keys(MqttSettingsSchema.entries).filter((k) => k !== 'password' && k !== 'clientKeyPem').sort());
  });

  it('publishes each SIM retained, with Home Assistant discovery, and message events with no private text', async () => {
    const b = await broker({ auth: true });
    const { core: c, dir, simId } = await core();
    const view = await c.call('mqtt.set', { settings: settings(b.url) });
    expect(view).not.toHaveProperty('password');
    expect(view.passwordSet).toBe(true);
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected');
    const sub = await subscriber(b.url, [`${P}/#`, 'homeassistant/#'], { username: USER, password: PASSWORD });
    await sendAndRead(c, 'YE', `${P}/sim/${simId}/balance`, sub);
    await sendAndRead(c, 'CXYEG', `${P}/sim/${simId}/data_left`, sub);

    expect(Number(sub.last(`${P}/sim/${simId}/balance`))).toBeGreaterThan(0);
    expect(Number(sub.last(`${P}/sim/${simId}/data_left`))).toBeGreaterThan(0);
    expect(new Date(sub.last(`${P}/sim/${simId}/last_update`)!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(sub.last(`${P}/status`)).toBe('online');

    // A newcomer gets the figures as retained messages.
    const late = await subscriber(b.url, [`${P}/sim/+/+`], { username: USER, password: PASSWORD });
    await waitFor(() => late.messages.find((m) => m.topic.endsWith('/balance')), 'retained balance');
    expect(late.messages.filter((m) => m.topic.endsWith('/balance')).every((m) => m.retain)).toBe(true);

    const config = JSON.parse(sub.last(`homeassistant/sensor/hall10086_${HOST}/${simId}_balance/config`)!);
    expect(config).toMatchObject({
      unique_id: `hall10086_${HOST}_${simId}_balance`,
      state_topic: `${P}/sim/${simId}/balance`,
      unit_of_measurement: 'CNY',
      device_class: 'monetary',
      device: { identifiers: [`hall10086_${HOST}_${simId}`] },
    });
    const data = JSON.parse(sub.last(`homeassistant/sensor/hall10086_${HOST}/${simId}_data_left/config`)!);
    expect(data).toMatchObject({ unit_of_measurement: 'MB', device_class: 'data_size' });

    // The label becomes the device's name.
    await c.call('labels.set', { label: { simId, name: '前台', owner: '', phone: '' } });
    await waitFor(() => JSON.parse(sub.last(`homeassistant/sensor/hall10086_${HOST}/${simId}_points/config`) ?? '{}').device?.name === '前台', 'renamed device');

    const events = sub.messages.filter((m) => m.topic === `${P}/sim/${simId}/event`).map((m) => JSON.parse(m.payload));
    expect(events.some((e) => e.kind === 'figures' && e.from.endsWith('10086') && typeof e.text === 'string')).toBe(true);

    // Someone else's SMS: that it came is told, never its text, nor who wrote it (review36: their number left the machine).
    c.demo!.emulator.deliver('13912345678', '验证码 246810，请勿告诉他人');
    const privateEvent = await waitFor(
      () => sub.messages.map((m) => (m.topic.endsWith('/event') ? JSON.parse(m.payload) : null)).find((e) => e?.text === null),
      'private event',
    );
    expect(privateEvent).toMatchObject({ from: null, text: null });
    expect(sub.messages.some((m) => m.payload.includes('246810'))).toBe(false);
    expect(sub.messages.some((m) => m.payload.includes('13912345678'))).toBe(false);

    // The password is in no file but its own, and never on the broker.
    for (const name of await readdir(dir)) {
      if (name === 'mqtt-password') continue;
      const text = await readFile(join(dir, name), 'latin1').catch(() => '');
      expect(text, name).not.toContain(PASSWORD);
    }
    expect(sub.messages.some((m) => m.payload.includes(PASSWORD))).toBe(false);
  });

  it.each([
    ['while the link is connected (fleet25)', 'connected'],
    ['while MQTT is off, at the next connect (fleet26: the broker is asked what it keeps)', 'off'],
    ['while the broker cannot be reached, at the reconnect (fleet27: by the same sweep, no list of its own)', 'cut'],
  ] as const)('an unidentified SIM\'s retained topics are emptied when its modem brings up another card %s: the broker keeps no row per card', async (_when, link) => {
    const linkOff = link !== 'connected';
    const b = await broker({ auth: true });
    const line = await relay(b.port);
    const { c, pty } = await unidentifiedModemCore();
    try {
      await c.call('mqtt.set', { settings: settings(line.url) });
      await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected');
      const bringUp = async () => {
        for (const m of await c.call('modem.list', {})) await c.call('modem.disconnect', { modemId: m.modemId });
        const { modemId } = await c.call('modem.connect', { path: pty.path });
        return waitFor(async () => (await c.call('modem.list', {})).find((m) => m.modemId === modemId && m.state === 'ready')?.simId, 'the modem ready');
      };
      const first = await bringUp();
      const sub = await subscriber(b.url, [`${P}/sim/+/state`, 'homeassistant/#'], { username: USER, password: PASSWORD });
      const firstTopic = `${P}/sim/${topicLevel(first)}/state`;
      await waitFor(() => sub.last(firstTopic), 'the first insertion published');
      if (link === 'off') {
        await c.call('mqtt.set', { settings: settings(line.url, { enabled: false }) });
        await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'off', 'MQTT off');
      }
      if (link === 'cut') {
        line.cut();
        await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'offline', 'the broker out of reach');
      }
      pty.emulator.insertSim({ idsUnreadable: true, iccid: '89860012345678900112', imsi: '460001234567011' });
      const second = await bringUp();
      if (linkOff) {
        expect(c.fleet.board.list().map((s) => s.simId)).toEqual([second]);
        // The broker still holds the first insertion's state: nothing was said to it.
        expect(sub.last(firstTopic)).toMatch(/^\{/);
        if (link === 'off') await c.call('mqtt.set', { settings: settings(line.url) });
        else line.resume();
      }
      await waitFor(() => sub.last(firstTopic) === '', 'the first insertion\'s state emptied');
      await waitFor(() => sub.last(`homeassistant/sensor/hall10086_${HOST}/${topicLevel(first)}_balance/config`) === '', 'its discovery config emptied');
      // A newcomer is handed the second card's state, and nothing of the first's: a marker published on that topic
      // after subscribing comes after any retained message the broker still held for it.
      const late = await subscriber(b.url, [firstTopic, `${P}/sim/${topicLevel(second)}/state`], { username: USER, password: PASSWORD });
      await sub.client.publishAsync(firstTopic, 'marker', { qos: 1 });
      await waitFor(() => late.last(firstTopic) === 'marker', 'the marker');
      expect(late.messages.filter((m) => m.topic === firstTopic).map((m) => [m.payload, m.retain])).toEqual([['marker', false]]);
      expect(late.messages.find((m) => m.topic === `${P}/sim/${topicLevel(second)}/state`)?.retain).toBe(true);
    } finally {
      await pty.close();
      await line.close();
    }
  }, 60_000);

  it('5,000 forged retained states under this host’s prefix: one connect empties at most MAX_SWEPT_PER_CONNECT rows, says so in the log, and stays responsive', async () => {
    const b = await broker({});
    const forger = await subscriber(b.url, [`${P}/command/result`]);
    const forged = (i: number) => `unidentified:${String(i).padStart(8, '0')}@/dev/ttyUSB9`;
    const N = 5000;
    for (let i = 0; i < N - 1; i++) forger.client.publish(`${P}/sim/${topicLevel(forged(i))}/state`, stateOf(HOST, forged(i)), { qos: 0, retain: true });
    // QoS 1 last: its acknowledgement says the broker has every one before it.
    await forger.client.publishAsync(`${P}/sim/${topicLevel(forged(N - 1))}/state`, stateOf(HOST, forged(N - 1)), { qos: 1, retain: true });

    const { core: c, warnings } = await core();
    await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
    await sweepSubscribed(b);
    // Queued after the retained states the subscription brought: its answer comes once the link has read them all.
    await forger.client.publishAsync(`${P}/command`, JSON.stringify({ simId: 'x', instruction: 'KTCL', ref: 'after-the-sweep' }), { qos: 1 });
    expect((await c.call('mqtt.get', {})).status.state).toBe('connected');
    await waitFor(() => forger.last(`${P}/command/result`)?.includes('after-the-sweep') || null, 'the command after the sweep answered', 120_000);

    const perRow = simGonePublications({ baseTopic: 'hall10086', hostId: HOST }, 'homeassistant', forged(0)).length;
    const emptied = emptiedByApp(await b.log());
    expect(emptied.length).toBeLessThanOrEqual(MAX_SWEPT_PER_CONNECT * perRow);
    expect(new Set(emptied.filter((t) => t.endsWith('/state'))).size).toBe(MAX_SWEPT_PER_CONNECT);
    expect(warnings.filter((w) => w.startsWith('MQTT mqtt.sweep-capped:'))).toHaveLength(1);
    expect(warnings.find((w) => w.startsWith('MQTT mqtt.sweep-capped:'))).toMatch(/this connect empties 100, the rest at a later connect.* \/ .*其余的留到下次连接/);
  }, 180_000);

  it('a forged retained state whose id differs from a live SIM’s but maps to its topic level empties nothing of that SIM', async () => {
    // The forger's state stays on the live SIM's topic: the broker refuses the app's own publish there. That stands
    // for the forger winning the race with the app's republish at connect, every time.
    const FORGER = { user: 'forger', password: 'forger-Pa55word' };
    const b = await broker({
      auth: true,
      users: { [FORGER.user]: FORGER.password },
      acl: [
        `user ${USER}`,
        'topic readwrite hall10086/desk1/status',
        'topic readwrite hall10086/desk1/command',
        'topic readwrite hall10086/desk1/command/result',
        'topic read hall10086/desk1/sim/+/state',
        ...['balance', 'data_left', 'minutes_left', 'points', 'last_update', 'event'].map((leaf) => `topic readwrite hall10086/desk1/sim/+/${leaf}`),
        'topic readwrite homeassistant/#',
        `user ${FORGER.user}`,
        'topic readwrite #',
      ],
    });
    const { c, pty } = await unidentifiedModemCore();
    try {
      const { modemId } = await c.call('modem.connect', { path: pty.path });
      const live = await waitFor(async () => (await c.call('modem.list', {})).find((m) => m.modemId === modemId && m.state === 'ready')?.simId, 'the modem ready');
      const level = topicLevel(live);
      const twin = live.replace(/\//g, '.');
      expect([twin !== live, topicLevel(twin)]).toEqual([true, level]);
      const gone = 'unidentified:00000000@/dev/ttyUSB9';
      const forger = await subscriber(b.url, [`${P}/command/result`, 'homeassistant/#'], { username: FORGER.user, password: FORGER.password });
      await forger.client.publishAsync(`${P}/sim/${level}/state`, stateOf(HOST, twin), { qos: 1, retain: true });
      await forger.client.publishAsync(`${P}/sim/${topicLevel(gone)}/state`, stateOf(HOST, gone), { qos: 1, retain: true });

      await c.call('mqtt.set', { settings: settings(b.url, { commands: true }) });
      const config = `homeassistant/sensor/hall10086_${HOST}/${level}_balance/config`;
      await waitFor(() => forger.last(config), 'the live SIM’s discovery config');
      await sweepSubscribed(b);
      await forger.client.publishAsync(`${P}/command`, JSON.stringify({ simId: 'x', instruction: 'KTCL', ref: 'after-the-sweep' }), { qos: 1 });
      await waitFor(() => forger.last(`${P}/command/result`)?.includes('after-the-sweep') || null, 'the command after the sweep answered');

      // The row that is gone was emptied (its state too, but the broker refuses the app that topic here); the live
      // SIM's level, named by another id, was not.
      expect(emptiedByApp(await b.log())).toContain(`homeassistant/sensor/hall10086_${HOST}/${topicLevel(gone)}_balance/config`);
      expect(emptiedByApp(await b.log()).filter((t) => t.includes(level))).toEqual([]);
      expect(JSON.parse(forger.last(config)!).state_topic).toBe(`${P}/sim/${level}/balance`);
    } finally {
      await pty.close();
    }
  }, 60_000);

  it('a wrong password is refused by the broker: the link says offline and keeps trying', async () => {
    const b = await broker({ auth: true });
    const { core: c } = await core();
    await c.call('mqtt.set', { settings: settings(b.url, { password: 'wrong' }) });
    const status = await waitFor(async () => ((await c.call('mqtt.get', {})).status.code === 'mqtt.login-refused' ? (await c.call('mqtt.get', {})).status : null), 'refused');
    expect(status).toMatchObject({ state: 'offline', en: 'The MQTT broker refused the username or password.' });
  });

  it('the broker going away and coming back (without persistence) loses no published state', async () => {
    const b = await broker({ auth: true });
    const { core: c, simId } = await core();
    await c.call('mqtt.set', { settings: settings(b.url) });
    const auth = { username: USER, password: PASSWORD };
    let sub = await subscriber(b.url, [`${P}/#`], auth);
    await sendAndRead(c, 'YE', `${P}/sim/${simId}/balance`, sub);
    const balance = sub.last(`${P}/sim/${simId}/balance`);
    await sub.close();
    open.listeners.pop();

    await b.kill();
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'offline', 'offline');
    // While the broker is away, new figures come in.
    await c.call('send', { modemId: 'demo', id: 'JF' });
    await waitFor(() => c.fleet.board.get(simId)?.points != null, 'points read while offline');
    await b.restart();
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'reconnected', 30_000);

    sub = await subscriber(b.url, [`${P}/#`], auth);
    await waitFor(() => sub.last(`${P}/sim/${simId}/points`), 'retained points after restart');
    expect(sub.last(`${P}/sim/${simId}/balance`)).toBe(balance);
    expect(Number(sub.last(`${P}/sim/${simId}/points`))).toBe(c.fleet.board.get(simId)!.points);
    await waitFor(() => sub.last(`${P}/status`) === 'online', 'online again');
  });

  it('speaks MQTT over WebSocket (ws://) to the real mosquitto, with a password, and the figures reach plain MQTT subscribers', async () => {
    const b = await broker({ auth: true, ws: true });
    const { core: c, simId } = await core();
    // The plain MQTT port does not speak WebSocket: the link stays offline there.
    await c.call('mqtt.set', { settings: settings(b.url.replace('mqtt://', 'ws://')) });
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'offline', 'ws:// to the plain port refused');
    await c.call('mqtt.set', { settings: settings(b.wsUrl!) });
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected over WebSocket');
    const plain = await subscriber(b.url, [`${P}/#`], { username: USER, password: PASSWORD });
    const overWs = await subscriber(b.wsUrl!, [`${P}/sim/+/balance`], { username: USER, password: PASSWORD });
    await sendAndRead(c, 'YE', `${P}/sim/${simId}/balance`, plain);
    await waitFor(() => overWs.last(`${P}/sim/${simId}/balance`), 'balance at a WebSocket subscriber');
    expect(Number(plain.last(`${P}/sim/${simId}/balance`))).toBe(c.fleet.board.get(simId)!.balance);
    expect(overWs.last(`${P}/sim/${simId}/balance`)).toBe(plain.last(`${P}/sim/${simId}/balance`));
    expect(plain.last(`${P}/status`)).toBe('online');
  });

  it('several hosts: each under its own prefix, and one can watch the others read-only', async () => {
    const b = await broker({});
    const desk1 = await core();
    const desk2 = await core();
    await desk1.core.call('labels.set', { label: { simId: desk1.simId, name: '一号台', owner: '', phone: '' } });
    await desk1.core.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', hostId: 'desk1' }) });
    await desk2.core.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', hostId: 'desk2', watchOtherHosts: true }) });
    const sub = await subscriber(b.url, ['hall10086/+/sim/+/balance']);
    await desk1.core.call('send', { modemId: 'demo', id: 'YE' });
    await desk2.core.call('send', { modemId: 'demo', id: 'YE' });
    await waitFor(() => sub.last(`hall10086/desk1/sim/${desk1.simId}/balance`) && sub.last(`hall10086/desk2/sim/${desk2.simId}/balance`), 'both hosts');

    const seen = await waitFor(async () => {
      const sims = await desk2.core.call('fleet.sims', {});
      return sims.find((s) => s.host === 'desk1' && s.balance !== null) ?? null;
    }, "desk1's SIM on desk2");
    expect(seen.label?.name).toBe('一号台');
    expect(seen.balance).toBe(desk1.core.fleet.board.get(desk1.simId)!.balance);
    const own = (await desk2.core.call('fleet.sims', {})).filter((s) => s.host === null);
    expect(own.map((s) => s.simId)).toEqual([desk2.simId]);
    // desk1 only ever sent what it was asked to: watching is read-only.
    expect(desk1.core.demo!.emulator.sent).toHaveLength(1);
  });

  it('"知道了" on a SIM’s failed sends reaches the broker: a watching host’s badge clears too, and it cannot clear another host’s', async () => {
    const b = await broker({});
    const desk1 = await core();
    const desk2 = await core();
    await desk1.core.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', hostId: 'desk1' }) });
    await desk2.core.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', hostId: 'desk2', watchOtherHosts: true }) });
    desk1.core.demo!.emulator.fault({ kind: 'command-error', command: 'AT+CMGS', cms: 38 });
    await desk1.core.call('send', { modemId: 'demo', id: 'YE' });
    const onDesk2 = async () => (await desk2.core.call('fleet.sims', {})).find((s) => s.host === 'desk1' && s.simId === desk1.simId) ?? null;
    const failed = await waitFor(async () => ((await onDesk2())?.sendFailures === 1 ? onDesk2() : null), "desk1's failure on desk2");
    expect(unseenFailures(failed!)).toBe(1);
    // The watching host is read-only: its call marks only its own SIM of that id (the demo modems share one), never desk1's.
    const own = await desk2.core.call('fleet.seeFailures', { simId: desk1.simId, seen: 1 });
    expect([own.host, own.sendFailuresSeen]).toEqual([null, 0]);
    expect(unseenFailures((await onDesk2())!)).toBe(1);
    const sent = desk1.core.demo!.emulator.sent.length;
    await desk1.core.call('fleet.seeFailures', { simId: desk1.simId, seen: 1 });
    const cleared = await waitFor(async () => ((await onDesk2())?.sendFailuresSeen === 1 ? onDesk2() : null), 'the seen count on desk2');
    expect([cleared!.sendFailures, unseenFailures(cleared!)]).toEqual([1, 0]);
    expect(desk1.core.demo!.emulator.sent.length).toBe(sent);
  });

  it('another host’s SIM counts only on its own topic, and a flood of made-up SIMs cannot fill memory', async () => {
    const b = await broker({});
    const desk2 = await core();
    await desk2.core.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', hostId: 'desk2', watchOtherHosts: true }) });
    await waitFor(async () => (await desk2.core.call('mqtt.get', {})).status.state === 'connected', 'connected');
    const pub = await subscriber(b.url, ['nothing/here']);
    const state = stateOf;
    const remote = async () => (await desk2.core.call('fleet.sims', {})).filter((s) => s.host !== null);
    // A host allowed only its own topics (broker ACLs) posing as another host, or naming another SIM, or as this host.
    await pub.client.publishAsync('hall10086/desk1/sim/8986001/state', state('desk9', '8986001'));
    await pub.client.publishAsync('hall10086/desk1/sim/8986001/state', state('desk1', '8986002'));
    await pub.client.publishAsync('hall10086/desk1/sim/8986001/extra/state', state('desk1', '8986001'));
    await pub.client.publishAsync('hall10086/desk1/sim/8986003/state', state('desk1', '8986003', { label: { name: '<img src=x onerror=alert(1)>', owner: '', phone: '' } }));
    const honest = await waitFor(async () => (await remote()).find((s) => s.simId === '8986003') ?? null, 'the honest one');
    expect(honest.label?.name).toBe('<img src=x onerror=alert(1)>');
    expect((await remote()).map((s) => `${s.host}|${s.simId}`)).toEqual(['desk1|8986003']);

    // Made-up SIMs without end: at most MAX_REMOTE_SIMS are kept; those listed keep updating.
    for (let i = 0; i < MAX_REMOTE_SIMS + 100; i++) pub.client.publish(`hall10086/flood/sim/${i}/state`, state('flood', String(i)));
    await pub.client.publishAsync('hall10086/desk1/sim/8986003/state', state('desk1', '8986003', { balance: 2 }));
    await waitFor(async () => (await remote()).find((s) => s.simId === '8986003')?.balance === 2 || null, 'the update');
    const kept = await remote();
    expect(kept.length).toBe(MAX_REMOTE_SIMS);
    expect(kept.filter((s) => s.host === 'flood').length).toBe(MAX_REMOTE_SIMS - 1);
  });

  it('another host still on a version from before minutes kept their kind: its sum of every kind is not taken for minutes left', async () => {
    const b = await broker({});
    const desk2 = await core();
    await desk2.core.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', hostId: 'desk2', watchOtherHosts: true }) });
    await waitFor(async () => (await desk2.core.call('mqtt.get', {})).status.state === 'connected', 'connected');
    const pub = await subscriber(b.url, ['nothing/here']);
    // What 026e4fb published for real fs-2016-0312 (tests/fixtures/fleet/README.md): minutesLeft 976 = 40 + 40 闲时 + 896 集团.
    const old = JSON.parse(await readFile(join(import.meta.dirname, '../../fixtures/fleet/sim-board-026e4fb.json'), 'utf8')).sims[0];
    await pub.client.publishAsync(`hall10086/desk1/sim/${old.simId}/state`, JSON.stringify({ ...old, host: 'desk1', label: null }), { retain: true });
    const seen = await waitFor(async () => (await desk2.core.call('fleet.sims', {})).find((s) => s.host === 'desk1') ?? null, "desk1's SIM on desk2");
    expect(seen.minutesLeft).toBeNull();
    expect(seen.generalDataLeftMb).toBe(5.85);
    expect(seen.asOf).toEqual({ balance: null, data: old.lastUpdate, minutes: null, points: null });
  });

  it('a retained command is never carried out (the broker replays it at every connect and start)', async () => {
    const b = await broker({});
    const { core: c, simId } = await core();
    const sent: string[] = [];
    c.on('outgoing', (r) => r.state === 'queued' && sent.push(r.text));
    const sub = await subscriber(b.url, [`${P}/command/result`]);
    // Left on the broker by someone long gone; every new subscription gets it again.
    await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'YE', ref: 'stale' }), { qos: 1, retain: true });
    await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
    const first = await waitFor(() => sub.messages.find((m) => JSON.parse(m.payload).ref === 'stale') ?? null, 'the retained command answered');
    expect(JSON.parse(first.payload)).toMatchObject({ ok: false, code: 'mqtt.retained', instruction: 'YE' });
    // A live command still works, so the refusal above is the retain flag's doing.
    await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'JF', ref: 'live' }), { qos: 1 });
    await waitFor(() => sub.messages.find((m) => JSON.parse(m.payload).ref === 'live') ?? null, 'the live command answered');
    await waitFor(() => sent.length === 1 || null, 'one send');
    expect(sent).toEqual(['JF']);
  });

  it('a command a script sends the moment the link says connected is answered: connected comes once the command subscription is made', async () => {
    const b = await broker({});
    const { core: c, simId } = await core();
    const sub = await subscriber(b.url, [`${P}/command/result`]);
    let sentOnConnected: Promise<unknown> | undefined;
    c.on('mqtt', (view) => {
      if (view.status.state !== 'connected') return;
      sentOnConnected ??= sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'YE', ref: 'on-connected' }), { qos: 1 });
    });
    // A slow uplink holds the link's subscription on its way: a 'connected' said before it would come while the broker
    // has no subscriber for the command, and the broker (its PUBACK awaited) drops it before the subscription arrives.
    const line = await relay(b.port, { atFirstSubscribe: (release) => void Promise.resolve(sentOnConnected).then(release) });
    try {
      await c.call('mqtt.set', { settings: settings(line.url, { username: '', password: '', commands: true }) });
      const answer = await waitFor(() => sub.messages.find((m) => JSON.parse(m.payload).ref === 'on-connected') ?? null, 'the command sent on connected answered');
      expect(JSON.parse(answer.payload)).toMatchObject({ ok: true, instruction: 'YE' });
    } finally {
      await line.close();
    }
  });

  it('a broker that refuses the command subscription (SUBACK 0x87): the link says no command is heard, in zh and en, asks again, and takes commands once the ACL allows them', async () => {
    // mosquitto's dynamic-security plugin refuses as EMQX and HiveMQ do; its plain acl_file would grant and drop.
    const b = await broker({ refuseSubscribe: [`${P}/command`] });
    const { core: c, simId, warnings } = await core({ mqttCommandRetryMs: 100 });
    const sub = await subscriber(b.url, [`${P}/#`]);
    await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
    const up = await linkUp(c);
    expect(up).toMatchObject({ state: 'no-commands', code: 'mqtt.commands-refused' });
    expect(up.en).toMatch(new RegExp(`refused the subscription to the command topic ${P}/command: no command will be received.*broker's ACL`));
    expect(up.zh).toContain(`拒绝了命令主题 ${P}/command 的订阅`);
    // The figures still go out.
    await sendAndRead(c, 'YE', `${P}/sim/${simId}/balance`, sub);

    // Asked again on the same connection: mosquitto logs no grant line (`<client> <qos> <topic>`) under a refused one.
    await waitFor(async () => (await refusedAsks(b)) >= 2 || null, 'the subscription asked again');
    // The plugin disconnects every client of a role it changes (the link reconnects and asks at once; a broker that
    // does not, EMQX, is met by the asks again above): a new script publishes the command.
    await b.allowSubscribe(`${P}/command`);
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected' || null, 'connected once the broker allows the subscription');
    const script = await subscriber(b.url, [`${P}/command/result`]);
    await script.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'JF', ref: 'after-the-acl' }), { qos: 1 });
    const answer = await waitFor(() => script.messages.find((m) => JSON.parse(m.payload).ref === 'after-the-acl') ?? null, 'the command answered');
    expect(JSON.parse(answer.payload)).toMatchObject({ ok: true, instruction: 'JF' });
    // Said once in the app's log (standard error for `hall10086 serve`), however many times it was asked again.
    expect(warnings.filter((w) => w.startsWith('MQTT mqtt.commands-refused:'))).toHaveLength(1);
  });

  // mqtt31 left the schedule untested (30 s, doubling up to 10 min, again from 30 s after a reconnect). A test clock
  // records each wait the link asks for and fires it when told: the order of the waits, not their length, is checked.
  // mend40 (review37 item 5): mqtt.js does not send a refused publish again, but the link kept it among the unacknowledged
  // (text and all) until the next stop, then carried it as maybe published, and counted it at close as not published.
  it('a broker that refuses the message events (MQTT 5 PUBACK 0x87, its acl_file): each is let go, said once in the log in zh and en, never carried on', async () => {
    const b = await broker({ auth: true, acl: [`user ${USER}`, 'topic readwrite #', `topic deny ${P}/sim/+/event`] });
    const { core: c, warnings } = await core();
    await c.call('mqtt.set', { settings: settings(b.url) });
    await linkUp(c);
    await c.call('send', { modemId: 'demo', id: 'YE' });
    await c.call('send', { modemId: 'demo', id: 'JF' });
    c.demo!.emulator.deliver('13912345678', '晚上一起吃饭吗');
    await waitFor(async () => (await b.log()).match(/Sending PUBACK to hall10086-desk1-[0-9a-f]+ \(m\d+, rc135\)/g)?.length === 3 || null, 'three events refused by the broker');
    // Its acknowledgement follows theirs on the same connection: once off, the link has heard every refusal.
    await c.call('mqtt.set', { settings: settings(b.url, { enabled: false }) });
    expect(warnings.filter((w) => w.includes('mqtt.held-dropped'))).toEqual([]);
    expect(warnings.filter((w) => w.includes('mqtt.event-refused'))).toEqual([
      expect.stringMatching(new RegExp(`refused .*${P}/sim/.*/event.*0x87.* / .*拒绝.*`)),
    ]);
  });

  it('asks again for a refused command subscription after 30 s, doubling up to 10 min, and from 30 s again after the broker is stopped and started', async () => {
    const b = await broker({ refuseSubscribe: [`${P}/command`] });
    const clock = recordingClock();
    const { core: c } = await core({ mqttClock: clock });
    const states: string[] = [];
    c.on('mqtt', (view) => states.push(view.status.state));
    await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
    await waitFor(() => clock.waits.length === 1 || null, 'the first ask again planned');
    for (let asked = 1; asked <= 7; asked++) {
      await clock.fire();
      await waitFor(() => clock.waits.length === asked + 1 || null, `ask again ${asked + 1} planned`);
    }
    expect(clock.waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000]);
    // Each was a SUBSCRIBE the broker refused: the first and seven asks again.
    await waitFor(async () => (await refusedAsks(b)) >= 8 || null, 'eight refused asks in the broker log');
    expect(await refusedAsks(b)).toBe(8);

    // The broker stopped (killed) and started again on its port.
    await b.kill();
    await waitFor(() => states.at(-1) === 'offline' || null, 'the link offline');
    await b.restart();
    await waitFor(() => clock.waits.length === 9 || null, 'an ask again planned after the reconnect');
    // The wait planned before the restart was cancelled at the reconnect (which asked at once): one is pending.
    expect([clock.waits[8], clock.pending()]).toEqual([30_000, 1]);
    expect(states.filter((s, i) => s !== states[i - 1]).slice(-3)).toEqual(['no-commands', 'offline', 'no-commands']);
  });

  it('a 3.1.1 broker (aedes) that refuses the command subscription (SUBACK 0x80): the link says no command is heard', async () => {
    const b = await startAedes({ refuseSubscribe: [`${P}/command`] });
    try {
      const { core: c } = await core();
      await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
      const up = await linkUp(c);
      expect(up).toMatchObject({ state: 'no-commands', code: 'mqtt.commands-refused' });
      expect(new Set(b.accepted)).toEqual(new Set([4]));
    } finally {
      for (const c of open.cores.splice(0)) await c.close();
      await b.stop();
    }
  });

  // mqtt31: the goodbye's PUBACK cannot come once the connection is cut. mend32: nor while a connection gone silent (no
  // FIN, no RST) stays open; it closed only when keepalive noticed, so turning MQTT off (saving its settings, quitting
  // the app) waited 60 s and more. Old code, silent: still waiting at 20 s.
  it.each([
    ['ends once the connection closes (the goodbye’s PUBACK cannot come)', 'cut', 'MQTT off once the connection closed'],
    ['ends without the connection closing (the goodbye is waited for a bounded time)', 'silent', 'MQTT off with the connection still silent'],
  ] as const)('turning MQTT off while the broker has stopped answering %s', async (_, connection, what) => {
    const b = await broker({});
    const line = await relay(b.port);
    const { core: c } = await core();
    try {
      await c.call('mqtt.set', { settings: settings(line.url, { username: '', password: '' }) });
      await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected' || null, 'connected');
      const stalled = line.stall();
      let off = false;
      const turningOff = c.call('mqtt.set', { settings: settings(line.url, { username: '', password: '', enabled: false }) }).then(() => {
        off = true;
      });
      await waitFor(() => stalled.fromClients().includes(`${P}/status`) || null, 'the goodbye sent');
      if (connection === 'cut') line.cut();
      await waitFor(() => off || null, what);
      await turningOff;
      expect((await c.call('mqtt.get', {})).status.state).toBe('off');
    } finally {
      await line.close();
    }
  });

  it('a flood of refused commands is answered and logged only up to an hourly bound, so it cannot fill the disk', async () => {
    const b = await broker({});
    const { core: c, dir, simId } = await core();
    await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true, commandsPerHour: 2 }) });
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected');
    const sub = await subscriber(b.url, [`${P}/command/result`]);
    for (let i = 0; i < 500; i++) await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'KTCL', ref: String(i) }), { qos: 1 });
    await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'YE', ref: 'allowed' }), { qos: 1 });
    await waitFor(() => sub.messages.some((m) => JSON.parse(m.payload).ref === 'allowed') || null, 'the allowed query answered');
    const logLines = async () => (await readFile(join(dir, 'mqtt-commands.log'), 'utf8')).trim().split('\n').length;
    await waitFor(async () => (await logLines()) >= MAX_ANSWERED_REFUSALS_PER_HOUR + 1 || null, 'the log written');
    expect(sub.messages.length).toBe(MAX_ANSWERED_REFUSALS_PER_HOUR + 1);
    expect(await logLines()).toBe(MAX_ANSWERED_REFUSALS_PER_HOUR + 1);
  });

  it('the command topic sends only allowed read-only queries, logs each, and stops at the hourly limit', async () => {
    const b = await broker({});
    const { core: c, dir, simId } = await core();
    const sent: string[] = [];
    c.on('outgoing', (r) => r.state === 'queued' && sent.push(r.text));
    await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true, commandsPerHour: 2 }) });
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected');
    const sub = await subscriber(b.url, [`${P}/command/result`]);
    const command = (payload: unknown) => sub.client.publishAsync(`${P}/command`, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1 });
    const results = () => sub.messages.map((m) => JSON.parse(m.payload));

    // Every catalog instruction not on the allow-list, and free text, each refused.
    const catalog = (await c.call('catalog.state', {})).catalog.instructions.map((i) => i.id).filter((id) => !MQTT_QUERY_ALLOW_LIST.has(id));
    expect(catalog).toEqual(expect.arrayContaining(['TJ', 'QXGPRS', 'MMXG', 'KTCL']));
    for (const id of catalog) await command({ simId, instruction: id, ref: id });
    await command({ simId, instruction: 'MMXG', params: { oldPassword: '918273', newPassword: '564738' }, ref: 'secret' });
    await command('TJ');
    await command({ simId, text: 'TJ' });
    await waitFor(() => results().length === catalog.length + 3, 'every refusal');
    expect(results().every((r) => r.ok === false)).toBe(true);
    expect(new Set(results().map((r) => r.code))).toEqual(new Set(['mqtt.not-allowed', 'mqtt.malformed']));

    await command({ simId, instruction: 'ye', ref: 'a' });
    await command({ simId, instruction: 'JF', ref: 'b' });
    await command({ simId, instruction: 'CXYEG', ref: 'c' });
    await waitFor(() => results().length === catalog.length + 6, 'three more results');
    expect(results().slice(-3).map((r) => [r.ref, r.ok, r.code ?? null]).sort()).toEqual([
      ['a', true, null],
      ['b', true, null],
      ['c', false, 'mqtt.rate-limited'],
    ]);
    await waitFor(() => sent.length === 2, 'two sends');
    expect(sent).toEqual(['YE', 'JF']);

    const log = (await readFile(join(dir, 'mqtt-commands.log'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(log).toHaveLength(catalog.length + 6);
    expect(log.filter((l) => l.ok)).toHaveLength(2);
    expect(JSON.stringify(log)).not.toMatch(/918273|564738/);
  });

  it('a password put in a command’s own words (its ref, its SIM, its code) is neither logged nor answered in clear', async () => {
    const b = await broker({});
    const { core: c, dir, simId } = await core();
    await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected');
    const sub = await subscriber(b.url, [`${P}/command/result`]);
    const command = (payload: unknown) => sub.client.publishAsync(`${P}/command`, JSON.stringify(payload), { qos: 1 });
    await command({ simId, instruction: 'YE', ref: 'MMXG#918273#564738' });
    await command({ simId, instruction: 'MMXG', ref: 'cxyeh 918273' });
    await command({ simId, instruction: 'CXYEH918273', ref: 'r3' });
    await command({ simId: '密码 564738', instruction: 'YE', ref: 'r4' });
    await waitFor(() => sub.messages.length === 4 || null, 'four results');
    const log = await readFile(join(dir, 'mqtt-commands.log'), 'utf8');
    expect(log.trim().split('\n')).toHaveLength(4);
    for (const text of [log, JSON.stringify(sub.messages)]) expect(text).not.toMatch(/918273|564738/);
    // Still told apart: the accepted one ran, the others were refused.
    expect(sub.messages.map((m) => JSON.parse(m.payload).ok).sort()).toEqual([false, false, false, true]);
  });

  it('a command delivered again (QoS 1 redelivery, a script retrying, after a restart) sends its SMS once; a new ref sends again', async () => {
    const b = await broker({});
    const { core: first, dir, simId } = await core();
    await first.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
    await waitFor(async () => (await first.call('mqtt.get', {})).status.state === 'connected', 'connected');
    const sub = await subscriber(b.url, [`${P}/command/result`]);
    const command = (payload: unknown, dup = false) => sub.client.publishAsync(`${P}/command`, JSON.stringify(payload), { qos: 1, dup });
    const answers = (ref: string) => sub.messages.map((m) => JSON.parse(m.payload)).filter((r) => r.ref === ref);
    const queued: string[] = [];
    const count = (c: HallCore) => c.on('outgoing', (r) => r.state === 'queued' && queued.push(r.text));
    count(first);

    // Twice at once (the second while the first is still being sent), then once more with the DUP flag.
    await Promise.all([command({ simId, instruction: 'YE', ref: 'once' }), command({ simId, instruction: 'YE', ref: 'once' })]);
    await waitFor(() => answers('once').length === 2 || null, 'both deliveries answered');
    await command({ simId, instruction: 'YE', ref: 'once' }, true);
    await waitFor(() => answers('once').length === 3 || null, 'the DUP delivery answered');
    // A query is queued before it is answered: three answers in, one instruction queued.
    expect(queued).toEqual(['YE']);
    const [run, ...repeats] = answers('once').sort((a, b) => Number(a.repeat ?? false) - Number(b.repeat ?? false));
    expect(run).toMatchObject({ ok: true, instruction: 'YE' });
    expect(run.repeat).toBeUndefined();
    for (const r of repeats) expect(r).toEqual({ ...run, repeat: true });
    await waitFor(() => first.demo!.emulator.sent.length === 1 || null, 'one SMS at the modem');

    // The app restarts (the MQTT settings and the refs are in the data folder): the same command again.
    await first.close();
    open.cores.splice(open.cores.indexOf(first), 1);
    const second = await HallCore.create({ dataDir: dir, demo: true, emulatorOptions: FAST });
    open.cores.push(second);
    count(second);
    await waitFor(async () => (await second.call('mqtt.get', {})).status.state === 'connected', 'connected after the restart');
    await command({ simId, instruction: 'YE', ref: 'once' });
    await waitFor(() => answers('once').length === 4 || null, 'answered after the restart');
    expect(answers('once').at(-1)).toEqual({ ...run, repeat: true });
    expect(queued).toEqual(['YE']);

    // Another ref is another query; it runs.
    await command({ simId, instruction: 'YE', ref: 'twice' });
    await waitFor(() => answers('twice').length === 1 || null, 'a new ref answered');
    expect(answers('twice')[0]).toMatchObject({ ok: true, instruction: 'YE' });
    await waitFor(() => second.demo!.emulator.sent.length === 1 || null, 'its SMS at the modem');
    const sms = [...first.demo!.emulator.sent, ...second.demo!.emulator.sent].map((s) => [s.part.number, s.part.text]);
    expect(sms).toEqual([['10086', 'YE'], ['10086', 'YE']]);
    // The journal (both runs) holds exactly those two instructions.
    const journal = (await second.call('journal.pending', {})).outgoing;
    expect(new Set(journal.filter((r) => r.text === 'YE').map((r) => r.id)).size).toBe(2);

    // Without a ref a repeat could not be told from a new query: refused, nothing sent.
    await command({ simId, instruction: 'YE' });
    await waitFor(() => sub.messages.some((m) => JSON.parse(m.payload).code === 'mqtt.no-ref') || null, 'no ref refused');
    expect(second.demo!.emulator.sent).toHaveLength(1);
  });

  it('speaks MQTT 5 and tells the broker its largest packet: a 1 MiB message never reaches the app, a small one does', async () => {
    const b = await broker({});
    const { core: c, simId } = await core();
    await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
    await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected');
    const sub = await subscriber(b.url, [`${P}/command/result`]);
    const refs = () => sub.messages.map((m) => JSON.parse(m.payload).ref);
    // Read by the app, a 1 MiB command would be answered (malformed: its ref is too long); a v5
    // broker drops it before sending. The small one after it on the same topic comes in order.
    const big = JSON.stringify({ simId, instruction: 'YE', ref: `big${'x'.repeat(1024 * 1024)}` });
    await sub.client.publishAsync(`${P}/command`, big, { qos: 1 });
    await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'YE', ref: `big${'x'.repeat(100)}` }), { qos: 1 });
    await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'YE', ref: 'small' }), { qos: 1 });
    await waitFor(() => refs().includes('small') || null, 'the small command answered');
    expect(refs()).toEqual([expect.stringMatching(/^bigx/), 'small']);
    expect(JSON.stringify(sub.messages)).not.toContain('x'.repeat(200));
  });

  it('falls back to MQTT 3.1.1 with a broker that refuses MQTT 5 (aedes), and commands still work there', async () => {
    const b = await startAedes();
    try {
      const { core: c, simId } = await core();
      await c.call('mqtt.set', { settings: settings(b.url, { username: '', password: '', commands: true }) });
      await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected with 3.1.1');
      const sub = await subscriber(b.url, [`${P}/command/result`]);
      await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'YE', ref: 'on-311' }), { qos: 1 });
      const answer = await waitFor(() => sub.messages.find((m) => JSON.parse(m.payload).ref === 'on-311') ?? null, 'answered over 3.1.1');
      expect(JSON.parse(answer.payload)).toMatchObject({ ok: true, instruction: 'YE' });
      // Only 3.1.1 connections were ever accepted (ours and the test's subscriber).
      expect(new Set(b.accepted)).toEqual(new Set([4]));
      await sub.close();
      open.listeners.splice(open.listeners.indexOf(sub), 1);
    } finally {
      for (const c of open.cores.splice(0)) await c.close();
      await b.stop();
    }
  });

  it('the kept broker password goes only to the address it was typed for: another address needs it typed again', async () => {
    const b = await broker({ auth: true });
    const stranger = await startAedes();
    try {
      const { core: c } = await core();
      await c.call('mqtt.set', { settings: settings(b.url) });
      await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected with the password');
      // The form sends null for "keep the saved password": other settings change, the password stays.
      await c.call('mqtt.set', { settings: settings(b.url, { password: null, commandsPerHour: 5 }) });
      await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'still connected');

      // Someone at the settings page points the app at a broker of theirs, leaving the password field empty.
      const refused = await c.call('mqtt.set', { settings: settings(stranger.url, { password: null }) }).then(
        () => null,
        (e: { code: string; zh: string; en: string }) => e,
      );
      expect(refused).toMatchObject({ code: 'mqtt.password-again', zh: expect.stringMatching(/密码/), en: expect.stringMatching(/password/) });
      expect(await c.call('mqtt.get', {})).toMatchObject({ url: b.url, passwordSet: true, status: { state: 'connected' } });
      // The same address with another CA: whoever holds that CA's key could answer there.
      const pkiDir = await mkdtemp(join(tmpdir(), 'hall-mqtt-ca-'));
      const { caPem } = await makePki(pkiDir);
      await rm(pkiDir, { recursive: true, force: true });
      const otherCa = await c.call('mqtt.set', { settings: settings(b.url, { password: null, caPem }) }).then(
        () => null,
        (e: { code: string }) => e,
      );
      expect(otherCa).toMatchObject({ code: 'mqtt.password-again' });
      expect(await c.call('mqtt.get', {})).toMatchObject({ caPem: '', status: { state: 'connected' } });

      await c.call('mqtt.set', { settings: settings(stranger.url, { password: 'typed-for-this-one' }) });
      await waitFor(async () => (await c.call('mqtt.get', {})).status.state === 'connected', 'connected to the new address');
      expect(stranger.passwords).not.toContain(PASSWORD);
      expect(stranger.passwords).toContain('typed-for-this-one');
    } finally {
      for (const c of open.cores.splice(0)) await c.close();
      await stranger.stop();
    }
  });
});
