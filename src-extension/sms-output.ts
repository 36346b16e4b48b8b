import { h } from './dom';
import { t, type Lang } from './i18n';
import { qrSvg } from './qr';
import { smsToPayload } from '../src-shared/catalog/check';
import { outgoingText, type Audience } from '../src-shared/catalog/outgoing-text';
import { isServiceSmsPort } from '../src-shared/catalog/service-numbers';
import { HallError } from '../src-shared/errors';
import { bilingual } from './bilingual';

export interface SmsOutputOptions {
  to: string;
  text: string;
  /** What is shown while the secret is hidden (the text with secrets masked); null when nothing is secret. */
  masked: string | null;
}

/**
 * The exact SMS, its destination, Copy, and the `SMSTO:` QR code. With a secret in it, the text
 * and the QR code stay hidden until the user asks; Copy always copies the real text.
 */
export function smsOutput(lang: Lang, options: SmsOutputOptions, beside?: Node): HTMLElement {
  // What is shown, copied and put in the QR code is what the app would send (outgoingText, as the core
  // does): nothing invisible; a blank-looking letter inside is refused there, so it is refused here.
  const { to } = options;
  const audience: Audience = isServiceSmsPort(to) ? 'service' : 'person';
  let text: string;
  let masked: string | null;
  try {
    text = outgoingText(options.text, audience).text;
    masked = options.masked === null ? null : outgoingText(options.masked, audience).text;
  } catch (error) {
    if (!(error instanceof HallError)) throw error;
    return h('section', { class: 'sms' }, h('p', { class: 'error', id: 'sms-refused' }, ...bilingual(lang, error)));
  }
  const code = h('code', { id: 'sms-text' }, masked ?? text);
  const status = h('span', { class: 'status', role: 'status' });
  const copy = h('button', { type: 'button', id: 'copy' }, t(lang, 'copy'));
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(text).then(
      // A clipboard history may keep it, and no page can mark it as secret: the user is told.
      () => (status.textContent = t(lang, masked === null ? 'copied' : 'copiedSecret')),
      () => (status.textContent = t(lang, 'copyFailed')),
    );
  });
  const qrBox = h('div', { class: 'qr-box' });
  const showQr = () => {
    code.textContent = text;
    qrBox.replaceChildren(qrSvg(smsToPayload(to, text), t(lang, 'qrLabel')) ?? h('p', { class: 'error' }, t(lang, 'qrTooLong')));
  };
  if (masked === null) {
    showQr();
  } else {
    const show = h('button', { type: 'button', id: 'show-secret' }, t(lang, 'showSecret'));
    show.addEventListener('click', showQr);
    qrBox.append(show);
  }
  return h(
    'section',
    { class: 'sms' },
    h('p', { class: 'to' }, `${t(lang, 'smsTo')} `, h('strong', {}, to)),
    h('p', {}, code),
    h('p', { class: 'buttons' }, copy, beside ?? null, status),
    qrBox,
  );
}
