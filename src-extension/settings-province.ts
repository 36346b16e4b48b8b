import { builtinProvinces } from '../src-shared/catalog/provinces/builtin';
import { PROVINCE_IDS } from '../src-shared/catalog/provinces/schema';
import { toHallError } from '../src-shared/errors';
import { inWords } from './bilingual';
import type { CatalogSession } from './catalog-session';
import { h } from './dom';
import { t, type Lang } from './i18n';

/** None or one of the 31 provinces; a profile nobody has checked says so in its name. */
export function provinceSection(lang: Lang, session: CatalogSession): HTMLElement {
  const select = h('select', { id: 'province', 'aria-describedby': 'province-hint' });
  select.append(
    h('option', { value: '' }, t(lang, 'provinceNone')),
    ...builtinProvinces().provinces.map((p) =>
      h('option', { value: p.id }, p.name[lang] + (p.status === 'unverified' ? t(lang, 'provinceUnverified') : '')),
    ),
  );
  select.value = session.inUse.settings.province ?? '';
  const hint = h('p', { id: 'province-hint', class: 'hint' }, t(lang, 'provinceHint'));
  select.addEventListener('change', () => {
    hint.className = 'hint';
    hint.textContent = t(lang, 'provinceHint');
    session.setProvince(PROVINCE_IDS.find((id) => id === select.value) ?? null).catch((e: unknown) => {
      // Nothing was saved: the list shows what is in use again, and says why.
      select.value = session.inUse.settings.province ?? '';
      hint.className = 'error';
      hint.textContent = inWords(lang, toHallError(e));
    });
  });
  return h(
    'section',
    { class: 'settings-province' },
    h('h2', {}, h('label', { for: 'province' }, t(lang, 'provinceTitle'))),
    select,
    hint,
  );
}
