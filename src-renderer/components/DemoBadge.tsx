import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../prefs/PrefsProvider';
import { SHORTCUTS } from '../shell/shortcuts';

/**
 * DEMO, with what it means in words a screen reader reads with it (a tab's or a row's name then says it too):
 * the title alone reached only a mouse's hover.
 *
 * `focusable` (where the badge stands alone: the status line, a modem's card, the instruction page's sender): a
 * Tab stop whose meaning is a tooltip, shown on focus and on hover and described to a screen reader (WAI-ARIA's
 * tooltip pattern, as Radix's trigger): a sighted keyboard user got it nowhere there. Esc hides it while the focus
 * stays. Not inside a tab or a table row, whose own name says it (a focusable thing inside a tab is no Tab stop).
 */
export function DemoBadge({ focusable = false }: { focusable?: boolean }) {
  const { t } = useI18n();
  if (focusable) return <DemoTip />;
  return (
    <span className="badge badge-demo" title={t('demo.title')}>
      {t('demo.badge')}
      <span className="visually-hidden">{t('demo.said', { title: t('demo.title') })}</span>
    </span>
  );
}

function DemoTip() {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const onKeyDown = (e: KeyboardEvent) => {
    // Only the Esc that hides it: with it hidden, Esc does what it does around it (the instruction page's 返回).
    if (!SHORTCUTS.demo.hide.is(e) || !open) return;
    e.stopPropagation();
    setOpen(false);
  };
  return (
    <span className="demo-tip-anchor" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="badge badge-demo"
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      >
        {t('demo.badge')}
      </button>
      {/* Always there, so that the button's description is read whether or not it is shown. */}
      <span role="tooltip" id={id} className={open ? 'demo-tip' : 'visually-hidden'}>
        {t('demo.title')}
      </span>
    </span>
  );
}
