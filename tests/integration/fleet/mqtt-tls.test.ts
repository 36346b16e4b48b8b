import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { describe, expect, it } from 'vitest';
import type { HallCore } from '../../../src-main/core';
import { PASSWORD, USER, type TlsListener } from './mosquitto-kit';
import { mqttFixture, P } from './mqtt-fixture';
import { waitFor } from './pool-kit';

/** A server that speaks no MQTT: it counts connections and keeps every byte that reaches it (decrypted, for TLS). */
interface Recorder {
  port: number;
  connections: number;
  /** Finished TLS handshakes (always 0 for a plain one). */
  handshakes: number;
  bytes: Buffer[];
  close(): Promise<void>;
}

async function recorder(server: Server, address: string, secureEvent: 'secureConnection' | 'connection'): Promise<Recorder> {
  const sockets = new Set<Socket>();
  const close = () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((done) => server.close(() => done()));
  };
  const r: Recorder = { port: 0, connections: 0, handshakes: 0, bytes: [], close };
  server.on('connection', (socket: Socket) => {
    r.connections++;
    sockets.add(socket);
  });
  server.on(secureEvent, (socket) => {
    if (secureEvent === 'secureConnection') r.handshakes++;
    socket.on('data', (chunk: Buffer) => r.bytes.push(chunk));
    socket.on('error', () => undefined);
  });
  server.on('tlsClientError', () => undefined);
  // Port 0, read back once bound: a port picked free and bound later could be another's by then.
  await new Promise<void>((done) => server.listen(0, address, done));
  r.port = (server.address() as AddressInfo).port;
  return r;
}

/** This machine's first address that is not loopback (the test's "another machine"), or null. */
function offLoopbackAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

const status = async (c: HallCore) => (await c.call('mqtt.get', {})).status;

