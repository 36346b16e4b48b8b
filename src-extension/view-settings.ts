import type { CatalogSession } from './catalog-session';
import { h } from './dom';
import { t, type Lang } from './i18n';
import { customsSection } from './settings-customs';
import { provinceSection } from './settings-province';
import { updatesSection } from './settings-updates';

/** `#/settings`: province, the user's own instructions, catalog updates. Everything is kept in chrome.storage.local. */
export function settingsView(lang: Lang, session: CatalogSession): HTMLElement {
  const customs = customsSection(lang, session);
  const updates = updatesSection(lang, session);
  const view = h('section', { class: 'settings' }, h('h1', {}, t(lang, 'settingsTitle')), provinceSection(lang, session), customs.element, updates.element);
  const stop = session.onChange(() => {
    // A view left behind (another route, another language) stops listening.
    if (!view.isConnected) return void stop();
    customs.refresh();
    updates.refresh();
  });
  return view;
}
