import type { Lang } from '../../i18n';
import type { OverviewKind } from '../../store/figure-history';

const UNITS: Record<Lang, { yuan: string; min: string; points: string }> = {
  'zh-Hans': { yuan: ' 元', min: ' 分钟', points: ' 分' },
  'zh-Hant': { yuan: ' 元', min: ' 分鐘', points: ' 分' },
  en: { yuan: ' yuan', min: ' min', points: ' points' },
};

/** A figure as the overview writes it: money to the fen, data in MB or (from 1 GB) GB. */
export function formatFigure(kind: OverviewKind, value: number, lang: Lang): string {
  const units = UNITS[lang];
  switch (kind) {
    case 'balance.balance':
      return value.toFixed(2) + units.yuan;
    case 'data.remaining':
      return Math.abs(value) >= 1024 ? `${(value / 1024).toFixed(2)} GB` : `${value.toFixed(2)} MB`;
    case 'voice.remaining':
      return value + units.min;
    case 'points.total':
      return value + units.points;
  }
}
