import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * Where the app listens for its native-messaging host: a Unix socket in the (user-only) data
 * folder, or on Windows a named pipe named after that folder, so two profiles never share one.
 */
export function extensionSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const tag = createHash('sha256').update(dataDir.toLowerCase()).digest('hex').slice(0, 16);
    return `\\\\.\\pipe\\hall10086-${tag}`;
  }
  return join(dataDir, 'extension.sock');
}
