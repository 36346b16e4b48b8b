import type { BindingInterface } from '../../serialport-types';
import { SerialPortStream } from '@serialport/stream';
import { SerialPort } from 'serialport';
import { HallError } from '../../../src-shared/errors';
import type { ByteLink } from './at-engine';

export interface SerialLink extends ByteLink {
  readonly path: string;
  close(): Promise<void>;
}

type Port = SerialPort | SerialPortStream;

/**
 * Opens a serial port (the OS's through serialport's native binding, or the demo modem's binding)
 * and gives it to the AT engine as a plain byte link. Open failures become bilingual errors that
 * name the usual cause.
 */
export async function openSerialLink(path: string, opts: { binding?: BindingInterface; baudRate?: number } = {}): Promise<SerialLink> {
  const baudRate = opts.baudRate ?? 115_200;
  const port: Port = opts.binding
    ? new SerialPortStream({ binding: opts.binding, path, baudRate, autoOpen: false })
    : new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(openError(path, err)) : resolve())));
  let closing = false;
  // Writing to a device that is gone fails (EIO on Linux) and the port then closes: the close tells
  // the session. Left without a listener, the error event would end the whole process instead.
  let failure: Error | null = null;
  port.on('error', (err: Error) => (failure = err));
  return {
    path,
    write(data) {
      port.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data));
    },
    onData(cb) {
      const listener = (chunk: Buffer) => cb(new Uint8Array(chunk));
      port.on('data', listener);
      return () => port.off('data', listener);
    },
    onClose(cb) {
      const listener = (err?: Error | null) => cb(closing ? undefined : (err ?? failure ?? new Error('port closed')));
      port.on('close', listener);
      return () => port.off('close', listener);
    },
    async close() {
      if (!port.isOpen) return;
      closing = true;
      await new Promise<void>((resolve) => port.close(() => resolve()));
    },
  };
}

function openError(path: string, err: Error): HallError {
  const m = err.message;
  if (/EACCES|permission denied/i.test(m)) {
    return new HallError(
      'modem.permission',
      { zh: `没有权限打开 ${path}。`, en: `No permission to open ${path}.` },
      {
        action: {
          zh: 'Linux 上把自己加入 dialout 组（sudo usermod -aG dialout $USER），然后重新登录。',
          en: 'On Linux, add yourself to the dialout group (sudo usermod -aG dialout $USER) and log in again.',
        },
        cause: err,
      },
    );
  }
  // Linux's binding takes an exclusive lock on open; another program's lock fails with EAGAIN:
  // "Error Resource temporarily unavailable Cannot lock port".
  if (/EBUSY|locked|resource busy|cannot lock port|EAGAIN|temporarily unavailable/i.test(m)) {
    return new HallError(
      'modem.busy',
      { zh: `${path} 正被别的程序占用。`, en: `${path} is in use by another program.` },
      {
        action: {
          zh: '关闭占用串口的程序；Linux 上常见的是 ModemManager（sudo systemctl stop ModemManager）。',
          en: 'Close the program holding the port; on Linux it is often ModemManager (sudo systemctl stop ModemManager).',
        },
        cause: err,
      },
    );
  }
  if (/ENOENT|no such/i.test(m)) {
    return new HallError(
      'modem.not-found',
      { zh: `找不到串口 ${path}。`, en: `Serial port ${path} not found.` },
      { action: { zh: '检查调制解调器是否插好，或用 hall10086 ports 查看可用串口。', en: 'Check the modem is plugged in, or list ports with hall10086 ports.' }, cause: err },
    );
  }
  return new HallError('modem.open-failed', { zh: `无法打开 ${path}：${m}`, en: `Cannot open ${path}: ${m}` }, { cause: err });
}
