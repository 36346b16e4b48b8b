import { Fragment, useId, useRef } from 'react';
import { useModal } from '../components/modal';
import type { StringKey } from '../i18n';
import { useI18n } from '../prefs/PrefsProvider';
import { PLACE_NAMES, SHORTCUTS, VIEW_ORDER, type Shortcut, type ShortcutPlace } from './shortcuts';

/** How a key is written on the page: the symbols people see on their keyboards. */
const KEY_NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', Control: 'Ctrl', Meta: '⌘' };

function Keys({ keys, or }: { keys: readonly string[]; or: string }) {
  return (
    <>
      {keys.map((combo, i) => (
        <Fragment key={combo}>
          {i > 0 && <span className="muted"> {or} </span>}
          <kbd>
            {combo.split('+').map((k, j) => (
              <Fragment key={j}>
                {j > 0 && '+'}
                <kbd>{KEY_NAMES[k] ?? k}</kbd>
              </Fragment>
            ))}
          </kbd>
        </Fragment>
      ))}
    </>
  );
}

/**
 * Every keyboard shortcut, read from the table the key handlers use (shortcuts.ts). Opened with `?` or
 * the header's ? button. A modal dialog (WAI-ARIA's dialog pattern, as Radix's Dialog): its title names
 * it, the focus starts on Close and stays inside while it is open, Esc or Close shuts it, and the focus
 * goes back to what opened it.
 *
 * Keys: Tab / Shift+Tab move between the list (scrolled with the arrows) and Close, never out of the
 * dialog; Esc closes; Enter or Space on Close closes.
 */
export default function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const id = useId();

  useModal(dialog, close);

  const rows = (place: ShortcutPlace): { keys: readonly string[]; what: string }[] =>
    Object.values(SHORTCUTS[place] as Record<string, Shortcut>).flatMap((s) =>
      // Alt+1…5: one row per view, named as the navigation names it.
      s === SHORTCUTS.anywhere.views ? s.keys.map((k, i) => ({ keys: [k], what: t(s.what, { view: t(`nav.${VIEW_ORDER[i]!}` as StringKey) }) })) : [{ keys: s.keys, what: t(s.what) }],
    );

  return (
    <dialog
      ref={dialog}
      className="dialog shortcuts-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // Tab from Close goes back to the list, not out to the browser's own controls (a modal dialog's last stop).
        if (!SHORTCUTS.dialog.move.is(e)) return;
        const stops = [body.current, close.current];
        const at = stops.indexOf(document.activeElement as HTMLDivElement & HTMLButtonElement);
        e.preventDefault();
        stops[(at + (e.shiftKey ? stops.length - 1 : 1)) % stops.length]?.focus();
      }}
    >
      <h2 id={`${id}-title`}>{t('keys.title')}</h2>
      {/* Focusable, so the keyboard can scroll a list taller than the window. */}
      <div className="dialog-body shortcuts-list" ref={body} tabIndex={0} role="group" aria-labelledby={`${id}-title`}>
        {(Object.keys(SHORTCUTS) as ShortcutPlace[]).map((place) => (
          <table key={place} className="shortcuts-table">
            <caption>{t(PLACE_NAMES[place])}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">{t('keys.keysColumn')}</th>
                <th scope="col">{t('keys.whatColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows(place).map((row) => (
                <tr key={row.what}>
                  <th scope="row">
                    <Keys keys={row.keys} or={t('keys.or')} />
                  </th>
                  <td>{row.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" ref={close} className="primary" onClick={onClose}>
          {t('keys.close')}
        </button>
      </div>
    </dialog>
  );
}
