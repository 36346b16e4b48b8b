import { h } from './dom';
import { t, type Lang } from './i18n';

/**
 * A button whose action needs a second, deliberate step: pressing it shows the question with
 * Yes and Cancel in its place, focus on Cancel, so a stray Enter never destroys anything. Esc
 * cancels (and does not leave the page).
 */
export function confirmButton(lang: Lang, id: string, label: string, question: string, action: () => Promise<void>): HTMLElement {
  const wrapper = h('span', { class: 'confirm' });
  const button = h('button', { type: 'button', id }, label);
  const ask = () => {
    const yes = h('button', { type: 'button', id: `${id}-yes` }, t(lang, 'confirm'));
    const no = h('button', { type: 'button', id: `${id}-no` }, t(lang, 'cancel'));
    const cancel = () => {
      wrapper.replaceChildren(button);
      button.focus();
    };
    yes.addEventListener('click', () => {
      yes.disabled = no.disabled = true;
      void action().finally(() => wrapper.isConnected && cancel());
    });
    no.addEventListener('click', cancel);
    wrapper.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !no.isConnected) return;
      e.stopPropagation();
      cancel();
    });
    wrapper.replaceChildren(h('span', { role: 'alert' }, question, ' '), yes, ' ', no);
    no.focus();
  };
  button.addEventListener('click', ask);
  wrapper.append(button);
  return wrapper;
}
