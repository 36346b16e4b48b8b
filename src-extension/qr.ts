import qrcode from 'qrcode-generator';

const SVG = 'http://www.w3.org/2000/svg';
const QUIET_ZONE = 4;

/**
 * The payload as an SVG QR code, or null when it is too long for one. Text goes in as UTF-8
 * bytes, which phone scanners read correctly for Chinese too.
 */
export function qrSvg(payload: string, label: string): SVGSVGElement | null {
  const qr = qrcode(0, 'M');
  try {
    qr.addData(String.fromCharCode(...new TextEncoder().encode(payload)), 'Byte');
    qr.make();
  } catch {
    return null;
  }
  const n = qr.getModuleCount();
  const size = n + QUIET_ZONE * 2;
  let path = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) path += `M${c + QUIET_ZONE} ${r + QUIET_ZONE}h1v1h-1z`;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.classList.add('qr');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', path);
  svg.append(background, modules);
  return svg;
}
