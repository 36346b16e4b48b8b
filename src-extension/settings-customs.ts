import { editedText } from '../src-shared/catalog/custom/edit';
import type { CustomInstruction } from '../src-shared/catalog/custom/schema';
import { toHallError } from '../src-shared/errors';
import { inLang, inWords } from './bilingual';
import type { CatalogSession, ImportOutcome } from './catalog-session';
import { confirmButton } from './confirm-button';
import { h } from './dom';
import { t, tf, type Lang } from './i18n';

export const EXPORT_FILE_NAME = 'hall10086-custom-instructions.json';

/** The user's own instructions: the list with Delete, a colleague's file in, the list out as a file. */
export function customsSection(lang: Lang, session: CatalogSession): { element: HTMLElement; refresh(): void } {
  const list = h('ul', { id: 'customs', class: 'customs' });
  const file = h('input', { id: 'import-file', type: 'file', accept: '.json,application/json' });
  const replace = h('input', { id: 'import-replace', type: 'checkbox' });
  const result = h('div', { id: 'import-result', role: 'status' });
  const exportButton = h('button', { type: 'button', id: 'export-customs' }, t(lang, 'exportFile'));

  const form = customForm(lang, session);
  const refresh = () => {
    const customs = session.inUse.settings.customs;
    list.replaceChildren(...(customs.length ? customs.map((c) => customItem(lang, session, c, form.edit)) : [h('li', { class: 'hint' }, t(lang, 'customsEmpty'))]));
    exportButton.disabled = customs.length === 0;
  };

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      result.replaceChildren(...importReport(lang, await session.importCustoms(await chosen.text(), replace.checked)));
    } catch (e) {
      const error = toHallError(e);
      result.replaceChildren(h('p', { class: 'error' }, inWords(lang, error)));
    }
    // The same file may be chosen again after fixing it.
    file.value = '';
  });
  exportButton.addEventListener('click', () => download(EXPORT_FILE_NAME, session.exportCustoms()));

  refresh();
  const element = h(
    'section',
    { class: 'settings-customs' },
    h('h2', {}, t(lang, 'customsTitle')),
    list,
    form.element,
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, t(lang, 'importFile')), file),
    h('label', { class: 'check' }, replace, ' ', t(lang, 'importReplace')),
    result,
    exportButton,
  );
  return { element, refresh };
}

function customItem(lang: Lang, session: CatalogSession, custom: CustomInstruction, edit: (c: CustomInstruction) => void): HTMLLIElement {
  const editButton = h('button', { type: 'button', id: `edit-${custom.code}` }, t(lang, 'customEdit'));
  editButton.addEventListener('click', () => edit(custom));
  return h(
    'li',
    { 'data-code': custom.code },
    h('code', {}, custom.code),
    ' ',
    h('span', { class: 'name' }, custom.name[lang]),
    h('small', {}, `${custom.template} → ${custom.to}`),
    editButton,
    confirmButton(lang, `delete-${custom.code}`, t(lang, 'deleteCustom'), tf(lang, 'deleteCustomConfirm', { code: custom.code }), () =>
      session.deleteCustom(custom.code),
    ),
  );
}

/** Code, name, SMS text, destination and "ask first": checked like the app's form, saved in the user's language. */
function customForm(lang: Lang, session: CatalogSession): { element: HTMLFormElement; edit(c: CustomInstruction): void } {
  let replacing: CustomInstruction | undefined;
  const field = (id: string, label: string, value = '') => {
    const input = h('input', { id, autocomplete: 'off', spellcheck: 'false' });
    input.value = value;
    return { input, element: h('div', { class: 'field' }, h('label', { for: id }, label), input) };
  };
  const code = field('custom-code', t(lang, 'customCode'));
  const name = field('custom-name', t(lang, 'customName'));
  const template = field('custom-template', t(lang, 'customTemplate'));
  const to = field('custom-to', t(lang, 'customTo'), '10086');
  const confirm = h('input', { id: 'custom-confirm', type: 'checkbox' });
  const status = h('p', { id: 'custom-status', role: 'status' });
  const form = h(
    'form',
    { id: 'custom-form', class: 'custom-form', novalidate: '' },
    h('h3', {}, t(lang, 'customFormTitle')),
    code.element,
    name.element,
    template.element,
    to.element,
    h('label', { class: 'check' }, confirm, ' ', t(lang, 'customConfirm')),
    h('button', { type: 'submit' }, t(lang, 'customSave')),
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const entry = {
      code: code.input.value.trim(),
      name: editedText(replacing?.name, lang, name.input.value.trim()),
      // This form has no notes field: an edit keeps the notes the entry has.
      ...(replacing?.notes ? { notes: replacing.notes } : {}),
      ...(template.input.value.trim() ? { template: template.input.value.trim() } : {}),
      to: to.input.value.trim(),
      confirm: confirm.checked,
    };
    session.saveCustom(entry, replacing?.code).then(
      () => {
        replacing = undefined;
        form.reset();
        to.input.value = '10086';
        status.className = 'status';
        status.textContent = t(lang, 'customSaved');
      },
      (error: unknown) => {
        status.className = 'error';
        status.textContent = inWords(lang, toHallError(error));
      },
    );
  });
  return {
    element: form,
    edit(c) {
      replacing = c;
      code.input.value = c.code;
      name.input.value = c.name[lang];
      template.input.value = c.template;
      to.input.value = c.to;
      confirm.checked = c.confirm;
      code.input.focus();
    },
  };
}

/** The counts, then each skipped entry with what is wrong with it, in the user's language. */
function importReport(lang: Lang, outcome: ImportOutcome): HTMLElement[] {
  const summary = h('p', { class: 'status' }, tf(lang, 'importDone', { added: outcome.added, replaced: outcome.replaced, kept: outcome.kept, skipped: outcome.problems.length }));
  if (!outcome.problems.length) return [summary];
  const problems = h(
    'ul',
    { class: 'import-problems' },
    ...outcome.problems.map((p) =>
      h('li', { class: 'error' }, tf(lang, 'importEntry', { n: p.index + 1, code: p.code ?? '?' }), p.errors.map((e) => inLang(lang, e)).join(' ')),
    ),
  );
  return [summary, problems];
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  h('a', { href: url, download: name }).click();
  // The download has its own copy once it starts; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
