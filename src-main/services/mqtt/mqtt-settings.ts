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

  /**
   * `password` null keeps the kept one, '' removes it. Kept, it goes only to the address it was
   * typed for: the page never shows it, and pointing the app at another broker with the field left
   * empty would hand it to whoever runs that broker.
   */
  async save(settings: MqttSettings): Promise<{ settings: StoredMqttSettings; password: string | null }> {
    const { password, ...stored } = settings;
    const kept = await this.load();
    // A new CA certificate decides which server may answer at the same address: it counts as a new broker too.
    const sameBroker = stored.url.trim() === kept.settings.url.trim() && stored.caPem.trim() === kept.settings.caPem.trim();
    if (password === null && kept.password !== null && !sameBroker) {
      throw new HallError(
        'mqtt.password-again',
        {
          zh: '换了代理服务器地址或 CA 证书，请重新输入密码：保存的密码只会发给当初输入它时的服务器。',
          en: 'The broker address or CA certificate changed: type the password again. The saved password is only ever sent to the broker it was typed for.',
        },
        { details: { field: 'password' } },
      );
    }
    if (password === '') await rm(this.passwordPath, { force: true });
    else if (password !== null) await writeFileAtomic(this.passwordPath, password);
    await writeFileAtomic(this.settingsPath, `${JSON.stringify({ version: 1, settings: stored }, null, 2)}\n`);
    return this.load();
  }
}
