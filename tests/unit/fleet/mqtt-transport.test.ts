import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCaPem, defaultMqttSettings, MqttSettingsFile } from '../../../src-main/services/mqtt/mqtt-settings';
import { validateRequest } from '../../../src-shared/api/validate';
import { linkFailure, transportVerdict } from '../../../src-shared/fleet/mqtt-transport';
import { selfSignedCert } from '../../integration/fleet/tls-kit';

describe('the MQTT link’s wire: encrypted, on this machine, or a password in clear', () => {
  const codes = (url: string, password: boolean, allow = false) => {
    const v = transportVerdict(url, password, allow);
    return { refused: v.refusal?.code ?? null, warnings: v.warnings.map((w) => w.code) };
  };

  it('TLS anywhere and a plain link on this machine need no warning', () => {
    for (const url of ['mqtts://broker.example:8883', 'wss://10.0.0.5/mqtt', 'mqtt://127.0.0.1:1883', 'mqtt://127.8.9.10', 'ws://localhost:9001', 'mqtt://[::1]:1883', 'MQTT://LOCALHOST']) {
      expect(codes(url, true), url).toEqual({ refused: null, warnings: [] });
    }
  });

  it('a plain link to another machine: refused with a password, unless allowed (then warned); warned without one', () => {
    for (const url of ['mqtt://192.168.1.10:1883', 'ws://homeassistant.local:1884', 'mqtt://127.0.0.1.example.com', 'mqtt://localhost.example.com', 'mqtt://evil.localhost', 'mqtt://[::2]']) {
      expect(codes(url, true), url).toEqual({ refused: 'mqtt.plaintext-password', warnings: ['mqtt.plaintext-password'] });
      expect(codes(url, true, true), url).toEqual({ refused: null, warnings: ['mqtt.plaintext-password-allowed'] });
      expect(codes(url, false), url).toEqual({ refused: null, warnings: ['mqtt.plaintext'] });
    }
  });

  it('says why a link is down: certificate failures by kind, a refused login; a plain network error is no reason of its own', () => {
    const reason = (code: unknown) => linkFailure({ code })?.code ?? null;
    expect(reason('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('mqtt.tls-untrusted');
    expect(reason('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).toBe('mqtt.tls-untrusted');
    expect(reason('SELF_SIGNED_CERT_IN_CHAIN')).toBe('mqtt.tls-untrusted');
    expect(reason('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('mqtt.tls-wrong-name');
    expect(reason('CERT_HAS_EXPIRED')).toBe('mqtt.tls-expired');
    expect(reason('CERT_NOT_YET_VALID')).toBe('mqtt.tls-expired');
    expect(reason('ERR_SSL_WRONG_VERSION_NUMBER')).toBe('mqtt.tls-failed');
    expect(reason('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED')).toBe('mqtt.tls-client-cert');
    expect(reason('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE')).toBe('mqtt.tls-client-cert');
    for (const login of [4, 5, 0x86, 0x87]) expect(reason(login)).toBe('mqtt.login-refused');
    for (const other of ['ECONNREFUSED', 'ENOTFOUND', 1, 0x84, undefined]) expect(reason(other)).toBeNull();
    // mqtt.js's connectTimeout passing with no CONNACK (mend34): a listener that took the connection and never answered.
    expect(linkFailure({ message: 'connack timeout' })?.code).toBe('mqtt.no-answer');
    expect(linkFailure({ code: 'ECONNRESET', message: 'connack timeout' })).toBeNull();
    // The same wait passing before the TCP connect went through (mend37): an address that never accepted; unknown (a
    // WebSocket link) or connected is said as before.
    expect(linkFailure({ message: 'connack timeout' }, false)?.code).toBe('mqtt.no-connection');
    expect(linkFailure({ message: 'connack timeout' }, true)?.code).toBe('mqtt.no-answer');
    expect(linkFailure({ message: 'connack timeout' }, null)?.code).toBe('mqtt.no-answer');
  });
});

describe('MQTT settings at the boundary: the new fields', () => {
  let dir = '';
  let pem = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hall-mqtt-settings-'));
    pem = (await selfSignedCert(dir)).pem;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const request = (extra: Record<string, unknown>) => ({ settings: { ...defaultMqttSettings(), password: null, ...extra } });
  const refusal = (extra: Record<string, unknown>) => {
    try {
      validateRequest('mqtt.set', request(extra));
      return null;
    } catch (e) {
      return e as { code: string; zh: string; en: string };
    }
  };

  it('the CA and client certificate fields take PEM certificates only, the key field one PEM key; a client that does not know the opt-in gets it off', () => {
    expect(refusal({ caPem: pem })).toBeNull();
    expect(refusal({ caPem: `${pem}\n${pem}` })).toBeNull();
    const bad = refusal({ caPem: 'just some text' });
    expect(bad).toMatchObject({ code: 'api.bad-request' });
    expect(bad!.en).toContain('caPem');
    expect(bad!.zh).toContain('PEM');
    expect(refusal({ caPem: pem.replace('CERTIFICATE', 'PRIVATE KEY') })).toMatchObject({ code: 'api.bad-request' });
    expect(refusal({ allowPlaintextPassword: 'yes' })).toMatchObject({ code: 'api.bad-request' });
    expect(refusal({ clientCertPem: pem, clientKeyPem: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n' })).toBeNull();
    expect(refusal({ clientCertPem: 'a certificate' })).toMatchObject({ code: 'api.bad-request' });
    expect(refusal({ clientKeyPem: 'my key' })).toMatchObject({ code: 'api.bad-request' });
    expect(refusal({ clientKeyPem: pem })).toMatchObject({ code: 'api.bad-request' });
    const { allowPlaintextPassword: _, ...older } = defaultMqttSettings();
    expect(validateRequest<'mqtt.set'>('mqtt.set', { settings: { ...older, password: null } }).params.settings.allowPlaintextPassword).toBe(false);
  });

  it('the address may not carry a user and password (it is kept and shown in clear)', () => {
    for (const url of ['mqtt://hall:secret@192.168.1.10:1883', 'mqtts://hall@broker.example', 'wss://a:b@h/mqtt']) expect(refusal({ url }), url).toMatchObject({ code: 'api.bad-request' });
    for (const url of ['mqtt://192.168.1.10:1883', 'wss://broker.example:443/mqtt', 'ws://[::1]:9001/']) expect(refusal({ url }), url).toBeNull();
  });

  it('a PEM-shaped block that is no certificate is refused with its own words', () => {
    const damaged = pem.replace(/(-----BEGIN CERTIFICATE-----\n)[A-Za-z0-9+/]{20}/, '$1AAAAAAAAAAAAAAAAAAAA');
    expect(refusal({ caPem: damaged })).toBeNull();
    expect(() => checkCaPem(damaged)).toThrow(expect.objectContaining({ code: 'mqtt.bad-ca', zh: expect.stringContaining('证书'), en: expect.stringContaining('not a valid certificate') }));
    expect(() => checkCaPem(pem)).not.toThrow();
    expect(() => checkCaPem('')).not.toThrow();
  });

  it('settings saved before the opt-in existed still load (not reset to off), with the opt-in off', async () => {
    const { allowPlaintextPassword: _, ...older } = { ...defaultMqttSettings(), enabled: true, url: 'mqtt://192.168.1.10:1883' };
    await writeFile(join(dir, 'mqtt.json'), JSON.stringify({ version: 1, settings: older }));
    const { settings } = await new MqttSettingsFile(dir).load();
    expect(settings).toMatchObject({ enabled: true, url: 'mqtt://192.168.1.10:1883', allowPlaintextPassword: false });
    expect(await readFile(join(dir, 'mqtt.json'), 'utf8')).not.toContain('allowPlaintextPassword');
  });
});
