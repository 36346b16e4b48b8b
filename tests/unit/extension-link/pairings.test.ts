import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ASSOCIATION_TTL_MS, PairingStore } from '../../../src-main/services/extension-link';

let dir = '';
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  dir = '';
});

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const A = { id: 'A'.repeat(22), extensionId: EXT, key: 'k'.repeat(43), browser: 'Chromium', profile: 'Work' };
const DAY = 24 * 3600_000;

async function storeAt(clock: { now: number }) {
  dir ||= await mkdtemp(join(tmpdir(), 'hall-pair-'));
  return PairingStore.open(dir, () => clock.now);
}

describe('PairingStore', () => {
  it('keeps each association with its secret in a file only the user can read, and lists it without the secret', async () => {
    const clock = { now: 1_000 };
    const store = await storeAt(clock);
    await store.add(A);
    const again = await storeAt(clock);
    expect(again.list()).toEqual([{ id: A.id, extensionId: EXT, browser: 'Chromium', profile: 'Work', name: 'Chromium · Work', pairedAt: 1_000, lastUsedAt: 1_000, expiresAt: 1_000 + ASSOCIATION_TTL_MS }]);
    expect(JSON.stringify(again.list())).not.toContain(A.key);
    expect(again.find(A.id, EXT)?.key).toBe(A.key);
    expect((await stat(join(dir, 'extensions.json'))).mode & 0o077).toBe(0);
  });

  it('finds an association only for the extension that made it', async () => {
    const store = await storeAt({ now: 1 });
    await store.add(A);
    expect(store.find(A.id, 'ponmlkjihgfedcbaponmlkjihgfedcba')).toBeNull();
    expect(store.find('B'.repeat(22), EXT)).toBeNull();
  });

  it('forgets an association unused for 90 days; a use moves the date on', async () => {
    const clock = { now: 0 };
    const store = await storeAt(clock);
    await store.add(A);
    clock.now = 80 * DAY;
    expect(store.find(A.id, EXT)).not.toBeNull();
    await store.touch(A.id);
    clock.now = 80 * DAY + ASSOCIATION_TTL_MS - 1;
    expect(store.find(A.id, EXT)).not.toBeNull();
    clock.now = 80 * DAY + ASSOCIATION_TTL_MS + 1;
    expect(store.find(A.id, EXT)).toBeNull();
    expect(store.list()).toEqual([]);
  });

  it('renames one association (1–80 characters) and revokes one', async () => {
    const store = await storeAt({ now: 5 });
    await store.add(A);
    await store.add({ ...A, id: 'B'.repeat(22), profile: 'Home' });
    await store.rename(A.id, '  办公室 Chrome ');
    await expect(store.rename(A.id, '   ')).rejects.toMatchObject({ code: 'extension.bad-name' });
    await expect(store.rename('C'.repeat(22), 'x')).rejects.toMatchObject({ code: 'extension.unknown-association' });
    expect(store.list().map((a) => a.name)).toEqual(['办公室 Chrome', 'Chromium · Home']);
    expect(await store.revoke(A.id)).toBe(true);
    expect(await store.revoke(A.id)).toBe(false);
    expect(store.list().map((a) => a.profile)).toEqual(['Home']);
  });

  it.each([
    ['not JSON', '{{{'],
    ['a foreign shape', JSON.stringify({ version: 2, associations: [{ ...A, extensionId: 'https://evil' }] })],
    ['a version 1 file (pairings by extension ID, without secrets)', JSON.stringify({ version: 1, paired: [{ extensionId: EXT, pairedAt: 1 }] })],
  ])('pairs nobody when the file is %s', async (_, text) => {
    dir = await mkdtemp(join(tmpdir(), 'hall-pair-'));
    await writeFile(join(dir, 'extensions.json'), text);
    const store = await storeAt({ now: 1 });
    expect(store.list()).toEqual([]);
    await store.add(A);
    expect(JSON.parse(await readFile(join(dir, 'extensions.json'), 'utf8'))).toMatchObject({ version: 2, associations: [{ id: A.id }] });
  });
});
