import { qrSvgPath } from '../src-shared/qr';

const SVG = 'http://www.w3.org/2000/svg';

/** The payload as an SVG QR code, or null when it is too long for one. */
export function qrSvg(payload: string, label: string): SVGSVGElement | null {
  const qr = qrSvgPath(payload);
  if (!qr) return null;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.classList.add('qr');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(qr.size));
  background.setAttribute('height', String(qr.size));
  background.setAttribute('fill', '#fff');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', qr.path);
  svg.append(background, modules);
  return svg;
}
