import { useEffect, useState } from 'react';
import { useI18n } from '../prefs/PrefsProvider';

type Modules = boolean[][];

/**
 * A QR code as SVG. The encoder is loaded on first use (it is not needed to start). Text is
 * encoded as UTF-8 bytes, which phones read correctly for Chinese too.
 */
export function QrCode({ payload, label }: { payload: string; label: string }) {
  const { t } = useI18n();
  const [modules, setModules] = useState<Modules | null | 'too-long'>(null);

  useEffect(() => {
    let current = true;
    void import('qrcode-generator').then(({ default: qrcode }) => {
      if (!current) return;
      try {
        const qr = qrcode(0, 'M');
        qr.addData(utf8AsBinaryString(payload), 'Byte');
        qr.make();
        const n = qr.getModuleCount();
        setModules(Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c))));
      } catch {
        setModules('too-long');
      }
    });
    return () => {
      current = false;
    };
  }, [payload]);

  if (modules === 'too-long') return <p className="field-error">{t('instr.qrError')}</p>;
  if (!modules) return <div className="qr qr-loading" aria-busy="true" />;
  const quiet = 4;
  const size = modules.length + quiet * 2;
  const path = modules
    .flatMap((row, r) => row.map((dark, c) => (dark ? `M${c + quiet} ${r + quiet}h1v1h-1z` : '')))
    .join('');
  return (
    <svg className="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** qrcode-generator's byte mode takes one character per byte. */
function utf8AsBinaryString(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}
