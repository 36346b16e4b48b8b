import { h } from './dom';
import { t, type Lang } from './i18n';
import { isReportableUrl, REPORT_PORT, reportText } from './report';
import { smsOutput } from './sms-output';
import { desktopSendSection } from './view-desktop-send';

/** The report SMS for a web address, to send from a phone: this page sends nothing. */
export function reportView(lang: Lang, initialUrl: string): HTMLElement {
  const input = h('input', { id: 'report-url', type: 'url', autocomplete: 'off', spellcheck: 'false' });
  input.value = initialUrl;
  const error = h('p', { id: 'report-url-error', class: 'field-error' });
  const output = h('div', { class: 'output' });
  const desktop = desktopSendSection(lang, () =>
    isReportableUrl(input.value) ? { request: { text: reportText(input.value), to: REPORT_PORT }, label: input.value } : null,
  );
  const update = () => {
    desktop.refresh();
    const ok = isReportableUrl(input.value);
    error.textContent = ok || !input.value ? '' : t(lang, 'reportBadUrl');
    output.replaceChildren(...(ok ? [smsOutput(lang, { to: REPORT_PORT, text: reportText(input.value), masked: null })] : []));
  };
  input.addEventListener('input', update);
  update();
  return h(
    'section',
    { class: 'report' },
    h('h1', {}, t(lang, 'reportTitle')),
    h('p', { class: 'hint' }, t(lang, 'reportNothingSent')),
    h('div', { class: 'field' }, h('label', { for: 'report-url' }, t(lang, 'reportUrl')), input, error),
    output,
    desktop.element,
  );
}
