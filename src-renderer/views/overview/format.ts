import { moneyText } from '../../../src-shared/replies';
import type { Lang } from '../../i18n';
import type { OverviewKind } from '../../store/figure-history';

const UNITS: Record<Lang, { min: string; points: string }> = {
  'zh-Hans': { min: ' 分钟', points: ' 分' },
  'zh-Hant': { min: ' 分鐘', points: ' 分' },
  en: { min: ' min', points: ' points' },
};

/**
 * A figure as the overview writes it: money to the fen in the currency it was read in (元, or HK$,
 * £… as written; `currency` null is yuan), data in MB or (from 1 GB) GB.
 */
export function formatFigure(kind: OverviewKind, value: number, lang: Lang, currency: string | null = null): string {
  const units = UNITS[lang];
  switch (kind) {
    case 'balance.balance':
      return moneyText(value, currency, lang);
    case 'data.remaining':
      return Math.abs(value) >= 1024 ? `${(value / 1024).toFixed(2)} GB` : `${value.toFixed(2)} MB`;
    case 'voice.remaining':
      return value + units.min;
    case 'points.total':
      return value + units.points;
  }
}
