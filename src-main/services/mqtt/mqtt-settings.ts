import { createPrivateKey, X509Certificate } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { MqttSettingsSchema, type MqttSettings } from '../../../src-shared/api/contract';
import { HallError, type Bilingual } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { jsonOf, loadSettingsFile, readSettingsText } from '../settings-file';

/** The settings as kept: everything but the secrets (password, client key), each in its own file. */
export type StoredMqttSettings = Omit<MqttSettings, 'password' | 'clientKeyPem'>;

/** The write-only parts of the settings, as kept: null when none. */
export interface MqttSecrets {
  password: string | null;
  clientKey: string | null;
}

export type LoadedMqttSettings = { settings: StoredMqttSettings } & MqttSecrets;

const StoredSchema = v.strictObject({ version: v.literal(1), settings: v.omit(MqttSettingsSchema, ['password', 'clientKeyPem']) });

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

async function saveSecret(path: string, value: string | null): Promise<void> {
  if (value === '') await rm(path, { force: true });
  else if (value !== null) await writeFileAtomic(path, value);
}

/**
 * A client certificate with its key (mutual TLS): both must parse and belong together, or the
 * broker's refusal would be all the user hears. Either one alone is kept and not used.
 */
export function checkClientCert(certPem: string, keyPem: string | null): void {
  if (!certPem || !keyPem) return;
  let matches = false;
  try {
    matches = new X509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    // unreadable: said below
  }
  if (!matches) {
    throw new HallError('mqtt.bad-client-cert', {
      zh: '客户端证书或私钥无效，或二者不匹配（私钥需为未加密的 PEM）。',
      en: 'The client certificate or its private key is not valid, or they do not belong together (the key must be an unencrypted PEM).',
    });
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
    clientCertPem: '',
  };
}

/**
 * `mqtt.json` in the data folder, and the broker password and the client key beside it in
 * `mqtt-password` and `mqtt-client-key`: all readable only by the user (as the folder itself), the
 * secrets never sent back to any client and never logged. A missing file is MQTT off.
 */
export class MqttSettingsFile {
  constructor(private readonly dir: string) {}

  private get settingsPath() {
    return join(this.dir, 'mqtt.json');
  }

  private get passwordPath() {
    return join(this.dir, 'mqtt-password');
  }

  private get clientKeyPath() {
    return join(this.dir, 'mqtt-client-key');
  }

  /** A damaged mqtt.json is kept aside and said (`problem`): MQTT is off until set again; the secrets stay. */
  async load(): Promise<LoadedMqttSettings & { problem: Bilingual | null }> {
    const { value, problem } = await loadSettingsFile({
      path: this.settingsPath,
      holds: { zh: 'MQTT 设置', en: 'MQTT settings' },
      meanwhile: { zh: 'MQTT 已关闭，直到你在设置里重新填好并打开它。', en: 'MQTT is off until you fill it in and turn it on again in Settings.' },
      parse: jsonOf(StoredSchema),
    });
    const secret = async (path: string, holds: Bilingual) => (await readSettingsText({ path, holds })) || null;
    return {
      settings: value?.settings ?? defaultMqttSettings(),
      password: await secret(this.passwordPath, { zh: 'MQTT 密码', en: 'MQTT password' }),
      clientKey: await secret(this.clientKeyPath, { zh: 'MQTT 客户端私钥', en: 'MQTT client key' }),
      problem,
    };
  }

  /**
   * A secret null keeps the kept one, '' removes it. The kept password goes only to the address it
   * was typed for: the page never shows it, and pointing the app at another broker with the field
   * left empty would hand it to whoever runs that broker.
   */
  async save(settings: MqttSettings, kept: LoadedMqttSettings): Promise<LoadedMqttSettings> {
    const { password, clientKeyPem, ...stored } = settings;
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
    await saveSecret(this.passwordPath, password);
    await saveSecret(this.clientKeyPath, clientKeyPem);
    await writeFileAtomic(this.settingsPath, `${JSON.stringify({ version: 1, settings: stored }, null, 2)}\n`);
    return { settings: stored, password: secretAfter(password, kept.password), clientKey: secretAfter(clientKeyPem, kept.clientKey) };
  }
}

/** As saveSecret leaves it: null keeps the kept one, '' removes it. */
const secretAfter = (value: string | null, kept: string | null) => (value === null ? kept : value || null);
