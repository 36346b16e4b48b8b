import { open } from 'node:fs/promises';

/**
 * A file's bytes, read no further than `max` + 1: null when it holds more. Its size as stat gives it refuses a big
 * regular file before any read; a pipe, a FIFO or a device (/dev/zero) says size 0 and is cut off by the read
 * itself, so memory never grows past the limit whatever the path names.
 */
export async function readCapped(path: string, max: number): Promise<{ bytes: Buffer } | { over: true; size: number | null }> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isFile() && stat.size > max) return { over: true, size: stat.size };
    const buffer = Buffer.alloc(max + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled > max ? { over: true, size: null } : { bytes: buffer.subarray(0, filled) };
  } finally {
    await handle.close();
  }
}
