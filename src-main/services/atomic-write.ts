import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces a small settings file so that a crash leaves the old content or the new, never half of
 * one: write a temp file readable only by the user, fsync it, rename it over the target (its
 * folder is created when missing).
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  // Unique, so two writes of the same file never share (and break) one temp file.
  const tmp = `${path}.${randomUUID()}.tmp`;
  // On a first run the data folder does not exist yet; it holds private data, so only the user may enter.
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  try {
    const file = await open(tmp, 'w', 0o600);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
