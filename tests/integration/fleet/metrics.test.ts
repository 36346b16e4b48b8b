import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HallCore } from '../../../src-main/core';
import { startServer, type RunningServer } from '../../../src-main/server';
import { FAST } from '../session-kit';
import { httpRequest, launchCode, makeSite, openWelcomed } from '../server-kit';
import { launchCodeOf } from '../../../src-shared/api/ws-handshake';
import { waitFor } from './pool-kit';

const TOKEN = 'metrics-token-0123456789abcdefghijklmnop';
const promtool = spawnSync('promtool', ['--version']).status === 0;

describe('Prometheus /metrics on the serve port', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function serve(withMetrics: boolean): Promise<{ core: HallCore; server: RunningServer; simId: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'hall-metrics-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const site = await makeSite();
    cleanup.push(site.remove);
    const core = await HallCore.create({ dataDir: dir, demo: true, emulatorOptions: FAST });
    cleanup.push(() => core.close());
    const metrics = { token: TOKEN, sims: () => core.fleet.board.list(), labels: () => core.fleet.labels.list() };
    const server = await startServer({ core, staticDir: site.root, ...(withMetrics ? { metrics } : {}) });
    cleanup.push(() => server.close());
    return { core, server, simId: (await core.call('modem.list', {}))[0]!.simId! };
  }

  it('refuses every request without the bearer token, the page’s launch code and session included', async () => {
    const { server } = await serve(true);
    const ask = (headers: Record<string, string>, path = '/metrics') => httpRequest(server.port, path, headers);
    const page = await openWelcomed(`ws://127.0.0.1:${server.port}/api`, launchCode(server), { origin: `http://127.0.0.1:${server.port}` });
    page.close();
    const pageSecrets = [launchCodeOf(server.newLaunchLink())!, page.session!];
    for (const headers of [{} as Record<string, string>, { authorization: `Bearer ${TOKEN}x` }, ...pageSecrets.map((secret) => ({ authorization: `Bearer ${secret}` })), { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      const answer = await ask(headers);
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(answer.body).not.toContain('hall10086_');
      expect(answer.body).toMatch(/Bearer/);
    }
    expect((await ask({}, `/metrics?token=${pageSecrets[0]}`)).status).toBe(401);
    expect((await ask({ cookie: `hall10086_token=${pageSecrets[1]}` })).status).toBe(401);
    // A foreign Host header (DNS rebinding) is refused before the token is even looked at.
    expect((await ask({ authorization: `Bearer ${TOKEN}`, host: 'evil.example' })).status).toBe(403);
    expect((await ask({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('is not there unless asked for', async () => {
    const { server } = await serve(false);
    const answer = await httpRequest(server.port, '/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).not.toBe(200);
    expect(answer.body).not.toContain('hall10086_');
  });

  it('gives per-SIM gauges and modem health that promtool accepts', async () => {
    const { core, server, simId } = await serve(true);
    // A label pasted with line ends (CRLF, a lone CR, LF): none may end the sample's line for a reader of the page.
    await core.call('labels.set', { label: { simId, name: '前台 "A"\\1', owner: '王芳\r\n2\r3\n4', phone: '' } });
    await core.call('send', { modemId: 'demo', id: 'YE' });
    await core.call('send', { modemId: 'demo', id: 'CXYEG' });
    await waitFor(() => core.fleet.board.get(simId)?.generalDataLeftMb != null && core.fleet.board.get(simId)?.balance != null, 'figures');
    const answer = await httpRequest(server.port, '/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = answer.body;
    const state = core.fleet.board.get(simId)!;
    expect(body).toContain(`hall10086_sim_balance_yuan{sim="${simId}"} ${state.balance}`);
    // General data left is the general pool alone; the demo reply's night-time pack is its own series, never added in.
    expect(body).toContain(`hall10086_sim_data_left_bytes{sim="${simId}",pool="general"} ${Math.round(state.generalDataLeftMb! * 1024 * 1024)}`);
    expect(body).toMatch(new RegExp(`hall10086_sim_data_left_bytes\\{sim="${simId}",pool="offpeak"\\} \\d+`));
    expect(state.generalDataLeftMb).toBe(state.dataLeftByPoolMb.general);
    expect(body).toMatch(new RegExp(`hall10086_sim_last_success_timestamp_seconds\\{sim="${simId}"\\} \\d+`));
    expect(body).toContain(`hall10086_sim_send_failures_total{sim="${simId}"} 0`);
    expect(body).toMatch(/hall10086_modem_signal_dbm\{sim="\d+",modem="demo"\} -\d+/);
    expect(body).toContain(`hall10086_modem_registration{sim="${simId}",modem="demo",registration="home"} 1`);
    expect(body).not.toContain('\r');
    expect(body).toContain(`hall10086_sim_info{sim="${simId}",name="前台 \\"A\\"\\\\1",owner="王芳\\n2\\n3\\n4"} 1`);

    if (!promtool) {
      console.warn('promtool is not installed (Debian package prometheus): the format check is skipped');
      return;
    }
    const check = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