describe('MQTT over TLS: the password and every answer only to the broker whose certificate checks out (real mosquitto)', () => {
  const { broker, core, subscriber, settings } = mqttFixture();

  it('mqtts:// and wss:// with the broker’s CA given: a command and its answer go end to end, with a password', async () => {
    const b = await broker({ auth: true, tls: true });
    const { caPem } = b.tls!.pki;
    const { core: c, simId, warnings } = await core();
    for (const [scheme, port] of [['mqtts', b.tls!.ports.good], ['wss', b.tls!.ports.wss]] as const) {
      const url = `${scheme}://127.0.0.1:${port}`;
      await c.call('mqtt.set', { settings: settings(url, { caPem, commands: true }) });
      await waitFor(async () => (await status(c)).state === 'connected', `connected over ${scheme}`);
      const sub = await subscriber(url, [`${P}/command/result`, `${P}/sim/+/balance`], { ca: caPem, username: USER, password: PASSWORD });
      const ref = `over-${scheme}`;
      await sub.client.publishAsync(`${P}/command`, JSON.stringify({ simId, instruction: 'YE', ref }), { qos: 1 });
      const answer = await waitFor(() => sub.messages.map((m) => (m.topic.endsWith('/result') ? JSON.parse(m.payload) : null)).find((a) => a?.ref === ref) ?? null, `answer over ${scheme}`);
      expect(answer).toMatchObject({ ok: true, instruction: 'YE', simId });
      // The reply's balance comes back over the same link.
      await waitFor(() => sub.last(`${P}/sim/${simId}/balance`), `balance over ${scheme}`);
      expect(Number(sub.last(`${P}/sim/${simId}/balance`))).toBe(c.fleet.board.get(simId)!.balance);
    }
    expect(c.demo!.emulator.sent).toHaveLength(2);
    expect(warnings).toEqual([]);
    // The broker saw our login over TLS: the log is where a CONNECT would show.
    expect(await b.log()).toMatch(/New client connected from 127\.0\.0\.1:\d+ as hall10086-desk1-\w+ \(p5, c1, k60, u'hall'\)/);
  });

  it('checks the certificate by default: an unknown CA, another name, an expired one are refused with a reason in zh and en, and no CONNECT reaches the broker', async () => {
    const b = await broker({ auth: true, tls: true });
    const { ports, pki } = b.tls!;
    const { core: c, warnings } = await core();
    const cases: [TlsListener, string, string][] = [
      ['selfSigned', '', 'mqtt.tls-untrusted'],
      ['good', '', 'mqtt.tls-untrusted'], // signed by a CA the system does not know, and none given
      ['wss', '', 'mqtt.tls-untrusted'],
      ['wrongName', pki.caPem, 'mqtt.tls-wrong-name'],
      ['expired', pki.caPem, 'mqtt.tls-expired'],
    ];
    for (const [listener, caPem, code] of cases) {
      const url = `${listener === 'wss' ? 'wss' : 'mqtts'}://127.0.0.1:${ports[listener]}`;
      await c.call('mqtt.set', { settings: settings(url, { caPem }) });
      const s = await waitFor(async () => ((await status(c)).code === code ? status(c) : null), `${listener}: ${code}`);
      expect(s.state).toBe('offline');
      expect(s.en).toContain('the password was not sent');
      expect(s.zh).toContain('密码没有发送');
      for (const text of [s.zh, s.en]) expect(text).not.toMatch(/\n|\bat \w|Error:|127\.0\.0\.1/);
      expect(warnings.filter((w) => w.startsWith(`MQTT ${code}:`)).length).toBeGreaterThan(0);
    }
    // The last link retries into the same refusal: it is logged once a link, not at every retry.
    // Each attempt leaves one line in mosquitto's log: "New connection … on port P" when its TLS
    // accept got that far, else "Client connection from … failed" (which names no port), so attempts
    // are counted by both; the earlier links were replaced, so the new ones are the last link's.
    const attempts = (text: string) => text.match(/New connection from 127\.0\.0\.1:\d+ on port \d+\.|Client connection from 127\.0\.0\.1 failed/g)?.length ?? 0;
    const seen = attempts(await b.log());
    await waitFor(async () => attempts(await b.log()) >= seen + 2 || null, 'two retries of the last link');
    expect(warnings.map((w) => w.split(':')[0])).toEqual([...Array(3).fill('MQTT mqtt.tls-untrusted'), 'MQTT mqtt.tls-wrong-name', 'MQTT mqtt.tls-expired']);
    // Each listener was reached: each refusal names what only that listener's certificate is (above).
    const log = await b.log();
    // ...and none got a CONNECT: no client, no user name.
    expect(log).not.toContain('New client connected');
    expect(log).not.toContain(`u'${USER}'`);
  });

  it('to a server with an untrusted certificate, nothing passes the handshake: no CONNECT, no password (a TLS server of our own records every byte)', async () => {
    const b = await broker({ tls: true });
    const self = b.tls!.pki.selfSigned;
    const server = createTlsServer({ key: await readFile(self.key), cert: self.pem });
    const raw = await recorder(server, '127.0.0.1', 'secureConnection');
    try {
      const { core: c } = await core();
      for (const scheme of ['mqtts', 'wss']) {
        const before = raw.connections;
        await c.call('mqtt.set', { settings: settings(`${scheme}://127.0.0.1:${raw.port}`) });
        // Tried, and tried again: not one byte got past the handshake (with the check off, the CONNECT and its password would be here).
        await waitFor(() => raw.connections >= before + 2 || null, `${scheme} tried twice`);
        expect(raw.handshakes).toBe(0);
        expect(Buffer.concat(raw.bytes).toString('latin1')).toBe('');
        expect((await status(c)).code).toBe('mqtt.tls-untrusted');
      }
    } finally {
      await raw.close();
    }
  });

  it('mutual TLS: a broker that asks for a client certificate is refused without one, works with it; the key is kept like the password', async () => {
    const b = await broker({ auth: true, tls: true });
    const { pki, ports } = b.tls!;
    const { core: c, dir } = await core();
    const url = `mqtts://127.0.0.1:${ports.mutual}`;
    await c.call('mqtt.set', { settings: settings(url, { caPem: pki.caPem }) });
    const refused = await waitFor(async () => ((await status(c)).code ? status(c) : null), 'refused without a client certificate');
    expect(refused).toMatchObject({ state: 'offline', code: 'mqtt.tls-client-cert' });

    // A key from another certificate: refused at the boundary, in words.
    const otherKey = await readFile(pki.good.key, 'utf8');
    await expect(c.call('mqtt.set', { settings: settings(url, { caPem: pki.caPem, clientCertPem: pki.client.pem, clientKeyPem: otherKey }) })).rejects.toMatchObject({
      code: 'mqtt.bad-client-cert',
      zh: expect.stringContaining('不匹配'),
    });

    const key = await readFile(pki.client.key, 'utf8');
    const view = await c.call('mqtt.set', { settings: settings(url, { caPem: pki.caPem, clientCertPem: pki.client.pem, clientKeyPem: key }) });
    expect(view).not.toHaveProperty('clientKeyPem');
    expect(view.clientKeySet).toBe(true);
    await waitFor(async () => (await status(c)).state === 'connected', 'connected with a client certificate');
    // Saved again without the key (null): the kept one stays in use.
    await c.call('mqtt.set', { settings: settings(url, { caPem: pki.caPem, clientCertPem: pki.client.pem, clientKeyPem: null, commands: true }) });
    await waitFor(async () => (await status(c)).state === 'connected', 'connected with the kept key');
    expect(JSON.stringify(await c.call('mqtt.get', {}))).not.toContain('PRIVATE KEY');
    const keyBody = key.split('\n')[1]!;
    for (const name of await readdir(dir)) {
      if (name === 'mqtt-client-key') continue;
      expect(await readFile(join(dir, name), 'latin1').catch(() => ''), name).not.toContain(keyBody);
    }
    expect((await stat(join(dir, 'mqtt-client-key'))).mode & 0o777).toBe(0o600);
  });

  const lan = offLoopbackAddress();
  it.skipIf(lan === null)(`a plain link (mqtt://, ws://) to another machine with a password is refused, nothing reaches it; allowed only when asked, then warned (${lan ?? 'no address but loopback here'})`, async () => {
    const local = await broker({ auth: true });
    const raw = await recorder(createTcpServer(), lan!, 'connection');
    try {
      const { core: c, warnings } = await core();
      for (const scheme of ['mqtt', 'ws']) {
        const view = await c.call('mqtt.set', { settings: settings(`${scheme}://${lan}:${raw.port}`) });
        expect(view.status).toMatchObject({ state: 'refused', code: 'mqtt.plaintext-password' });
        expect(view.status.en).toContain('mqtts://');
        expect(view.status.zh).toContain('明文');
      }
      expect(warnings.filter((w) => w.startsWith('MQTT mqtt.plaintext-password:'))).toHaveLength(2);
      // The same password to a broker on this machine (loopback): connects, nothing to warn about.
      await c.call('mqtt.set', { settings: settings(local.url) });
      await waitFor(async () => (await status(c)).state === 'connected', 'connected on loopback');
      expect(warnings.filter((w) => w.startsWith('MQTT mqtt.plaintext'))).toHaveLength(2);
      expect(raw.connections).toBe(0);

      // Asked for: it goes, in clear (the recorder reads the password), and the warning stays.
      await c.call('mqtt.set', { settings: settings(`mqtt://${lan}:${raw.port}`, { allowPlaintextPassword: true }) });
      expect(warnings.some((w) => w.startsWith('MQTT mqtt.plaintext-password-allowed:'))).toBe(true);
      await waitFor(() => Buffer.concat(raw.bytes).includes(PASSWORD) || null, 'the password in clear');

      // Without a password: it connects, with a warning that the figures travel in clear.
      const lanBroker = await broker({ address: lan! });
      await c.call('mqtt.set', { settings: settings(lanBroker.url, { username: '', password: '' }) });
      await waitFor(async () => (await status(c)).state === 'connected', 'connected without a password');
      expect(warnings.some((w) => w.startsWith('MQTT mqtt.plaintext:'))).toBe(true);
    } finally {
      await raw.close();
    }
  });
});
