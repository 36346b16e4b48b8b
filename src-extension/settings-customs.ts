import type { CustomInstruction } from '../src-shared/catalog/custom/schema';
import { toHallError } from '../src-shared/errors';
import { inLang } from './bilingual';
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

  const refresh = () => {
    const customs = session.inUse.settings.customs;
    list.replaceChildren(...(customs.length ? customs.map((c) => customItem(lang, session, c)) : [h('li', { class: 'hint' }, t(lang, 'customsEmpty'))]));
    exportButton.disabled = customs.length === 0;
  };

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      result.replaceChildren(...importReport(lang, await session.importCustoms(await chosen.text(), replace.checked)));
    } catch (e) {
      const error = toHallError(e);
      result.replaceChildren(h('p', { class: 'error' }, inLang(lang, error), error.action ? ` ${inLang(lang, error.action)}` : ''));
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
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, t(lang, 'importFile')), file),
    h('label', { class: 'check' }, replace, ' ', t(lang, 'importReplace')),
    result,
    exportButton,
  );
  return { element, refresh };
}

function customItem(lang: Lang, session: CatalogSession, custom: CustomInstruction): HTMLLIElement {
  return h(
    'li',
    { 'data-code': custom.code },
    h('code', {}, custom.code),
    ' ',
    h('span', { class: 'name' }, custom.name[lang]),
    h('small', {}, `${custom.template} → ${custom.to}`),
    confirmButton(lang, `delete-${custom.code}`, t(lang, 'deleteCustom'), tf(lang, 'deleteCustomConfirm', { code: custom.code }), () =>
      session.deleteCustom(custom.code),
    ),
  );
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
