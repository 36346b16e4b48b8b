import { findProfile, PROFILES } from '../../emulator/profiles';
import { startPtyEmulator } from '../../emulator/pty';
import { usageError } from '../args';
import { say, type Command } from '../context';

export const emulatorCommand: Command = {
  name: 'emulator',
  usage: 'emulator --pty [--link PATH] [--profile DEVICE]',
  summary: {
    zh: `在虚拟串口上运行模拟调制解调器（可用 gammu 等任何串口程序连接）。DEVICE：${PROFILES.map((p) => p.name).join(', ')}`,
    en: `Run the modem emulator on a pseudo-terminal (any serial client, e.g. gammu, can use it). DEVICE: ${PROFILES.map((p) => p.name).join(', ')}`,
  },
  spec: { booleans: ['pty'], values: ['link', 'profile'] },
  async run(args, ctx) {
    if (!args.options.has('pty') || args.positionals.length) throw usageError('用法：emulator --pty [--link 路径] [--profile 设备]', 'Usage: emulator --pty [--link PATH] [--profile DEVICE]');
    const link = args.options.get('link');
    const name = args.options.get('profile');
    // Checked before socat starts, so a typo is told at once.
    const profile = name ? findProfile(name) : undefined;
    const pty = await startPtyEmulator({ ...(link ? { link } : {}), ...(profile ? { emulatorOptions: { profile } } : {}) });
    ctx.out(pty.path);
    if (profile) ctx.err(say(ctx, { zh: `模拟的设备：${profile.family} ${profile.models}`, en: `Emulated device: ${profile.family} ${profile.models}` }));
    ctx.err(say(ctx, { zh: '模拟调制解调器已就绪；按 Ctrl-C 结束。', en: 'The emulated modem is ready; Ctrl-C ends it.' }));
    await new Promise<void>((resolve) => {
      const keepAlive = setInterval(() => {}, 1 << 30);
      const stop = () => {
        clearInterval(keepAlive);
        void pty.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
