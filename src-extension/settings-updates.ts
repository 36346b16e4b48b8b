import { toHallError } from '../src-shared/errors';
import { bilingual, inWords } from './bilingual';
import type { CatalogSession } from './catalog-session';
import type { LastCheck } from './catalog-store';
import { confirmButton } from './confirm-button';
import { h } from './dom';
import { t, tf, type Lang } from './i18n';
import { originPattern, readUpdateInput } from './update-input';

/**
 * Where signed catalog updates come from (none by default: fully offline), checking now, going
 * back to the built-in catalog, and the last check's outcome.
 */
export function updatesSection(lang: Lang, session: CatalogSession): { element: HTMLElement; refresh(): void } {
  const version = h('p', { id: 'catalog-version' });
  const problems = h('div', { id: 'catalog-problems' });
  const source = h('input', { id: 'update-source', type: 'url', autocomplete: 'off', spellcheck: 'false', placeholder: 'https://…/', 'aria-describedby': 'update-source-error' });
  const key = h('input', { id: 'update-key', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'update-key-error' });
  const sourceError = h('p', { id: 'update-source-error', class: 'field-error' });
  const keyError = h('p', { id: 'update-key-error', class: 'field-error' });
  const save = h('button', { type: 'button', id: 'update-save' }, t(lang, 'updateSave'));
  const check = h('button', { type: 'button', id: 'update-check' }, t(lang, 'updateCheck'));
  const rollback = h('span', {});
  const message = h('p', { id: 'update-message', class: 'hint', role: 'status' });
  const result = h('p', { id: 'update-result', role: 'status' });
  const stored = session.inUse.settings.update;
  source.value = stored?.source ?? '';
  key.value = stored?.publicKey ?? '';

  const refresh = () => {
    const { base, origin, settings } = session.inUse;
    version.replaceChildren(t(lang, 'catalogInUse'), h('strong', {}, base.version), t(lang, origin === 'update' ? 'originUpdate' : 'originBuiltin'));
    problems.replaceChildren(...session.inUse.problems.map((p) => h('p', { class: 'error' }, ...bilingual(lang, p))));
    check.disabled = settings.update === null;
    rollback.replaceChildren(
      ...(origin === 'update'
        ? [confirmButton(lang, 'update-rollback', t(lang, 'updateRollback'), t(lang, 'updateRollbackConfirm'), () => session.rollback())]
        : []),
    );
    showResult(lang, result, settings.update === null ? null : settings.lastCheck, settings.update === null);
  };

  const runCheck = async () => {
    check.disabled = true;
    result.className = 'hint';
    result.replaceChildren(t(lang, 'updateChecking'));
    const outcome = await session.checkNow();
    refresh();
    // The check's own outcome: storage may have been too full to keep it.
    if (outcome) showResult(lang, result, outcome, false);
  };

  save.addEventListener('click', () => {
    const input = readUpdateInput(source.value, key.value);
    sourceError.replaceChildren(...(!input.ok && input.field === 'source' ? bilingual(lang, input.error) : []));
    keyError.replaceChildren(...(!input.ok && input.field === 'publicKey' ? bilingual(lang, input.error) : []));
    if (!input.ok) return;
    const { update } = input;
    // Asked for here, inside the click: the browser shows its prompt only during a user gesture.
    const access = update ? chrome.permissions.request({ origins: [originPattern(update.source)] }) : null;
    const previous = session.inUse.settings.update;
    message.className = 'hint';
    void (async () => {
      await session.setUpdateSource(update);
      if (previous && (!update || originPattern(previous.source) !== originPattern(update.source))) {
        // Least privilege: the old site is no longer needed.
        await chrome.permissions.remove({ origins: [originPattern(previous.source)] }).catch(() => false);
      }
      if (!update || !access) {
        message.textContent = t(lang, 'updateCleared');
        return;
      }
      const origin = new URL(update.source).origin;
      message.textContent = tf(lang, 'updateSaved', { origin });
      if (await access.catch(() => false)) await runCheck();
      else message.textContent = tf(lang, 'updateNoAccess', { origin });
    })().catch((e: unknown) => {
      message.className = 'error';
      message.textContent = inWords(lang, toHallError(e));
    });
  });
  check.addEventListener('click', () => void runCheck());

  refresh();
  const element = h(
    'section',
    { class: 'settings-updates' },
    h('h2', {}, t(lang, 'updatesTitle')),
    version,
    problems,
    h('div', { class: 'field' }, h('label', { for: 'update-source' }, t(lang, 'updateSource')), source, sourceError),
    h('div', { class: 'field' }, h('label', { for: 'update-key' }, t(lang, 'updateKey')), key, keyError),
    h('div', { class: 'buttons' }, save, check, rollback),
    message,
    result,
  );
  return { element, refresh };
}

const LOCALE_TAGS: Record<Lang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en' };

function showResult(lang: Lang, element: HTMLElement, check: LastCheck | null, offline: boolean): void {
  if (!check) {
    element.className = 'hint';
    element.replaceChildren(offline ? t(lang, 'updatesOffline') : '');
    return;
  }
  element.className = check.ok ? 'status' : 'error';
  const time = new Date(check.at).toLocaleString(LOCALE_TAGS[lang]);
  element.replaceChildren(tf(lang, 'lastCheck', { time }), ...bilingual(lang, check));
}
