import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { SimLabel } from '../../src-shared/api/contract';
import type { Bilingual } from '../../src-shared/errors';
import type { SimState } from '../../src-shared/fleet/sim-state';
import { writeFileAtomic } from '../services/atomic-write';
import { Damaged, loadSettingsFile } from '../services/settings-file';

export const METRICS_PATH = '/metrics';

export interface MetricsSource {
  /** Compared in constant time with the request's `Authorization: Bearer …`. */
  token: string;
  sims(): SimState[];
  labels(): SimLabel[];
}

/**
 * The scrape token: `metrics-token` in the data folder (mode 0600), made on first use. One that
 * cannot be read stops the start (a new one would lock out the Prometheus it was copied into); a
 * damaged one is kept aside and replaced, and said (`problem`).
 */
export async function metricsToken(dataDir: string): Promise<{ token: string; path: string; problem: Bilingual | null }> {
  const path = join(dataDir, 'metrics-token');
  const { value, problem } = await loadSettingsFile({
    path,
    holds: { zh: 'Prometheus 令牌', en: 'Prometheus token' },
    meanwhile: { zh: '已生成新令牌：请把它填进 Prometheus 的抓取配置。', en: 'a new token was made: put it in Prometheus’s scrape configuration.' },
    parse: (text) => (text.trim().length >= 32 ? text.trim() : new Damaged<string>()),
  });
  if (value !== undefined) return { token: value, path, problem };
  const token = randomBytes(32).toString('base64url');
  await writeFileAtomic(path, `${token}\n`);
  return { token, path, problem };
}

/** Both sides hashed first, so neither the compare's time nor a length mismatch tells anything about the token. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer +(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m[1]!), digest(token));
}

/** GET /metrics with the bearer token: the Prometheus text format. Anything else: 401 or 405, in two languages. */
export function serveMetrics(req: IncomingMessage, res: ServerResponse, source: MetricsSource): void {
  const plain = (status: number, text: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
    res.end(req.method === 'HEAD' ? undefined : text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, '不支持的请求方法。\nMethod not allowed.\n', { Allow: 'GET, HEAD' });
  if (!bearerMatches(req.headers.authorization, source.token)) {
    return plain(401, '需要指标令牌（Authorization: Bearer …）。\nThe metrics token is required (Authorization: Bearer …).\n', { 'WWW-Authenticate': 'Bearer' });
  }
  plain(200, renderMetrics(source.sims(), source.labels()), { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
}

/**
 * The text format has three escapes in a label value, `\\`, `\"` and `\n` (promtool refuses `\r` as an invalid escape
 * sequence). A CR left raw is a line end to readers that split on it (Node's readline, universal newlines) and moves
 * the cursor in a terminal showing the page: a CR or CRLF in a user's label is written as the line break it stands for.
 */
const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n?|\n/g, '\\n');
const labelText = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;

interface Family {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  samples: { labels: Record<string, string>; value: number }[];
}

/** Prometheus wants base units; 10086's MB are binary. */
const MB = 1024 * 1024;

const REGISTRATIONS = ['home', 'roaming', 'searching', 'denied', 'none', 'unknown'] as const;

/** Per-SIM gauges and modem health, in the Prometheus text exposition format (0.0.4). */
export function renderMetrics(sims: readonly SimState[], labels: readonly SimLabel[]): string {
  const fam = (name: string, help: string, type: Family['type'] = 'gauge'): Family => ({ name, help, type, samples: [] });
  const info = fam('hall10086_sim_info', "A SIM's label (name, owner); always 1.");
  const balance = fam('hall10086_sim_balance_yuan', 'Balance 10086 last reported, in yuan.');
  const data = fam('hall10086_sim_data_left_bytes', 'Data left 10086 last reported, by pool kind (1 MB = 1024 * 1024 bytes, as 10086 counts).');
  const minutes = fam('hall10086_sim_voice_left_seconds', 'Call time left 10086 last reported, by kind (general: the package\'s own; offpeak, group, longdistance…).');
  const points = fam('hall10086_sim_points', 'Points 10086 last reported.');
  const updated = fam('hall10086_sim_last_update_timestamp_seconds', 'When the newest reply with figures was written (Unix time).');
  const asOf = fam('hall10086_sim_figure_as_of_timestamp_seconds', "When the reply each figure is from was written (its arrival, or its service-centre stamp when delivered late; Unix time): balance, data, minutes, points.");
  const success = fam('hall10086_sim_last_success_timestamp_seconds', 'When an instruction last left the modem (Unix time).');
  const failures = fam('hall10086_sim_send_failures_total', 'Instructions that failed to send on this SIM (kept across restarts).', 'counter');
  const signal = fam('hall10086_modem_signal_dbm', "The modem's signal strength in dBm.");
  const csq = fam('hall10086_modem_signal_csq', "The modem's signal quality as AT+CSQ reports it (0-31; 99 unknown).");
  const registration = fam('hall10086_modem_registration', "1 for the modem's current network registration state, 0 for the others.");
  const up = fam('hall10086_modem_up', '1 while the modem is connected and ready.');
  const byId = new Map(labels.map((l) => [l.simId, l]));
  for (const s of [...sims].sort((a, b) => a.simId.localeCompare(b.simId))) {
    const sim = { sim: s.simId };
    const label = byId.get(s.simId);
    if (label) info.samples.push({ labels: { ...sim, name: label.name, owner: label.owner }, value: 1 });
    // A balance in another currency (HK$, £) is not yuan and is never converted: this gauge leaves it out.
    if (s.balance !== null && !s.balanceCurrency) balance.samples.push({ labels: sim, value: s.balance });
    for (const [pool, mb] of Object.entries(s.dataLeftByPoolMb)) data.samples.push({ labels: { ...sim, pool }, value: Math.round(mb * MB) });
    // Kinds of minutes (the package's own, off-peak, group…) as data's pools: each its own sample, never added up.
    for (const [pool, min] of Object.entries(s.minutesLeftByPool ?? {})) minutes.samples.push({ labels: { ...sim, pool }, value: min * 60 });
    if (s.points !== null) points.samples.push({ labels: sim, value: s.points });
    if (s.lastUpdate !== null) updated.samples.push({ labels: sim, value: s.lastUpdate / 1000 });
    for (const [figure, at] of Object.entries(s.asOf ?? {})) if (at !== null) asOf.samples.push({ labels: { ...sim, figure }, value: at / 1000 });
    if (s.lastSuccessAt !== null) success.samples.push({ labels: sim, value: s.lastSuccessAt / 1000 });
    failures.samples.push({ labels: sim, value: s.sendFailures });
    if (!s.modemId) continue;
    const modem = { ...sim, modem: s.modemId };
    up.samples.push({ labels: modem, value: s.modemState === 'ready' ? 1 : 0 });
    if (s.signal) {
      csq.samples.push({ labels: modem, value: s.signal.csq });
      if (s.signal.dbm !== null) signal.samples.push({ labels: modem, value: s.signal.dbm });
    }
    if (s.registration) for (const r of REGISTRATIONS) registration.samples.push({ labels: { ...modem, registration: r }, value: r === s.registration ? 1 : 0 });
  }
  return [info, balance, data, minutes, points, updated, asOf, success, failures, up, signal, csq, registration]
    .map((f) => [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`, ...f.samples.map((x) => `${f.name}${labelText(x.labels)} ${x.value}`)].join('\n'))
    .join('\n')
    .concat('\n');
}
