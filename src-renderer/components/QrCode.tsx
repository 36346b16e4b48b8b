import { useEffect, useState } from 'react';
import { useI18n } from '../prefs/PrefsProvider';

type Drawn = { size: number; path: string };

/** A QR code as SVG. The encoder is loaded on first use (it is not needed to start). */
export function QrCode({ payload, label }: { payload: string; label: string }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<Drawn | null | 'too-long'>(null);

  useEffect(() => {
    let current = true;
    void import('../../src-shared/qr').then(({ qrSvgPath }) => {
      if (current) setQr(qrSvgPath(payload) ?? 'too-long');
    });
    return () => {
      current = false;
    };
  }, [payload]);

  if (qr === 'too-long') return <p className="field-error">{t('instr.qrError')}</p>;
  if (!qr) return <div className="qr qr-loading" aria-busy="true" />;
  return (
    <svg className="qr" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
