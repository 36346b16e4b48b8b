import { connect, type Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { MAX_EXTENSION_MESSAGE_BYTES, type AppMessage } from '../../src-shared/api/extension-messages';
import { encodeNativeFrame, NativeFrameDecoder, UNPARSABLE } from '../../src-shared/api/native-framing';
import { toHallError } from '../../src-shared/errors';
import { readJsonLines, writeJsonLine } from '../services/extension-link/json-lines';

/** How long the app has to take the last lines after Chrome closed the port, before they are given up. */
const APP_TAKE_MS = 30_000;

export interface HostIo {
  argv: readonly string[];
  stdin: Readable;
  stdout: Writable;
}

/**
 * The native-messaging host Chrome starts for each port the extension opens. It only relays:
 * Chrome's length-prefixed frames on stdin/stdout ⇄ JSON lines on the app's local socket, with
 * the caller's origin (which Chrome, not the extension, puts in argv) as the first line. Every
 * decision (paired? confirmed? rate limit?) is the app's.
 */
export function runNativeHost(io: HostIo): Promise<number> {
  const socketPath = optionValue(io.argv, '--socket');
  const origin = io.argv.find((a) => a.startsWith('chrome-extension://'));
  /**
   * Chrome's reading end of stdout is closed (review42: after the port closed, a reply the app still sent threw EPIPE
   * as an unhandled 'error', a stack trace on stderr and exit code 1, and the app's side no longer flushed): replies
   * then go nowhere, and the host ends as when stdin ends.
   */
  let chromeGone = false;
  let onChromeGone = (): void => undefined;
  io.stdout.on('error', () => {
    chromeGone = true;
    onChromeGone();
  });
  const reply = (message: unknown) => chromeGone || io.stdout.write(encodeNativeFrame(message));
  return new Promise((resolve) => {
    if (!socketPath || !origin) {
      reply(hostError('extension.host-misconfigured', '桌面应用的扩展通道没有正确安装：请在应用的设置中重新安装。', 'The desktop app’s extension channel is not installed correctly: reinstall it from the app’s settings.'));
      return resolve(1);
    }
    const socket: Socket = connect(socketPath);
    const decoder = new NativeFrameDecoder(MAX_EXTENSION_MESSAGE_BYTES);
    const finish = (code: number) => {
      socket.destroy();
      io.stdin.pause();
      resolve(code);
    };
    // Chrome closed the port: what was written but not yet taken by the app (busy, the socket's buffer full) still
    // goes, then the app closes its side ('close' below). destroy() here dropped it, and cut a line in two.
    let portClosed = false;
    const closePort = () => {
      if (portClosed) return;
      portClosed = true;
      io.stdin.pause();
      socket.end();
      setTimeout(() => finish(0), APP_TAKE_MS).unref();
    };
    onChromeGone = closePort;
    socket.once('connect', () => {
      writeJsonLine(socket, { origin });
      io.stdin.on('data', (chunk: Buffer) => {
        try {
          for (const message of decoder.push(chunk)) {
            if (message === UNPARSABLE) reply(hostError('extension.bad-message', '扩展发来的消息不是有效的 JSON。', 'The extension sent a message that is not valid JSON.'));
            else writeJsonLine(socket, message);
          }
        } catch (e) {
          // A frame we cannot read leaves the stream out of step: nothing after it can be trusted.
          const error = toHallError(e);
          reply({ type: 'error', error: { code: error.code, zh: error.zh, en: error.en } });
          finish(1);
        }
      });
      io.stdin.once('end', closePort);
    });
    socket.once('error', () => {
      reply(hostError('extension.app-not-running', '桌面应用没有运行。请先打开 Hall10086，或者复制指令、扫二维码用手机发送。', 'The desktop app is not running. Open Hall10086 first, or copy the instruction / scan its QR code to send it from a phone.'));
      finish(2);
    });
    socket.once('close', () => finish(0));
    readJsonLines(
      socket,
      (message) => message !== undefined && reply(message),
      () => finish(1),
    );
  });
}

function optionValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function hostError(code: string, zh: string, en: string): AppMessage {
  return { type: 'error', error: { code, zh, en } };
}
