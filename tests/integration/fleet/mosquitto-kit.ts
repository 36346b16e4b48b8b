import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { waitFor } from './pool-kit';
import { makePki, type CertFiles, type Pki } from './tls-kit';

/**
 * The real Debian mosquitto, started by the test itself: its own config in a temp folder, on free
 * loopback ports, never a system service. Optionally a password, and TLS listeners whose
 * certificates openssl makes in the same folder (tls-kit.ts). No persistence: a restart forgets
 * every retained message, the worst case for "no published state lost".
 */
export interface Broker {
  port: number;
  /**
   * With `tls`: the PKI, and one listener per server certificate (MQTT over TLS), plus WebSocket over
   * TLS and one that requires a client certificate from the CA (`mutual`), both with the good one.
   */
  tls: { pki: Pki; ports: Record<TlsListener, number> } | null;
  url: string;
  /** `ws://127.0.0.1:PORT`, when a WebSocket listener was asked for. */
  wsUrl: string | null;
  /** mosquitto's own log (`log_type all`): who connected, as whom. */
  log(): Promise<string>;
  /**
   * With `refuseSubscribe`: lets anyone subscribe to that exact topic from now on (mosquitto's dynamic-security
   * plugin, told over its `$CONTROL` topic by `mosquitto_ctrl`, as an administrator fixing the broker's ACL would).
   */
  allowSubscribe(topic: string): Promise<void>;
  /** SIGKILL: the broker is gone, as a crash or a pulled cable. */
  kill(): Promise<void>;
  /** Starts it again on the same ports, with nothing retained. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const USER = 'hall';
export const PASSWORD = 'broker-Pa55word';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Debian's 2.0.11 has libwebsockets built in, but: with only a websockets listener it exits
 * ("Unable to start any listening sockets"; the plain listener always there avoids that), and
 * without `socket_domain ipv4` its libwebsockets binds [::] (every interface) whatever address is given.
 */
const WEBSOCKETS = ['protocol websockets', 'socket_domain ipv4'];

async function listening(port: number, address = '127.0.0.1', ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, address, () => {
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

export type TlsListener = 'good' | 'wrongName' | 'expired' | 'selfSigned' | 'wss' | 'mutual';

/**
 * Free loopback ports, all different: each is closed again for mosquitto to bind, so two picks can be
 * the same port (0.37 % of eight-port brokers here) and mosquitto then exits "Address already in use".
 */
async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** Thrown when mosquitto exits before listening on every port: one of them was taken meanwhile. */
class BrokerExited extends Error {}

/** mosquitto's dynamic-security plugin, shipped in Debian's mosquitto package beside the broker. */
const DYNSEC_PLUGIN = '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so';
const DYNSEC_ADMIN = { user: 'dynsec-admin', password: 'dynsec-Pa55word' };
/** The role every anonymous client has in a broker started with `refuseSubscribe`. */
const ANONYMOUS_ROLE = 'anonymous';

/**
 * `users`: more logins beside USER (with `auth`); `acl`: the lines of an `acl_file` (mosquitto.conf(5)), which then
 * decides what each login may read and write. `refuseSubscribe`: topics a subscription to is refused (SUBACK 0x87 in
 * v5, 0x80 in 3.1.1) to anonymous clients, who may do anything else. mosquitto's own `acl_file` cannot refuse one:
 * 2.0.11 grants a subscription it denies and drops the messages at delivery; its dynamic-security plugin refuses it
 * (without `auth` only: anonymous clients take the plugin's anonymous group).
 */
export async function startBroker(
  o: { auth?: boolean; tls?: boolean; ws?: boolean; address?: string; users?: Record<string, string>; acl?: string[]; refuseSubscribe?: string[] } = {},
): Promise<Broker> {
  const dir = await mkdtemp(join(tmpdir(), 'hall-mosquitto-'));
  const address = o.address ?? '127.0.0.1';
  const logPath = join(dir, 'mosquitto.log');
  if (o.auth) execFileSync('mosquitto_passwd', ['-b', '-c', join(dir, 'passwd'), USER, PASSWORD]);
  for (const [user, password] of Object.entries(o.users ?? {})) execFileSync('mosquitto_passwd', ['-b', join(dir, 'passwd'), user, password]);
  if (o.acl) await writeFile(join(dir, 'acl'), `${o.acl.join('\n')}\n`);
  const dynsec = join(dir, 'dynamic-security.json');
  if (o.refuseSubscribe) await writeDynsec(dynsec, o.refuseSubscribe);
  const pki = o.tls ? await makePki(dir) : null;
  const tlsNames: TlsListener[] = ['good', 'wrongName', 'expired', 'selfSigned', 'wss', 'mutual'];
  const conf = join(dir, 'mosquitto.conf');

  let port = 0;
  let wsPort: number | null = null;
  let tls: Broker['tls'] = null;
  /** Picks the ports and writes the config for them. */
  const configure = async () => {
    const picked = await freePorts(1 + (o.ws ? 1 : 0) + (pki ? tlsNames.length : 0));
    port = picked.shift()!;
    wsPort = o.ws ? picked.shift()! : null;
    const lines = [
      `listener ${port} ${address}`, 'persistence false', 'user root', `allow_anonymous ${o.auth ? 'false' : 'true'}`,
      `log_dest file ${logPath}`, 'log_type all',
      ...(o.auth ? [`password_file ${join(dir, 'passwd')}`] : []),
      ...(o.acl ? [`acl_file ${join(dir, 'acl')}`] : []),
      ...(o.refuseSubscribe ? [`plugin ${DYNSEC_PLUGIN}`, `plugin_opt_config_file ${dynsec}`] : []),
    ];
    if (pki) {
      const ports = Object.fromEntries(tlsNames.map((name) => [name, picked.shift()!])) as Record<TlsListener, number>;
      const listener = (name: TlsListener, files: CertFiles, extra: string[] = []) =>
        lines.push(`listener ${ports[name]} 127.0.0.1`, ...extra, `certfile ${files.cert}`, `keyfile ${files.key}`);
      listener('good', pki.good);
      listener('wrongName', pki.wrongName);
      listener('expired', pki.expired);
      listener('selfSigned', pki.selfSigned);
      listener('wss', pki.good, WEBSOCKETS);
      listener('mutual', pki.good, [`cafile ${join(dir, 'ca.pem')}`, 'require_certificate true']);
      tls = { pki, ports };
    }
    if (wsPort) lines.push(`listener ${wsPort} 127.0.0.1`, ...WEBSOCKETS);
    await writeFile(conf, `${lines.join('\n')}\n`);
  };

  let child: ChildProcess | null = null;
  /** Resolves once mosquitto listens on every port; a mosquitto that exited first is said at once, not after a 10 s wait. */
  const start = async () => {
    const c = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
    child = c;
    const exited = new Promise<never>((_, fail) => c.once('exit', (code) => fail(new BrokerExited(`mosquitto exited (${code}) before listening: a port was taken`))));
    exited.catch(() => undefined);
    await Promise.race([
      exited,
      (async () => {
        await listening(port, address);
        for (const p of Object.values(tls?.ports ?? {})) await listening(p);
        if (wsPort) await listening(wsPort);
      })(),
    ]);
  };
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  };
  // A port taken between its pick and mosquitto's bind (by another test's server, or picked twice) is
  // picked again: the test's ports are ours to choose, a broker that failed to start is no finding.
  for (let attempt = 1; ; attempt++) {
    await configure();
    try {
      await start();
      break;
    } catch (e) {
      if (!(e instanceof BrokerExited) || attempt === 3) throw e;
    }
  }
  return {
    port,
    tls,
    url: `mqtt://${address}:${port}`,
    log: () => readFile(logPath, 'utf8').catch(() => ''),
    wsUrl: wsPort ? `ws://127.0.0.1:${wsPort}` : null,
    async allowSubscribe(topic) {
      const login = ['-h', address, '-p', String(port), '-u', DYNSEC_ADMIN.user, '-P', DYNSEC_ADMIN.password];
      execFileSync('mosquitto_ctrl', [...login, 'dynsec', 'removeRoleACL', ANONYMOUS_ROLE, 'subscribeLiteral', topic]);
    },
    kill,
    restart: start,
    async stop() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The plugin's own file, as `mosquitto_ctrl dynsec init` makes it (its administrator, whose password it hashes), with
 * anonymous clients allowed everything but a subscription to `refused`.
 */
async function writeDynsec(path: string, refused: string[]): Promise<void> {
  execFileSync('mosquitto_ctrl', ['dynsec', 'init', path, DYNSEC_ADMIN.user, DYNSEC_ADMIN.password]);
  const config = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown> & { roles: unknown[] };
  config.defaultACLAccess = { publishClientSend: true, publishClientReceive: true, subscribe: true, unsubscribe: true };
  config.roles.push({ rolename: ANONYMOUS_ROLE, acls: refused.map((topic) => ({ acltype: 'subscribeLiteral', topic, priority: 1, allow: false })) });
  config.groups = [{ groupname: ANONYMOUS_ROLE, roles: [{ rolename: ANONYMOUS_ROLE }], clients: [] }];
  config.anonymousGroup = ANONYMOUS_ROLE;
  await writeFile(path, JSON.stringify(config));
}

/**
 * A TCP relay to a broker whose connections can be cut and refused for a while: the link loses the broker while the
 * broker itself keeps running and keeps its retained messages (a pulled cable, a Wi-Fi gone), unlike `kill`.
 * `atFirstSubscribe`: a slow uplink, whose client-to-broker bytes stop at the client's first SUBSCRIBE packet until
 * the hook calls `release` (the broker has accepted the connection and not yet heard what the client subscribes to).
 */
export async function relay(
  port: number,
  o: { atFirstSubscribe?: (release: () => void) => void } = {},
): Promise<{ url: string; cut(): void; resume(): void; stall(): { fromClients(): Buffer }; acceptedBefore(): Promise<number>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  /** The client's port of each connection taken, in the order taken, and those of the test's own (acceptedBefore). */
  const accepted: number[] = [];
  const probes: number[] = [];
  /** Each copy the relay makes, and whether it carries a client's bytes to the broker. */
  const pipes: { from: Socket; to: Socket; fromClient: boolean }[] = [];
  let refusing = false;
  const server = createServer((inbound) => {
    accepted.push(inbound.remotePort!);
    if (refusing) return void inbound.destroy();
    const outbound = connect(port, '127.0.0.1');
    for (const [a, b] of [[inbound, outbound], [outbound, inbound]] as const) {
      sockets.add(a);
      if (a === inbound && o.atFirstSubscribe) holdAtFirstSubscribe(a, b, o.atFirstSubscribe);
      else {
        a.pipe(b);
        pipes.push({ from: a, to: b, fromClient: a === inbound });
      }
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as { port: number };
  return {
    url: `mqtt://127.0.0.1:${own}`,
    cut() {
      refusing = true;
      for (const s of sockets) s.destroy();
    },
    resume() {
      refusing = false;
    },
    /**
     * Both ways stop, the connections left open: a broker that stopped answering, or a cable pulled that TCP has not
     * noticed yet. What clients send from now on is kept for the test to read.
     */
    stall() {
      const heard: Buffer[] = [];
      for (const { from, to, fromClient } of pipes.splice(0)) {
        from.unpipe(to);
        from.on('data', (chunk: Buffer) => fromClient && heard.push(chunk));
        // Unpiped, the stream is paused, and a new 'data' listener does not resume a paused stream.
        from.resume();
      }
      return { fromClients: () => Buffer.concat(heard) };
    },
    /**
     * How many connections the relay took before one the test makes now: every connect begun before the call is among
     * them (on the loopback the kernel queues a connection at its connect, and the relay takes them first in, first
     * out), so a count that stays put is proven, not waited out.
     */
    async acceptedBefore() {
      const probe = connect(own, '127.0.0.1');
      probe.on('error', () => undefined);
      await new Promise<void>((resolve) => probe.once('connect', resolve));
      const mine = probe.localPort!;
      const at = await waitFor(() => accepted.lastIndexOf(mine) + 1, 'the relay taking the test’s own connection');
      probe.destroy();
      // The test's own, made by an earlier call, are not counted.
      const before = accepted.slice(0, at - 1).filter((p) => !probes.includes(p)).length;
      probes.push(mine);
      return before;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Copies `from` to `to` packet by packet, and holds what follows the first SUBSCRIBE (packet type 8) until `hook` releases it. */
function holdAtFirstSubscribe(from: Socket, to: Socket, hook: (release: () => void) => void): void {
  let pending = Buffer.alloc(0);
  let state: 'passing' | 'held' | 'released' = 'passing';
  const release = () => {
    state = 'released';
    to.write(pending);
    from.pipe(to);
  };
  from.on('data', (chunk: Buffer) => {
    if (state === 'released') return;
    pending = Buffer.concat([pending, chunk]);
    if (state === 'held') return;
    for (;;) {
      // Fixed header: one byte of type and flags, then the remaining length in up to four 7-bit bytes.
      let length = 0;
      let at = 1;
      for (let shift = 0; at < pending.length; shift += 7) {
        const byte = pending[at++]!;
        length += (byte & 0x7f) << shift;
        if (!(byte & 0x80)) break;
      }
      const end = at + length;
      if (pending.length < 2 || end > pending.length || pending[at - 1]! & 0x80) return;
      if (pending[0]! >> 4 === 8) {
        state = 'held';
        from.pause();
        hook(release);
        return;
      }
      to.write(pending.subarray(0, end));
      pending = pending.subarray(end);
      if (!pending.length) return;
    }
  });
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

/**
 * A listener that accepts TCP and never answers (a broker hung after accept, a port forward to nothing that listens,
 * the wrong service on the port): what clients send is kept, and their connections stay open until they close them.
 * `answer(port)`: connections from then on are relayed to that real broker (the broker came back to life).
 */
export async function silentListener(): Promise<{
  url: string;
  /** Each connection the listener took: what the client sent, and whether the client has closed it. */
  connections: { heard: Buffer[]; closed: boolean }[];
  answer(port: number): void;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  const connections: { heard: Buffer[]; closed: boolean }[] = [];
  let answering: number | null = null;
  const server = createServer((inbound) => {
    sockets.add(inbound);
    const seen = { heard: [] as Buffer[], closed: false };
    connections.push(seen);
    inbound.on('error', () => undefined);
    inbound.on('close', () => {
      seen.closed = true;
      sockets.delete(inbound);
    });
    if (answering === null) return void inbound.on('data', (chunk: Buffer) => seen.heard.push(chunk));
    const outbound = connect(answering, '127.0.0.1');
    sockets.add(outbound);
    outbound.on('error', () => inbound.destroy());
    outbound.on('close', () => inbound.destroy());
    inbound.on('close', () => outbound.destroy());
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `mqtt://127.0.0.1:${port}`,
    connections,
    answer(to) {
      answering = to;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/**
 * An address whose TCP connect hangs, as a blackholed host's does (its SYN dropped), made on this machine: a listening
 * socket that never accepts (python's, as Node's own server always accepts), its accept queue (backlog 0: one) filled by
 * a connection of our own. The kernel then drops every further SYN, and the client's connect waits on its retries.
 * `hanging()`: the connects to it in SYN-SENT now, as `ss` lists them: the proof a connect really hangs.
 */
export async function unacceptingListener(): Promise<{ url: string; hanging(): number; close(): Promise<void> }> {
  const py = spawn('python3', ['-c', [
    'import socket, sys',
    's = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)',
    'print(s.getsockname()[1], flush=True)',
    'sys.stdin.read()',
  ].join('\n')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    py.once('error', reject);
    py.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
  });
  const filler = connect(port, '127.0.0.1');
  filler.on('error', () => undefined);
  await new Promise<void>((resolve) => filler.once('connect', resolve));
  return {
    url: `mqtt://127.0.0.1:${port}`,
    hanging: () => execFileSync('ss', ['-Htn', 'state', 'syn-sent', `( dport = :${port} )`], { encoding: 'utf8' }).split('\n').filter(Boolean).length,
    close: async () => {
      filler.destroy();
      const exited = new Promise<void>((resolve) => py.once('exit', () => resolve()));
      py.kill();
      await exited;
    },
  };
}
