import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';

/**
 * Aedes, an MQTT broker no one here wrote (npm `aedes`), speaks MQTT 3.1.1 only: a v5 CONNECT gets
 * CONNACK 1, "unacceptable protocol version", as from any broker that predates MQTT 5.
 */
export interface Broker311 {
  url: string;
  /** The protocol level of each CONNECT the broker accepted. */
  accepted: number[];
  /** The password each CONNECT carried (empty when none): what a broker run by someone else would learn. */
  passwords: string[];
  stop(): Promise<void>;
}

/** `refuseSubscribe`: topics a subscription to is refused (SUBACK 0x80, MQTT 3.1.1's only failure code). */
export async function startAedes(o: { refuseSubscribe?: string[] } = {}): Promise<Broker311> {
  const aedes = await Aedes.createBroker();
  aedes.authorizeSubscribe = (_client, sub, done) => done(null, o.refuseSubscribe?.includes(sub.topic) ? null : sub);
  const accepted: number[] = [];
  const passwords: string[] = [];
  aedes.on('client', (client) => accepted.push((client as unknown as { version: number }).version));
  aedes.authenticate = (_client, _username, password, done) => {
    passwords.push(password?.toString() ?? '');
    done(null, true);
  };
  const server: Server = createServer(aedes.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `mqtt://127.0.0.1:${port}`,
    accepted,
    passwords,
    async stop() {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
