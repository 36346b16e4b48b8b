import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PairingStore } from '../../../src-main/services/extension-link';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));
const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('PairingStore', () => {
  it('remembers pairings across restarts in a file only the user can read', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hall-pair-'));
    const store = await PairingStore.open(dir);
    await store.add(ID, 42);
    expect((await PairingStore.open(dir)).list()).toEqual([{ extensionId: ID, pairedAt: 42 }]);
    expect((await stat(join(dir, 'extensions.json'))).mode & 0o077).toBe(0);
    expect(await store.revoke(ID)).toBe(true);
    expect(await store.revoke(ID)).toBe(false);
    expect((await PairingStore.open(dir)).has(ID)).toBe(false);
  });

  it.each([
    ['not JSON', '{{{'],
    ['a foreign shape', JSON.stringify({ version: 1, paired: [{ extensionId: 'https://evil', pairedAt: 1 }] })],
    ['a future version', JSON.stringify({ version: 2, paired: [{ extensionId: ID, pairedAt: 1 }] })],
  ])('pairs nobody when the file is %s', async (_, text) => {
    dir = await mkdtemp(join(tmpdir(), 'hall-pair-'));
    await writeFile(join(dir, 'extensions.json'), text);
    const store = await PairingStore.open(dir);
    expect(store.list()).toEqual([]);
    await store.add(ID, 1);
    expect(JSON.parse(await readFile(join(dir, 'extensions.json'), 'utf8'))).toEqual({ version: 1, paired: [{ extensionId: ID, pairedAt: 1 }] });
  });
});
