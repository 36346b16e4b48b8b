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
  button.addEventListener('click', () => askInstead(lang, button, id, question, action));
  wrapper.append(button);
  return wrapper;
}

/**
 * Puts the question, Yes (`<id>-yes`) and Cancel (`<id>-no`, focused) where `button` is; the button comes back on
 * Cancel, Esc, or once the action after Yes has settled.
 */
export function askInstead(lang: Lang, button: HTMLButtonElement, id: string, question: string, action: () => Promise<unknown>): void {
  const yes = h('button', { type: 'button', id: `${id}-yes` }, t(lang, 'confirm'));
  const no = h('button', { type: 'button', id: `${id}-no` }, t(lang, 'cancel'));
  const asking = h('span', { class: 'confirm' }, h('span', { role: 'alert' }, question, ' '), yes, ' ', no);
  const cancel = () => {
    if (!asking.isConnected) return;
    asking.replaceWith(button);
    button.focus();
  };
  yes.addEventListener('click', () => {
    yes.disabled = no.disabled = true;
    void action().finally(cancel);
  });
  no.addEventListener('click', cancel);
  asking.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !no.isConnected) return;
    e.stopPropagation();
    cancel();
  });
  button.replaceWith(asking);
  no.focus();
}
