import { closePool, MAX_POOL, startPtyPool } from '../../emulator/pool';
import { findProfile, PROFILES } from '../../emulator/profiles';
import { startPtyEmulator } from '../../emulator/pty';
import { intOption, usageError } from '../args';
import { say, type Command } from '../context';

export const emulatorCommand: Command = {
  name: 'emulator',
  usage: 'emulator --pty [--count N] [--link PATH] [--profile DEVICE]',
  summary: {
    zh: `在虚拟串口上运行模拟调制解调器（可用 gammu 等任何串口程序连接）。DEVICE：${PROFILES.map((p) => p.name).join(', ')}`,
    en: `Run the modem emulator on a pseudo-terminal (any serial client, e.g. gammu, can use it). DEVICE: ${PROFILES.map((p) => p.name).join(', ')}`,
  },
  spec: { booleans: ['pty'], values: ['link', 'count', 'profile'] },
  async run(args, ctx) {
    if (!args.options.has('pty') || args.positionals.length) {
      throw usageError('用法：emulator --pty [--count 数量] [--link 路径] [--profile 设备]', 'Usage: emulator --pty [--count N] [--link PATH] [--profile DEVICE]');
    }
    const count = intOption(args, 'count', 1, 1, MAX_POOL);
    const link = args.options.get('link');
    if (link && count > 1) throw usageError('--link 只能用于一个调制解调器。', '--link names one modem; it cannot be used with --count.');
    const name = args.options.get('profile');
    // Checked before socat starts, so a typo is told at once.
    const profile = name ? findProfile(name) : undefined;
    const emulatorOptions = profile ? { profile } : {};
    const pool = link ? [await startPtyEmulator({ link, emulatorOptions })] : await startPtyPool(count, emulatorOptions);
    // One path a line, in pool order: scripts read them as they would a hub's ports.
    for (const modem of pool) ctx.out(modem.path);
    if (profile) ctx.err(say(ctx, { zh: `模拟的设备：${profile.family} ${profile.models}`, en: `Emulated device: ${profile.family} ${profile.models}` }));
    ctx.err(
      say(ctx, {
        zh: count > 1 ? `${count} 个模拟调制解调器已就绪，各有自己的 SIM；按 Ctrl-C 结束。` : '模拟调制解调器已就绪；按 Ctrl-C 结束。',
        en: count > 1 ? `${count} emulated modems are ready, each with its own SIM; Ctrl-C ends them.` : 'The emulated modem is ready; Ctrl-C ends it.',
      }),
    );
    await new Promise<void>((resolve) => {
      const keepAlive = setInterval(() => {}, 1 << 30);
      const stop = () => {
        clearInterval(keepAlive);
        void closePool(pool).then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
