import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_REF_WINDOW_MS, CommandRefs, MAX_COMMAND_REFS } from '../../../src-main/services/mqtt/command-refs';

describe('CommandRefs: the refs of MQTT commands already carried out', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  async function file(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'hall-refs-'));
    dirs.push(dir);
    return join(dir, 'mqtt-command-refs.json');
  }

  it('remembers a ref and its first answer across a reopen, without the ref in clear', async () => {
    const path = await file();
    const refs = await CommandRefs.open(path);
    expect(refs.known('MMXG#918273#564738')).toBe('new');
    await refs.take('MMXG#918273#564738');
    expect(refs.known('MMXG#918273#564738')).toBe('seen');
    await refs.finish('MMXG#918273#564738', { ok: true, commandId: 'c1' });
    const again = await CommandRefs.open(path);
    expect(again.known('MMXG#918273#564738')).toBe('seen');
    expect(await again.first('MMXG#918273#564738')).toEqual({ ok: true, commandId: 'c1' });
    expect(await readFile(path, 'utf8')).not.toMatch(/918273|564738/);
  });

  it('a repeat while the first runs waits for its answer; one cut off by a stop has none', async () => {
    const path = await file();
    const refs = await CommandRefs.open(path);
    await refs.take('r');
    const waiting = refs.first('r');
    await refs.finish('r', { ok: false, code: 'x' });
    expect(await waiting).toEqual({ ok: false, code: 'x' });
    await refs.take('cut');
    expect(await (await CommandRefs.open(path)).first('cut')).toBeNull();
  });

  it('forgets a ref after the window, and keeps at most MAX_COMMAND_REFS (the oldest go)', async () => {
    const path = await file();
    let now = 1_000_000;
    const refs = await CommandRefs.open(path, () => now);
    await refs.take('old');
    await refs.finish('old', { ok: true });
    now += COMMAND_REF_WINDOW_MS - 1;
    expect(refs.known('old')).toBe('seen');
    now += 2;
    expect(refs.known('old')).toBe('new');
    for (let i = 0; i <= MAX_COMMAND_REFS; i++) {
      void refs.take(`r${i}`);
      void refs.finish(`r${i}`, { ok: true });
    }
    await refs.take('last');
    expect(refs.known('r0')).toBe('new');
    expect(refs.known('r1')).toBe('new');
    expect(refs.known('r2')).toBe('seen');
    const saved = JSON.parse(await readFile(path, 'utf8')) as { refs: unknown[] };
    expect(saved.refs).toHaveLength(MAX_COMMAND_REFS);
  });

  it('a damaged file proves no ref new until the window after its last write, then takes refs again', async () => {
    const path = await file();
    await writeFile(path, '{"version":1,"refs":[["k",null],');
    let now = Date.now();
    const refs = await CommandRefs.open(path, () => now);
    expect(refs.problem?.en).toMatch(/MQTT command refs file could not be read; it was kept as .*\.damaged-/);
    expect(refs.known('k')).toBe('unproven');
    now += COMMAND_REF_WINDOW_MS + 60_000;
    expect(refs.known('k')).toBe('new');
    await refs.take('k');
    expect((await CommandRefs.open(path, () => now)).known('k')).toBe('seen');
  });
});
