import { simLabel } from '../core/modems';
import type { I18n } from '../i18n';
import { formatFigure } from '../views/overview/format';
import type { Alert } from './alerts';

/** “SIM …901234: balance 8.20 yuan, under 10.00 yuan. KTYETX turns on balance reminders.” */
export function alertText(alert: Alert, { t, lang }: I18n): string {
  if (alert.kind === 'suspended') return t('alert.suspended', { sim: simLabel(alert.simId), code: alert.instruction });
  if (alert.kind === 'balance-low') return t('alert.balanceLow', { sim: simLabel(alert.simId), code: alert.instruction });
  if (alert.kind === 'data-used' || alert.kind === 'data-left') {
    // The share as 10086 wrote it (80, 85.5): a percentage, never turned into MB.
    const percent = alert.value.toLocaleString(lang, { maximumFractionDigits: 1 });
    return t(alert.kind === 'data-used' ? 'alert.dataUsed' : 'alert.dataLeft', { sim: simLabel(alert.simId), percent, code: alert.instruction });
  }
  const kind = alert.kind === 'balance' ? 'balance.balance' : 'data.remaining';
  return t(alert.kind === 'balance' ? 'alert.balance' : 'alert.data', {
    sim: simLabel(alert.simId),
    value: formatFigure(kind, alert.value, lang),
    threshold: formatFigure(kind, alert.threshold, lang),
    code: alert.instruction,
  });
}
