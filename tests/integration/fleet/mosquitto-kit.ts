import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';

/**
 * The real Debian mosquitto, started by the test itself: its own config in a temp folder, on free
 * loopback ports, never a system service. Optionally a password and a TLS listener with a
 * self-signed certificate made by openssl in the same folder. No persistence: a restart forgets
 * every retained message, the worst case for "no published state lost".
 */
export interface Broker {
  port: number;
  /** The TLS listener's port, when asked for. */
  tlsPort: number | null;
  /** The self-signed certificate (its own CA), when TLS was asked for. */
  caPem: string;
  url: string;
  /** `ws://127.0.0.1:PORT`, when a WebSocket listener was asked for. */
  wsUrl: string | null;
  /** SIGKILL: the broker is gone, as a crash or a pulled cable. */
  kill(): Promise<void>;
  /** Starts it again on the same ports, with nothing retained. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const USER = 'hall';
export const PASSWORD = 'broker-Pa55word';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function listening(port: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function startBroker(o: { auth?: boolean; tls?: boolean; ws?: boolean } = {}): Promise<Broker> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-mosquitto-'));
  const port = await freePort();
  const tlsPort = o.tls ? await freePort() : null;
  const wsPort = o.ws ? await freePort() : null;
  const lines = [`listener ${port} 127.0.0.1`, 'persistence false', 'user root', `allow_anonymous ${o.auth ? 'false' : 'true'}`];
  if (o.auth) {
    execFileSync('mosquitto_passwd', ['-b', '-c', join(dir, 'passwd'), USER, PASSWORD]);
    lines.push(`password_file ${join(dir, 'passwd')}`);
  }
  let caPem = '';
  if (tlsPort) {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    caPem = await readFile(join(dir, 'cert.pem'), 'utf8');
    lines.push(`listener ${tlsPort} 127.0.0.1`, `certfile ${join(dir, 'cert.pem')}`, `keyfile ${join(dir, 'key.pem')}`);
  }
  if (wsPort) {
    // Debian's 2.0.11 has libwebsockets built in, but: with only a websockets listener it exits
    // ("Unable to start any listening sockets"; the plain listener above avoids that), and without
    // `socket_domain ipv4` its libwebsockets binds [::] (every interface) whatever address is given.
    lines.push(`listener ${wsPort} 127.0.0.1`, 'protocol websockets', 'socket_domain ipv4');
  }
  const conf = join(dir, 'mosquitto.conf');
  await writeFile(conf, `${lines.join('\n')}\n`);
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
    await listening(port);
    if (tlsPort) await listening(tlsPort);
    if (wsPort) await listening(wsPort);
  };
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  };
  await start();
  return {
    port,
    tlsPort,
    caPem,
    url: `mqtt://127.0.0.1:${port}`,
    wsUrl: wsPort ? `ws://127.0.0.1:${wsPort}` : null,
    kill,
    restart: start,
    async stop() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A subscriber of our own on the broker: every message it gets, retained ones included. */
export interface Listener {
  client: MqttClient;
  messages: { topic: string; payload: string; retain: boolean }[];
  /** The newest payload on a topic. */
  last(topic: string): string | undefined;
  close(): Promise<void>;
}

export async function listen(url: string, filters: string[], options: mqtt.IClientOptions = {}): Promise<Listener> {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, ...options });
  const messages: Listener['messages'] = [];
  client.on('message', (topic, payload, packet) => messages.push({ topic, payload: payload.toString('utf8'), retain: packet.retain }));
  await client.subscribeAsync(filters, { qos: 1 });
  return {
    client,
    messages,
    last: (topic) => messages.findLast((m) => m.topic === topic)?.payload,
    close: () => client.endAsync(true),
  };
}
