import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createCore, defaultDataDir } from '../../core';
import { claimDataDir } from '../../core/data-dir';
import { closePool, MAX_POOL, startPtyPool } from '../../emulator/pool';
import { findProfile } from '../../emulator/profiles';
import { startServer } from '../../server';
import { internalErrorHandler } from '../../services/diagnostics';
import { metricsToken } from '../../server/metrics';
import { intOption, usageError } from '../args';
import { appAlreadyRunning } from '../journal-held';
import { say, type Command } from '../context';
import { reportStartupNotices } from '../startup-notices';
import { isPortInUse, rememberedPort, rememberPort } from './serve-port';

/** The built UI, as `npm run build` (electron-vite) lays it out. */
export const RENDERER_DIR = resolve(import.meta.dirname, '../../../out/renderer');

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--port N] [--emulator [--count N] [--profile DEVICE]] [--data-dir D] [--metrics]',
  summary: {
    zh: '浏览器模式：在 127.0.0.1 上提供同一个界面（用一次性链接打开）',
    en: 'Browser mode: the same UI on 127.0.0.1, opened by one-time links',
  },
  spec: { booleans: ['emulator', 'metrics'], values: ['port', 'data-dir', 'profile', 'count'] },
  async run(args, ctx) {
    if (args.positionals.length) throw usageError('用法：serve [--port 端口] [--emulator] [--metrics]', 'Usage: serve [--port N] [--emulator] [--metrics]');
    const port = args.options.has('port') ? intOption(args, 'port', 0, 0, 65535) : null;
    if (args.options.has('count') && !args.options.has('emulator')) throw usageError('--count 只能和 --emulator 一起用。', '--count goes with --emulator only.');
    // A pool: N emulated modems, each on its own pseudo-terminal, opened like USB sticks (the real serial binding).
    const count = args.options.has('count') ? intOption(args, 'count', 1, 1, MAX_POOL) : null;
    if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
      throw usageError('界面还没有构建：先运行 npm run build（npm start 会自动构建）。', 'The UI is not built yet: run npm run build first (npm start builds it for you).');
    }
    const dataDir = args.options.get('data-dir') ?? defaultDataDir();
    const name = args.options.get('profile');
    if (name && !args.options.has('emulator')) throw usageError('--profile 只能和 --emulator 一起用。', '--profile goes with --emulator only.');
    const profile = name ? findProfile(name) : undefined;
    // Its files are read before anything starts (one that cannot be read stops here), in a folder known to be the user's.
    await claimDataDir(dataDir);
    // Without --port: the port of the first start, where this browser keeps the log it showed before.
    const remembered = port === null ? await rememberedPort(dataDir) : null;
    const before = remembered?.port ?? null;
    // Opt-in: Prometheus scrapes /metrics with the token kept in the data folder (never printed).
    const scrape = args.options.has('metrics') ? await metricsToken(dataDir) : null;
    for (const problem of [remembered?.problem, scrape?.problem]) if (problem) ctx.err(say(ctx, problem));
    const pool = count === null ? [] : await startPtyPool(count, profile ? { profile } : {});
    const core = await createCore({
      demo: count !== null ? false : args.options.has('emulator') ? true : 'auto',
      dataDir,
      ...(profile ? { emulatorOptions: { profile } } : {}),
    }).catch(async (e: unknown) => {
      await closePool(pool);
      throw appAlreadyRunning(e);
    });
    const closeAll = async () => {
      await core.close();
      await closePool(pool);
    };
    for (const modem of pool) {
      await core.connect(modem.path).catch(async (e: unknown) => {
        await closeAll();
        throw e;
      });
    }
    const metrics = scrape && { token: scrape.token, sims: () => core.fleet.board.list(), labels: () => core.fleet.labels.list() };
    // A bug's stack goes to the data folder's diagnostics log, masked; the terminal gets one line with its id.
    const onInternalError = internalErrorHandler(dataDir, (text) => core.journal.maskText(text), (line) => ctx.err(say(ctx, line)));
    const listen = (on: number) => startServer({ core, staticDir: RENDERER_DIR, port: on, onInternalError, ...(metrics ? { metrics } : {}) });
    const server = await listen(port ?? before ?? 0)
      .catch((e: unknown) => {
        if (before === null || !isPortInUse(e)) throw e;
        return listen(0).then((s) => {
          ctx.err(say(ctx, {
            zh: `上次用的端口 ${before} 被占用了，这次改用 ${s.port}。浏览器按地址保存消息记录和设置，所以这个地址下看不到以前的消息：关掉占用端口 ${before} 的程序，再重新启动，就能看到。`,
            en: `Port ${before}, used before, is taken, so this time it is ${s.port}. The browser keeps the message log and the settings per address, so this address shows no earlier messages: close what holds port ${before} and start again to see them.`,
          }));
          return s;
        });
      })
      .catch(async (e: unknown) => {
        await closeAll();
        throw e;
      });
    if (port === null && before === null) await rememberPort(dataDir, server.port).catch(() => {});
    ctx.out(server.url);
    if (scrape) {
      ctx.err(say(ctx, {
        zh: `Prometheus 指标：http://127.0.0.1:${server.port}/metrics（Bearer 令牌在 ${scrape.path}）`,
        en: `Prometheus metrics: http://127.0.0.1:${server.port}/metrics (the bearer token is in ${scrape.path})`,
      }));
    }
    if (count !== null) ctx.err(say(ctx, { zh: `${count} 个模拟调制解调器已连接，各有自己的 SIM。`, en: `${count} emulated modems are connected, each with its own SIM.` }));
    reportStartupNotices(ctx, core);
    ctx.err(say(ctx, {
      zh: '在浏览器中打开上面的地址（每个链接只能用一次，30 分钟内有效；要再开一个浏览器或标签页，按回车获取新链接，或在应用里点“新标签页”）；按 Ctrl-C 结束。',
      en: 'Open the address above in a browser (each link works once, within 30 minutes: press Enter for a new one for another browser or tab, or use “New tab” in the app); Ctrl-C stops.',
    }));
    // The printed link's code is spent by the tab that opens it (the browser's history keeps the address): Enter prints another.
    const keys = createInterface({ input: process.stdin });
    keys.on('line', () => ctx.out(server.newLaunchLink()));
    // Started in the background (`serve &`), reading the terminal would stop the whole server (SIGTTIN):
    // with a handler the read fails instead, and only Enter-for-a-link is lost.
    const ignoreTtin = () => {};
    process.on('SIGTTIN', ignoreTtin);
    process.stdin.on('error', () => keys.close());
    await new Promise<void>((done) => {
      const stop = () => {
        keys.close();
        process.off('SIGTTIN', ignoreTtin);
        void server
          .close()
          .then(closeAll)
          .then(done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
