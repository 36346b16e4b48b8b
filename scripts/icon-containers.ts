/**
 * Windows .ico and macOS .icns files built from ready PNGs: both formats may hold PNG data as is,
 * so no image conversion (and no downloaded converter) is needed.
 */

export interface SizedPng {
  size: number;
  png: Uint8Array;
}

/** ICONDIR, one 16-byte ICONDIRENTRY per image, then the PNGs. A size of 256 is written as 0. */
export function icoFile(images: readonly SizedPng[]): Uint8Array {
  const headerLength = 6 + 16 * images.length;
  const out = new Uint8Array(headerLength + images.reduce((n, image) => n + image.png.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type 1: icon
  view.setUint16(4, images.length, true);
  let offset = headerLength;
  images.forEach((image, index) => {
    if (image.size > 256) throw new Error(`.ico images are at most 256 px, not ${image.size}`);
    const entry = 6 + 16 * index;
    out[entry] = image.size % 256;
    out[entry + 1] = image.size % 256;
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, image.png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(image.png, offset);
    offset += image.png.length;
  });
  return out;
}

/** The icns element types that hold PNG data, by pixel size (the @2x types reuse the larger images). */
const ICNS_TYPES: Record<number, readonly string[]> = {
  16: ['icp4'],
  32: ['icp5', 'ic11'],
  64: ['icp6', 'ic12'],
  128: ['ic07'],
  256: ['ic08', 'ic13'],
  512: ['ic09', 'ic14'],
  1024: ['ic10'],
};

/** 'icns' + total length, then one element (type, length including its 8-byte header, PNG) per type. */
export function icnsFile(images: readonly SizedPng[]): Uint8Array {
  const elements = images.flatMap((image) => (ICNS_TYPES[image.size] ?? []).map((type) => ({ type, png: image.png })));
  const out = new Uint8Array(8 + elements.reduce((n, element) => n + 8 + element.png.length, 0));
  const view = new DataView(out.buffer);
  const ascii = new TextEncoder();
  out.set(ascii.encode('icns'), 0);
  view.setUint32(4, out.length);
  let offset = 8;
  for (const element of elements) {
    out.set(ascii.encode(element.type), offset);
    view.setUint32(offset + 4, 8 + element.png.length);
    out.set(element.png, offset + 8);
    offset += 8 + element.png.length;
  }
  return out;
}
