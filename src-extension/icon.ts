import { encodePng } from './png';

const BLUE = [0x00, 0x85, 0xd0, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

/**
 * The icon, drawn rather than downloaded: a blue rounded square holding a white speech bubble
 * (an SMS), legible from 16 to 128 pixels.
 */
export function iconPng(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const radius = size * 0.22;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const colour = !insideRoundedSquare(x + 0.5, y + 0.5, size, radius) ? CLEAR : inBubble(u, v) ? WHITE : BLUE;
      rgba.set(colour, (y * size + x) * 4);
    }
  }
  return encodePng(size, size, rgba);
}

function insideRoundedSquare(x: number, y: number, size: number, r: number): boolean {
  const dx = Math.max(r - x, x - (size - r), 0);
  const dy = Math.max(r - y, y - (size - r), 0);
  return dx * dx + dy * dy <= r * r;
}

/** A rounded bubble over the upper part with a tail at its lower left, in unit coordinates. */
function inBubble(u: number, v: number): boolean {
  const body = ((u - 0.5) / 0.32) ** 2 + ((v - 0.45) / 0.24) ** 2 <= 1;
  const tail = v >= 0.58 && v <= 0.8 && u >= 0.3 && u <= 0.3 + (0.8 - v) * 0.9;
  return body || tail;
}
