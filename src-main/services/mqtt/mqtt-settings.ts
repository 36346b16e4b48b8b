import { X509Certificate } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { MqttSettingsSchema, type MqttSettings } from '../../../src-shared/api/contract';
import { HallError } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';

/** The settings as kept: everything but the password, which lives in its own file. */
export type StoredMqttSettings = Omit<MqttSettings, 'password'>;

const StoredSchema = v.strictObject({ version: v.literal(1), settings: v.omit(MqttSettingsSchema, ['password']) });

/**
 * The contract lets only PEM certificate blocks through; each must also be a certificate, or the
 * link would fail later with a TLS error that does not name the real cause (a damaged paste).
 */
export function checkCaPem(pem: string): void {
  for (const block of pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []) {
    try {
      new X509Certificate(block);
    } catch {
      throw new HallError('mqtt.bad-ca', {
        zh: '“信任的 CA 证书”不是有效的证书（PEM 内容损坏或不完整）。',
        en: 'The “Trusted CA certificate” is not a valid certificate (the PEM is damaged or incomplete).',
      });
    }
  }
}

/** The host's own topic level: its name, made safe for a topic. */
export function defaultHostId(): string {
  return hostname().replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || 'host';
}

export function defaultMqttSettings(): StoredMqttSettings {
  return {
    enabled: false,
    url: 'mqtt://127.0.0.1:1883',
    username: '',
    caPem: '',
    baseTopic: 'hall10086',
    hostId: defaultHostId(),
    discoveryPrefix: 'homeassistant',
    commands: false,
    watchOtherHosts: false,
    commandsPerHour: 10,
    allowPlaintextPassword: false,
  };
}

/**
 * `mqtt.json` in the data folder, and the broker password beside it in `mqtt-password`: both
 * readable only by the user (as the folder itself), the password never sent back to any client
 * and never logged. A missing or damaged file is MQTT off.
 */
export class MqttSettingsFile {
  constructor(private readonly dir: string) {}

  private get settingsPath() {
    return join(this.dir, 'mqtt.json');
  }

  private get passwordPath() {
    return join(this.dir, 'mqtt-password');
  }

  async load(): Promise<{ settings: StoredMqttSettings; password: string | null }> {
    const text = await readFile(this.settingsPath, 'utf8').catch(() => null);
    let settings = defaultMqttSettings();
    try {
      const parsed = text === null ? null : v.safeParse(StoredSchema, JSON.parse(text));
      if (parsed?.success) settings = parsed.output.settings;
    } catch {
      // damaged: off, as if never set
    }
    const password = await readFile(this.passwordPath, 'utf8').catch(() => null);
    return { settings, password: password || null };
  }

  /** `password` null keeps the kept one, '' removes it. */
  async save(settings: MqttSettings): Promise<{ settings: StoredMqttSettings; password: string | null }> {
    const { password, ...stored } = settings;
    if (password === '') await rm(this.passwordPath, { force: true });
    else if (password !== null) await writeFileAtomic(this.passwordPath, password);
    await writeFileAtomic(this.settingsPath, `${JSON.stringify({ version: 1, settings: stored }, null, 2)}\n`);
    return this.load();
  }
}
