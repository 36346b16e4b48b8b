/**
 * What the MQTT link's address says about the wire: encrypted or not, and whether the broker is on
 * this machine. The broker password and every published figure and answer travel on this link, so
 * a plain link off this machine is worth a warning, and with a password it is refused unless the
 * user said otherwise (the settings, the link and the UI read the same verdict from here).
 */

export interface LinkNotice {
  code: string;
  zh: string;
  en: string;
}

export interface TransportVerdict {
  /** mqtts:// or wss://: TLS, with the broker's certificate checked. */
  encrypted: boolean;
  /** The host is this machine (localhost, 127.0.0.0/8, ::1): nothing crosses a network. */
  loopback: boolean;
  /** Set when the link must not connect: the password would cross a network in clear. */
  refusal: LinkNotice | null;
  /** Shown beside the settings and written to the log when the link starts. */
  warnings: LinkNotice[];
}

/** The URL's host, lower-cased, without IPv6 brackets; null when the address does not parse. */
export function brokerHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '') || null;
  } catch {
    return null;
  }
}

/** Only names that cannot leave the machine: `*.localhost` is left out, as a resolver may still send it on. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export const PLAINTEXT_PASSWORD_REFUSED: LinkNotice = {
  code: 'mqtt.plaintext-password',
  zh: '未连接：这个地址不加密（mqtt:// 或 ws://），密码会以明文经过网络。请改用 mqtts:// 或 wss://；如果确实信任这个网络，可勾选“允许明文发送密码”。',
  en: 'Not connected: this address is not encrypted (mqtt:// or ws://), so the password would cross the network in clear. Use mqtts:// or wss://, or, if you trust this network, tick “Allow the password unencrypted”.',
};

const PLAINTEXT_PASSWORD_ALLOWED: LinkNotice = {
  code: 'mqtt.plaintext-password-allowed',
  zh: '警告：密码以明文发给另一台机器上的 MQTT 服务器（已允许）。同一网络上的任何人都能看到密码、余额和回复。',
  en: 'Warning: the password is sent unencrypted to an MQTT broker on another machine (allowed in the settings). Anyone on that network can read it, and the balances and answers.',
};

const PLAINTEXT_OFF_MACHINE: LinkNotice = {
  code: 'mqtt.plaintext',
  zh: '警告：连接不加密，余额、流量和命令回复以明文经过网络。建议使用 mqtts:// 或 wss://。',
  en: 'Warning: the link is not encrypted; balances, data and command answers cross the network in clear. mqtts:// or wss:// is advised.',
};

export function transportVerdict(url: string, passwordSet: boolean, allowPlaintextPassword: boolean): TransportVerdict {
  const encrypted = /^(?:mqtts|wss):/i.test(url);
  const host = brokerHost(url);
  const loopback = host !== null && isLoopbackHost(host);
  if (encrypted || loopback) return { encrypted, loopback, refusal: null, warnings: [] };
  if (!passwordSet) return { encrypted, loopback, refusal: null, warnings: [PLAINTEXT_OFF_MACHINE] };
  if (!allowPlaintextPassword) return { encrypted, loopback, refusal: PLAINTEXT_PASSWORD_REFUSED, warnings: [PLAINTEXT_PASSWORD_REFUSED] };
  return { encrypted, loopback, refusal: null, warnings: [PLAINTEXT_PASSWORD_ALLOWED] };
}

/** Node's certificate check failures, as the user should read them. The password is never sent after one. */
const TLS_REASONS: { codes: string[]; notice: LinkNotice }[] = [
  {
    codes: ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_SIGNATURE_FAILURE', 'CERT_UNTRUSTED'],
    notice: {
      code: 'mqtt.tls-untrusted',
      zh: 'MQTT 服务器的证书不可信（自签名或签发机构未知），已断开，密码没有发送。如果是自己的服务器，请在“信任的 CA 证书”里粘贴签发它的 CA 证书。',
      en: 'The MQTT broker’s certificate is not trusted (self-signed or from an unknown CA); disconnected, the password was not sent. For your own broker, paste the CA that signed it under “Trusted CA certificate”.',
    },
  },
  {
    codes: ['ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_TLS_CERT_ALTNAME_FORMAT', 'HOSTNAME_MISMATCH'],
    notice: {
      code: 'mqtt.tls-wrong-name',
      zh: 'MQTT 服务器证书上的名字与地址里的主机名不符，已断开，密码没有发送。请使用证书上写的主机名。',
      en: 'The MQTT broker’s certificate is for another name than the host in the address; disconnected, the password was not sent. Use the host name the certificate names.',
    },
  },
  {
    codes: ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'],
    notice: {
      code: 'mqtt.tls-expired',
      zh: 'MQTT 服务器的证书已过期（或尚未生效），已断开，密码没有发送。请更新服务器的证书，或检查本机时间。',
      en: 'The MQTT broker’s certificate has expired (or is not valid yet); disconnected, the password was not sent. Renew the broker’s certificate, or check this computer’s clock.',
    },
  },
];

