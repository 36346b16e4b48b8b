import { SectionLoading } from '../../components/SectionLoading';
import { useRef, useState } from 'react';
import type { CustomImportResult } from '../../../src-shared/api/contract';
import { checkCustomFileSize, exportCustomFile, readCustomFile, type ImportReport } from '../../../src-shared/catalog/custom/file';
import { editedText } from '../../../src-shared/catalog/custom/edit';
import type { CustomInstruction } from '../../../src-shared/catalog/custom/schema';
import { useCatalogState } from '../../catalog/active-catalog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useFocusReturn } from '../../components/focus-return';
import { useCore } from '../../core/CoreProvider';
import { useErrorToast, useToast } from '../../core/toasts';
import { usePrefs } from '../../prefs/PrefsProvider';
import { SHORTCUTS } from '../../shell/shortcuts';
import { download } from '../../store/download';

interface Draft {
  code: string;
  template: string;
  name: string;
  notes: string;
  to: string;
  confirm: boolean;
}

const EMPTY: Draft = { code: '', template: '', name: '', notes: '', to: '10086', confirm: false };

/** The user's own instructions: add, edit, delete, and share as a file. A catalog update never touches them. */
export function CustomInstructions() {
  const { t, lang, bi } = usePrefs();
  const { api } = useCore();
  const toast = useToast();
  const reportError = useErrorToast();
  const state = useCatalogState();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [deleting, setDeleting] = useState<CustomInstruction | null>(null);
  const [replace, setReplace] = useState(false);
  const [imported, setImported] = useState<CustomImportResult | null>(null);
  /** A file that would overwrite instructions the user has, waiting for a yes: there is no undo after it. */
  const [overwriting, setOverwriting] = useState<{ text: string; codes: string[] } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  if (!state) return <SectionLoading legend={t('custom.title')} />;

  const edit = (c: CustomInstruction | null) => {
    setEditing(c?.code);
    setDraft(c ? { code: c.code, template: c.template, name: c.name[lang], notes: c.notes?.[lang] ?? '', to: c.to, confirm: c.confirm } : EMPTY);
  };
  const save = async (d: Draft) => {
    const before = editing === undefined ? undefined : state.customs.find((c) => c.code === editing);
    const notes = editedText(before?.notes, lang, d.notes.trim());
    const entry = {
      code: d.code.trim(),
      template: d.template.trim() || d.code.trim(),
      name: editedText(before?.name, lang, d.name.trim()),
      ...(notes ? { notes } : {}),
      to: d.to.trim(),
      confirm: d.confirm,
    };
    try {
      await api.call('custom.save', { entry, ...(editing ? { replacing: editing } : {}) });
      setDraft(null);
      toast('success', t('custom.saved', { code: entry.code }));
    } catch (error) {
      reportError(error);
    }
  };
  const runImport = async (text: string) => {
    try {
      setImported(await api.call('custom.import', { text, replace }));
    } catch (error) {
      reportError(error);
    } finally {
      // Replacing is chosen for one file at a time: the next colleague's file adds, unless asked again.
      setReplace(false);
    }
  };
  const importFile = async (f: File) => {
    // A file the reader refuses whole (too big, not JSON, another format) is said now, in its own words,
    // before any question: before, it went on to the core, and one over the request limit came back as a
    // generic refusal after the overwrite question had been answered.
    let text: string;
    let codes: string[];
    try {
      checkCustomFileSize(f.size);
      text = await f.text();
      codes = overwritten(readCustomFile(text, state.customs));
    } catch (error) {
      return reportError(error);
    }
    if (replace && codes.length > 0) return setOverwriting({ text, codes });
    await runImport(text);
  };

  return (
    <fieldset>
      <legend>{t('custom.title')}</legend>
      <p className="muted">{t('custom.hint')}</p>
      {state.customs.length === 0 ? (
        <p>{t('custom.none')}</p>
      ) : (
        <table className="custom-list">
          <tbody>
            {state.customs.map((c) => (
              <tr key={c.code}>
                <td>
                  <code>{c.template}</code>
                </td>
                <td>{c.name[lang]}</td>
                <td>→ {c.to}</td>
                <td className="actions">
                  <button type="button" onClick={() => edit(c)}>
                    {t('custom.edit')}
                  </button>
                  <button type="button" className="danger" onClick={() => setDeleting(c)}>
                    {t('custom.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft ? (
        <DraftForm draft={draft} onChange={setDraft} onSave={() => void save(draft)} onCancel={() => setDraft(null)} />
      ) : (
        <div className="actions">
          <button type="button" id="custom-add" onClick={() => edit(null)}>
            {t('custom.add')}
          </button>
          <button type="button" disabled={state.customs.length === 0} onClick={() => download('hall10086-custom-instructions.json', [exportCustomFile(state.customs)], 'application/json')}>
            {t('custom.export')}
          </button>
          <button type="button" onClick={() => file.current?.click()}>
            {t('custom.import')}
          </button>
          <label className="choice">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
            {t('custom.replace')}
          </label>
          <input
            ref={file}
            id="custom-import-file"
            type="file"
            accept="application/json,.json"
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </div>
      )}
      {imported && (
        <div id="custom-import-result" role="status">
          <p>{t('custom.imported', { added: imported.added, replaced: imported.replaced, kept: imported.kept, skipped: imported.problems.length })}</p>
          <ul>
            {imported.problems.map((p) => (
              <li key={p.index} className="error">
                {t('custom.problem', { n: p.index + 1, code: p.code ?? '?' })} {p.errors.map((e) => bi(e)).join(' ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {overwriting && (
        <ConfirmDialog
          title={t('custom.overwriteTitle', { n: overwriting.codes.length })}
          confirmLabel={t('custom.overwrite')}
          cancelLabel={t('confirm.cancel')}
          danger
          onCancel={() => setOverwriting(null)}
          onConfirm={() => {
            const { text } = overwriting;
            setOverwriting(null);
            void runImport(text);
          }}
        >
          <p>{t('custom.overwriteBody', { n: overwriting.codes.length, codes: overwriting.codes.join(t('fleet.listSep')) })}</p>
        </ConfirmDialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('custom.deleteTitle', { code: deleting.code })}
          confirmLabel={t('custom.delete')}
          cancelLabel={t('confirm.cancel')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const code = deleting.code;
            setDeleting(null);
            api.call('custom.delete', { code }).then(() => toast('success', t('custom.deleted', { code })), reportError);
          }}
        >
          <p>{t('custom.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </fieldset>
  );
}


/**
 * An instruction of one's own being added or edited. It opens with the focus in Code; Esc is Cancel;
 * saved or called off, the focus goes back to the row's Edit, or to Add, which the form stood in for.
 */
function DraftForm({ draft, onChange, onSave, onCancel }: { draft: Draft; onChange(d: Draft): void; onSave(): void; onCancel(): void }) {
  const { t } = usePrefs();
  useFocusReturn('custom-add');
  return (
    <form
      id="custom-form"
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (SHORTCUTS.panel.close.is(e) && !e.nativeEvent.isComposing) onCancel();
      }}
    >
      {(['code', 'template', 'name', 'notes', 'to'] as const).map((field) => (
        <label key={field}>
          {t(`custom.field.${field}`)}
          <input
            id={`custom-${field}`}
            value={draft[field]}
            spellCheck={false}
            autoComplete="off"
            autoFocus={field === 'code'}
            required={field === 'code' || field === 'name'}
            onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
          />
        </label>
      ))}
      <label className="choice">
        <input type="checkbox" checked={draft.confirm} onChange={(e) => onChange({ ...draft, confirm: e.target.checked })} />
        {t('custom.field.confirm')}
      </label>
      <p className="muted">{t('custom.templateHint')}</p>
      <div className="actions">
        <button type="submit" className="primary">
          {t('custom.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The codes a replacing import of `text` would overwrite (same code, other content); none when the file cannot be read. */
function overwritten(report: ImportReport): string[] {
  return report.duplicates.filter((d) => !d.identical).map((d) => d.existing.code);
}
