import { startPtyEmulator } from '../../emulator/pty';
import { usageError } from '../args';
import { say, type Command } from '../context';

export const emulatorCommand: Command = {
  name: 'emulator',
  usage: 'emulator --pty [--link PATH]',
  summary: { zh: '在虚拟串口上运行模拟调制解调器（可用 gammu 等任何串口程序连接）', en: 'Run the modem emulator on a pseudo-terminal (any serial client, e.g. gammu, can use it)' },
  spec: { booleans: ['pty'], values: ['link'] },
  async run(args, ctx) {
    if (!args.options.has('pty') || args.positionals.length) throw usageError('用法：emulator --pty [--link 路径]', 'Usage: emulator --pty [--link PATH]');
    const link = args.options.get('link');
    const pty = await startPtyEmulator(link ? { link } : {});
    ctx.out(pty.path);
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
