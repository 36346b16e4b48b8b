import qrcode from 'qrcode-generator';

const QUIET_ZONE = 4;

/**
 * The QR code of `payload` as one SVG path over a `size`×`size` grid (quiet zone included), or
 * null when the text is too long for a QR code. Text goes in as UTF-8 bytes, which phone scanners
 * read correctly for Chinese too (qrcode-generator's byte mode takes one character per byte).
 */
export function qrSvgPath(payload: string): { size: number; path: string } | null {
  const qr = qrcode(0, 'M');
  try {
    qr.addData(String.fromCharCode(...new TextEncoder().encode(payload)), 'Byte');
    qr.make();
  } catch {
    return null;
  }
  const n = qr.getModuleCount();
  let path = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) path += `M${c + QUIET_ZONE} ${r + QUIET_ZONE}h1v1h-1z`;
  return { size: n + QUIET_ZONE * 2, path };
}
