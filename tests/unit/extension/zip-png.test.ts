import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../../src-shared/crc32';
import { iconPng } from '../../../src-extension/icon';
import { encodePng } from '../../../src-extension/png';
import { zip } from '../../../src-extension/zip';

const dir = mkdtempSync(join(tmpdir(), 'hall10086-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('zip', () => {
  const entries = [
    { name: 'manifest.json', data: utf8('{"name":"x"}') },
    { name: '_locales/zh_CN/messages.json', data: utf8('{"extName":{"message":"10086 指令速查"}}') },
    { name: 'empty.txt', data: new Uint8Array() },
    { name: 'assets/big.js', data: utf8('const a = 1;\n'.repeat(5000)) },
  ];
  const file = join(dir, 'x.zip');
  writeFileSync(file, zip(entries));

  it('passes unzip -t', () => {
    const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(r.stdout).toContain('No errors detected');
    expect(r.status).toBe(0);
  });

  it.each(entries.map((e) => [e.name, e.data] as const))('gives back %s byte for byte', (name, data) => {
    const r = spawnSync('unzip', ['-p', file, name]);
    expect(r.status).toBe(0);
    expect(new Uint8Array(r.stdout)).toEqual(data);
  });

  it('is the same for the same files (fixed dates)', () => {
    expect(zip(entries)).toEqual(zip(entries));
  });
});

/** The chunks of a PNG, each checked against its CRC. */
function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    expect(view.getUint32(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

describe('png', () => {
  it('encodes RGBA pixels that decode back', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4]);
    const parts = chunks(encodePng(2, 2, rgba));
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([...parts[0]!.data]).toEqual([0, 0, 0, 2, 0, 0, 0, 2, 8, 6, 0, 0, 0]);
    const raw = inflateSync(parts[1]!.data);
    expect([...raw]).toEqual([0, ...rgba.subarray(0, 8), 0, ...rgba.subarray(8)]);
  });

  it.each([16, 32, 48, 128])('draws the %dpx icon: clear corners, blue edge, white bubble in the middle', (size) => {
    const parts = chunks(iconPng(size));
    const raw = inflateSync(parts[1]!.data);
    const pixel = (x: number, y: number) => [...raw.subarray(y * (size * 4 + 1) + 1 + x * 4, y * (size * 4 + 1) + 1 + x * 4 + 4)];
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(size >> 1, size - 2)).toEqual([0x00, 0x85, 0xd0, 0xff]);
    expect(pixel(size >> 1, Math.floor(size * 0.45))).toEqual([255, 255, 255, 255]);
  });
});
