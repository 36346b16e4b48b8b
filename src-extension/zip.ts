import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../src-shared/crc32';
import { concat } from './png';

export interface ZipEntry {
  /** Path inside the archive, with `/` separators. */
  name: string;
  data: Uint8Array;
}

// 1980-01-01 00:00 in DOS format: a fixed date, so the same files always make the same zip.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 1 << 11;
const DEFLATE = 8;

/** A plain zip archive (deflate, no zip64): what the Chrome Web Store and "unzip" accept. */
export function zip(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = new TextEncoder().encode(name);
    const packed = deflateRawSync(data);
    const fields = { crc: crc32(data), packed: packed.length, size: data.length, name: nameBytes };
    const local = header(0x04034b50, 30, fields);
    locals.push(local, packed);
    const central = header(0x02014b50, 46, fields);
    new DataView(central.buffer).setUint32(42, offset, true);
    centrals.push(central);
    offset += local.length + packed.length;
  }
  const directory = concat(centrals);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entries.length, true);
  view.setUint16(10, entries.length, true);
  view.setUint32(12, directory.length, true);
  view.setUint32(16, offset, true);
  return concat([...locals, directory, end]);
}

interface Fields {
  crc: number;
  packed: number;
  size: number;
  name: Uint8Array;
}

/** A local (30-byte) or central (46-byte) file header: the same fields, the central one shifted by 2. */
function header(signature: number, fixed: 30 | 46, { crc, packed, size, name }: Fields): Uint8Array {
  const out = new Uint8Array(fixed + name.length);
  const view = new DataView(out.buffer);
  const at = fixed === 46 ? 2 : 0;
  view.setUint32(0, signature, true);
  if (fixed === 46) view.setUint16(4, 20, true); // version made by
  view.setUint16(4 + at, 20, true); // version needed: 2.0, deflate
  view.setUint16(6 + at, UTF8_NAMES, true);
  view.setUint16(8 + at, DEFLATE, true);
  view.setUint16(10 + at, DOS_TIME, true);
  view.setUint16(12 + at, DOS_DATE, true);
  view.setUint32(14 + at, crc, true);
  view.setUint32(18 + at, packed, true);
  view.setUint32(22 + at, size, true);
  view.setUint16(26 + at, name.length, true);
  out.set(name, fixed);
  return out;
}
