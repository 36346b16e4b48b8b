import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { HallCore, type CoreOptions } from '../../../src-main/core';
import { defaultMqttSettings } from '../../../src-main/services/mqtt/mqtt-settings';
import type { MqttSettings } from '../../../src-shared/api/contract';
import { FAST } from '../session-kit';
import { listen, PASSWORD, startBroker, USER, type Broker, type Listener } from './mosquitto-kit';
import { waitFor } from './pool-kit';

export const HOST = 'desk1';
export const P = `hall10086/${HOST}`;

/**
 * What every MQTT test opens (real mosquitto brokers, demo cores in temp data folders, our own
 * subscribers), each closed after its test.
 */
export function mqttFixture() {
  const open: { brokers: Broker[]; listeners: Listener[]; cores: HallCore[]; dirs: string[] } = { brokers: [], listeners: [], cores: [], dirs: [] };
  afterEach(async () => {
    for (const l of open.listeners.splice(0)) await l.close();
    for (const c of open.cores.splice(0)) await c.close();
    for (const b of open.brokers.splice(0)) await b.stop();
    for (const d of open.dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  async function broker(o: Parameters<typeof startBroker>[0]): Promise<Broker> {
    const b = await startBroker(o);
    open.brokers.push(b);
    return b;
  }
  /** `warnings` collects what the core writes to its log. */
  async function core(o: Pick<CoreOptions, 'mqttCommandRetryMs' | 'mqttClock'> = {}): Promise<{ core: HallCore; dir: string; simId: string; warnings: string[] }> {
    const dir = await mkdtemp(join(tmpdir(), 'hall-mqtt-'));
    open.dirs.push(dir);
    const warnings: string[] = [];
    const c = await HallCore.create({ dataDir: dir, demo: true, emulatorOptions: FAST, warn: (line) => warnings.push(line), ...o });
    open.cores.push(c);
    const simId = (await c.call('modem.list', {}))[0]!.simId!;
    return { core: c, dir, simId, warnings };
  }
  async function subscriber(url: string, filters: string[], options = {}): Promise<Listener> {
    const l = await listen(url, filters, options);
    open.listeners.push(l);
    return l;
  }
  const settings = (url: string, extra: Partial<MqttSettings> = {}): MqttSettings => ({
    ...defaultMqttSettings(),
    enabled: true,
    url,
    hostId: HOST,
    username: USER,
    password: PASSWORD,
    clientKeyPem: null,
    ...extra,
  });
  async function sendAndRead(c: HallCore, id: string, topic: string, subscriberOf: Listener): Promise<void> {
    await c.call('send', { modemId: 'demo', id });
    await waitFor(() => subscriberOf.last(topic), `${topic} after ${id}`);
  }
  return { open, broker, core, subscriber, settings, sendAndRead };
}
