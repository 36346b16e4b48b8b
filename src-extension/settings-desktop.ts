import { ASSOCIATION_KEY } from './desktop-link';
import { h } from './dom';
import { t, type Lang } from './i18n';
import { PROFILE_NAME_KEY } from './profile-label';

/**
 * The desktop-app part of the options: the name this browser profile gives itself when it pairs,
 * and forgetting this profile's pairing secret (the app's Settings removes its side).
 */
export function desktopSettingsSection(lang: Lang): HTMLElement {
  const name = h('input', { id: 'profile-name', maxlength: '60', autocomplete: 'off' });
  const status = h('p', { class: 'status', role: 'status' });
  void chrome.storage.local.get([PROFILE_NAME_KEY]).then((stored) => {
    const value = stored[PROFILE_NAME_KEY];
    if (typeof value === 'string') name.value = value;
  });
  name.addEventListener('change', () => void chrome.storage.local.set({ [PROFILE_NAME_KEY]: name.value.trim() }));
  const forget = h('button', { type: 'button', id: 'forget-pairing' }, t(lang, 'profileForget'));
  forget.addEventListener('click', () => {
    void chrome.storage.local.remove([ASSOCIATION_KEY]).then(() => {
      status.textContent = t(lang, 'profileForgotten');
    });
  });
  return h(
    'section',
    { class: 'desktop-settings' },
    h('h2', {}, t(lang, 'profileTitle')),
    h('div', { class: 'field' }, h('label', { for: 'profile-name' }, t(lang, 'profileName')), name),
    h('p', { class: 'buttons' }, forget),
    status,
  );
}
