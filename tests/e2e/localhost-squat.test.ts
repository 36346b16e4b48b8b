import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/server';
import { ScriptedCore, STANDARD_SCRIPT } from '../unit/api/scripted-core';
import { makeSite } from '../integration/server-kit';
import { launchChromium } from './app-kit';

/**
 * `localhost:PORT` is [::1]:PORT first to Chromium, and any user of the machine may bind [::1] on
 * the port browser mode serves on 127.0.0.1 (it is remembered across starts, so known). Whoever
 * did got the page at `localhost`, what is typed into it, and a launch code pasted in its address.
 */

const FAKE = '<title>not Hall10086</title>';
let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const undo of cleanup.reverse()) await undo();
  cleanup = [];
});

/** Another user's server on [::1]:port, or null when the port is held there already. */
function squat(port: number): Promise<Server | null> {
  return new Promise((resolve) => {
    const squatter = createServer((_req, res) => res.end(FAKE));
    squatter.once('error', () => resolve(null));
    squatter.listen(port, '::1', () => {
      cleanup.push(() => new Promise((done) => squatter.close(done)));
      resolve(squatter);
    });
  });
}

async function browserMode(port = 0): Promise<RunningServer> {
  const site = await makeSite();
  cleanup.push(site.remove);
  const server = await startServer({ core: new ScriptedCore(STANDARD_SCRIPT), staticDir: site.root, port });
  cleanup.push(() => server.close());
  return server;
}

const hasIpv6Loopback = await new Promise<boolean>((resolve) => {
  const probe = createServer();
  probe.once('error', () => resolve(false));
  probe.listen(0, '::1', () => probe.close(() => resolve(true)));
});

describe.skipIf(!hasIpv6Loopback)('browser mode holds localhost on [::1] too (this machine has IPv6 loopback)', () => {
  it('nobody else can bind [::1] on its port, and Chromium opening localhost reaches the app', async () => {
    const server = await browserMode();
    const squatter = await squat(server.port);
    const browser = await launchChromium();
    cleanup.push(() => browser.close());
    const page = await browser.newPage();
    await page.goto(`http://localhost:${server.port}/`);
    // Before, the squatter bound and Chromium showed its page: 'not Hall10086'.
    expect(await page.title()).toBe('Hall10086');
    expect(squatter).toBeNull();
  });

  it('refuses a port that another program holds on [::1], and picks one free on both when left to choose', async () => {
    const probe = await browserMode();
    const port = probe.port;
    await probe.close();
    expect(await squat(port)).not.toBeNull();
    await expect(browserMode(port)).rejects.toMatchObject({ code: 'server.port-in-use', en: expect.stringContaining('[::1]') });
    const chosen = await browserMode(0);
    expect(await squat(chosen.port)).toBeNull();
  });
});