/**
 * The broker's own alert about our certificate (mutual TLS). With TLS 1.3 it comes after our side
 * finished, so the CONNECT may have gone, to a broker whose certificate checked out: not said unsent.
 */
const CLIENT_CERT_REFUSED: LinkNotice = {
  code: 'mqtt.tls-client-cert',
  zh: 'MQTT 服务器要求客户端证书，或不接受所给的证书。请在设置里填写它的 CA 签发的客户端证书和私钥。',
  en: 'The MQTT broker asks for a client certificate, or does not accept the one given. Set a client certificate and key its CA signed.',
};

const TLS_FAILED: LinkNotice = {
  code: 'mqtt.tls-failed',
  zh: '与 MQTT 服务器的加密连接没有建立（TLS 握手失败）。',
  en: 'The encrypted connection to the MQTT broker failed (TLS handshake).',
};

const LOGIN_REFUSED: LinkNotice = {
  code: 'mqtt.login-refused',
  zh: 'MQTT 服务器拒绝了用户名或密码。',
  en: 'The MQTT broker refused the username or password.',
};

/**
 * How long the link waits for the broker's answer to its CONNECT before it closes the connection and tries again (mqtt.js's
 * connectTimeout). A listener that accepts TCP and never answers (a broker hung after accept, a port forward to nothing, another
 * service on the port) would otherwise hold the link at "connecting" for as long as the socket stays open (mend34). The wait
 * starts with the TCP connect (mqtt.js writes the CONNECT into the socket before it is open), so it bounds a connect that
 * hangs too (a blackholed address), which the OS gives up on only after its SYN retries, minutes later (mend37).
 */
export const CONNECT_ANSWER_WAIT_MS = 10_000;

const NO_ANSWER: LinkNotice = {
  code: 'mqtt.no-answer',
  zh: `MQTT 服务器接受了连接，但 ${CONNECT_ANSWER_WAIT_MS / 1000} 秒内没有回应登录：可能这个端口不是 MQTT 服务，或服务器卡住了。稍后自动重连。`,
  en: `The MQTT broker accepted the connection but did not answer the login within ${CONNECT_ANSWER_WAIT_MS / 1000} s: the port may be another service's, or the broker is stuck. Reconnecting shortly.`,
};

const NO_CONNECTION: LinkNotice = {
  code: 'mqtt.no-connection',
  zh: `MQTT 服务器 ${CONNECT_ANSWER_WAIT_MS / 1000} 秒内没有接受连接（没有任何回应）：可能地址或端口不对、主机没开机，或防火墙丢弃了连接。稍后自动重连。`,
  en: `The MQTT broker did not accept the connection within ${CONNECT_ANSWER_WAIT_MS / 1000} s (no answer at all): the address or port may be wrong, the host off, or a firewall dropping the connection. Reconnecting shortly.`,
};

/** CONNACK codes for a refused login: 3.1.1 (4, 5) and MQTT 5 (0x86 bad user name or password, 0x87 not authorised). */
const LOGIN_REFUSED_CODES = new Set([4, 5, 0x86, 0x87]);

/**
 * Why the link is down, from the error mqtt.js reports; null when it is only unreachable (it retries). `connected`: whether
 * the TCP connect of the attempt went through, when known (not for a WebSocket link, whose socket mqtt.js does not show).
 */
export function linkFailure(error: { code?: unknown; message?: unknown }, connected: boolean | null = null): LinkNotice | null {
  const code = error.code;
  // mqtt.js's own words when connectTimeout passes with no CONNACK; the error carries no code.
  if (code === undefined && error.message === 'connack timeout') return connected === false ? NO_CONNECTION : NO_ANSWER;
  if (typeof code === 'number') return LOGIN_REFUSED_CODES.has(code) ? LOGIN_REFUSED : null;
  if (typeof code !== 'string') return null;
  const known = TLS_REASONS.find((r) => r.codes.includes(code));
  if (known) return known.notice;
  if (/_ALERT_(?:CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|HANDSHAKE_FAILURE)$/.test(code)) return CLIENT_CERT_REFUSED;
  return /^(?:ERR_SSL_|ERR_TLS_|EPROTO$)|CERT/.test(code) ? TLS_FAILED : null;
}
