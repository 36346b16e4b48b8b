import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useSaveStatus } from '../components/SaveStatus';
import { activeCatalog } from '../catalog/active-catalog';
import { useCore } from '../core/CoreProvider';
import { CatalogSettings } from './settings/CatalogSettings';
import { CustomInstructions } from './settings/CustomInstructions';
import { AlertSettings } from './settings/AlertSettings';
import { ScheduleSettings } from './settings/ScheduleSettings';
import { PairedExtensions } from './settings/PairedExtensions';
import { MqttSettings } from './settings/MqttSettings';
import { useErrorToast, useToast } from '../core/toasts';
import { LANG_NAMES, LANGS } from '../i18n';
import { usePrefs } from '../prefs/PrefsProvider';
import { THEMES } from '../prefs/storage';
import { hallDb } from '../store/db';
import { download } from '../store/download';
import { exportRows, toCsv, toJson } from '../store/export-format';
import { exportTexts } from '../store/export-texts';
import { allMessages, clearLog, logSummary, type LogSummary } from '../store/queries';

type Format = 'csv' | 'json';

export default function SettingsView() {
  const { t, lang, setLang, theme, setTheme } = usePrefs();
  const [langStatus, reportLang] = useSaveStatus();
  const [themeStatus, reportTheme] = useSaveStatus();
  return (
    <section className="view settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading" className="visually-hidden">
        {t('nav.settings')}
      </h1>
      <fieldset>
        <legend>{t('settings.language')}</legend>
        {LANGS.map((l) => (
          <label key={l} className="choice">
            <input type="radio" name="lang" value={l} checked={lang === l} onChange={() => reportLang(setLang(l))} />
            <span lang={l}>{LANG_NAMES[l]}</span>
          </label>
        ))}
        {langStatus}
      </fieldset>
      <fieldset>
        <legend>{t('settings.theme')}</legend>
        {THEMES.map((th) => (
          <label key={th} className="choice">
            <input type="radio" name="theme" value={th} checked={theme === th} onChange={() => reportTheme(setTheme(th))} />
            <span>{t(`theme.${th}`)}</span>
          </label>
        ))}
        {themeStatus}
      </fieldset>
      <CatalogSettings />
      <CustomInstructions />
      <ScheduleSettings />
      <AlertSettings />
      <MqttSettings />
      <PairedExtensions />
      <LogData />
    </section>
  );
}

function LogData() {
  const { t } = usePrefs();
  const toast = useToast();
  const reportError = useErrorToast();
  const db = hallDb();
  const summary = useLiveQuery(() => logSummary(db), [db]);
  const [exporting, setExporting] = useState<Format | null>(null);
  const [confirming, setConfirming] = useState<(LogSummary & { changed?: boolean }) | null>(null);
  // Exported from the clear dialog: said in it, since the dialog covers the toasts.
  const [exportedFirst, setExportedFirst] = useState<number | null>(null);

  const exportAs = async (format: Format): Promise<number | null> => {
    setExporting(format);
    try {
      const messages = await allMessages(db);
      const texts = await exportTexts(db, messages, activeCatalog());
      const rows = messages.flatMap((m, i) => exportRows(m, texts[i]!)).sort((a, b) => a.time.localeCompare(b.time));
      if (rows.length === 0) {
        toast('info', t('settings.exportEmpty'));
        return 0;
      }
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      // The byte-order mark makes spreadsheet programs read the CSV as UTF-8 (Chinese text).
      if (format === 'csv') download(`hall10086-log-${stamp}.csv`, ['\ufeff', toCsv(rows, { t })], 'text/csv;charset=utf-8');
      else download(`hall10086-log-${stamp}.json`, [toJson(rows, new Date())], 'application/json');
      toast('success', t('settings.exported', { n: rows.length }));
      return rows.length;
    } catch (error) {
      reportError(error);
      return null;
    } finally {
      setExporting(null);
    }
  };

  const clear = async (named: LogSummary) => {
    setConfirming(null);
    try {
      const now = await clearLog(db, named);
      // Something came in since the question was asked: nothing was deleted; ask again with the figures now.
      if (now) return setConfirming({ ...now, changed: true });
      toast('success', t('clear.done'));
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <>
      <fieldset>
        <legend>{t('settings.export')}</legend>
        <p className="muted">{t('settings.exportHint')}</p>
        {summary && <p>{t('settings.summary', { ...summary })}</p>}
        <ExportButtons exporting={exporting} onExport={(format) => void exportAs(format)} />
      </fieldset>
      <fieldset>
        <legend>{t('settings.clear')}</legend>
        <p className="muted">{t('settings.clearHint')}</p>
        <button
          type="button"
          className="danger"
          disabled={!summary}
          onClick={() => {
            if (!summary) return;
            setExportedFirst(null);
            setConfirming(summary);
          }}
        >
          {t('settings.clearButton')}
        </button>
      </fieldset>
      {confirming && (
        <ConfirmDialog
          title={t('clear.title')}
          confirmLabel={t('clear.confirm')}
          cancelLabel={t('confirm.cancel')}
          danger
          onConfirm={() => void clear(confirming)}
          onCancel={() => setConfirming(null)}
        >
          {confirming.changed && <p role="status">{t('clear.changed')}</p>}
          <p>{t('clear.body', { messages: confirming.messages, parts: confirming.parts, commands: confirming.commands, sims: confirming.sims })}</p>
          <p className="muted">{t('clear.untouched')}</p>
          {/* The text says to export first: the way to is here, not behind the dialog. */}
          <ExportButtons exporting={exporting} onExport={(format) => void exportAs(format).then((n) => n !== null && setExportedFirst(n))} />
          {exportedFirst !== null && <p role="status">{exportedFirst === 0 ? t('settings.exportEmpty') : t('settings.exported', { n: exportedFirst })}</p>}
        </ConfirmDialog>
      )}
    </>
  );
}

/** Export CSV and Export JSON: under "Export the log", and in the clear dialog that asks to export first. */
function ExportButtons({ exporting, onExport }: { exporting: Format | null; onExport(format: Format): void }) {
  const { t } = usePrefs();
  return (
    <div className="actions">
      {(['csv', 'json'] as const).map((format) => (
        <button key={format} type="button" onClick={() => onExport(format)} disabled={exporting !== null}>
          {exporting === format ? t('settings.exporting') : t(format === 'csv' ? 'settings.exportCsv' : 'settings.exportJson')}
        </button>
      ))}
    </div>
  );
}
