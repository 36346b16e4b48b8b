import { useEffect, useRef } from 'react';
import { alertText } from '../alerts/alert-text';
import type { Alert } from '../alerts/alerts';
import { useAlerts } from '../alerts/use-alerts';
import { useToast } from '../core/toasts';
import { useI18n } from '../prefs/PrefsProvider';
import { routeHash } from './route';

/**
 * The number of standing alerts (low balance, low data) on the Overview entry, and the
 * announcement of each new one: a desktop notification when the user allowed them, else a toast.
 * Only figures that arrive while the app is open are announced, once per reply.
 */
export default function OverviewBadge() {
  const i18n = useI18n();
  const toast = useToast();
  const alerts = useAlerts();
  const openedAt = useRef(Date.now());
  const announced = useRef(new Set<string>());

  useEffect(() => {
    for (const alert of alerts ?? []) {
      const key = `${alert.messageId}|${alert.kind}`;
      if (alert.at < openedAt.current || announced.current.has(key)) continue;
      announced.current.add(key);
      announce(alert, alertText(alert, i18n), i18n.t('alert.title'), toast);
    }
  }, [alerts, i18n, toast]);

  if (!alerts?.length) return null;
  return (
    <span className="badge badge-unread" aria-label={i18n.t('alert.badge', { n: alerts.length })}>
      {alerts.length}
    </span>
  );
}

function announce(alert: Alert, text: string, title: string, toast: ReturnType<typeof useToast>): void {
  if ('Notification' in window && Notification.permission === 'granted') {
    const notification = new Notification(title, { body: text });
    notification.onclick = () => {
      window.focus();
      window.location.hash = routeHash({ view: 'instruction', id: alert.instruction });
    };
  } else {
    toast('warning', text);
  }
}
