import { h } from './dom';
import { t, type Lang } from './i18n';
import { hasQueryOrFragment, isReportableUrl, reportedUrl, REPORT_PORT, reportText } from './report';
import { smsOutput } from './sms-output';
import { desktopSendSection } from './view-desktop-send';

/**
 * The report SMS for a web address, shown in full before anything is sent: the address without
 * its query and fragment unless the user ticks to keep them. This page sends nothing by itself.
 */
export function reportView(lang: Lang, initialUrl: string): HTMLElement {
  const input = h('input', { id: 'report-url', type: 'url', autocomplete: 'off', spellcheck: 'false' });
  input.value = initialUrl;
  const keep = h('input', { id: 'report-keep-query', type: 'checkbox' });
  const keepRow = h('label', { class: 'check' }, keep, ' ', t(lang, 'reportKeepQuery'));
  const error = h('p', { id: 'report-url-error', class: 'field-error' });
  const output = h('div', { class: 'output' });
  const reported = () => (isReportableUrl(input.value) ? reportedUrl(input.value, keep.checked) : null);
  const desktop = desktopSendSection(lang, () => {
    const url = reported();
    return url ? { request: { text: reportText(url), to: REPORT_PORT }, label: url } : null;
  });
  const update = () => {
    const url = reported();
    keepRow.hidden = !hasQueryOrFragment(input.value);
    error.textContent = url || !input.value ? '' : t(lang, webAddress(input.value) ? 'reportLocal' : 'reportBadUrl');
    output.replaceChildren(...(url ? [smsOutput(lang, { to: REPORT_PORT, text: reportText(url), masked: null }, desktop.sendButton)] : []));
    desktop.refresh();
  };
  input.addEventListener('input', update);
  keep.addEventListener('change', update);
  update();
  return h(
    'section',
    { class: 'report' },
    h('h1', {}, t(lang, 'reportTitle')),
    h('div', { class: 'field' }, h('label', { for: 'report-url' }, t(lang, 'reportUrl')), input, error, keepRow),
    output,
    h('p', { class: 'hint' }, t(lang, 'reportNothingSent')),
    desktop.element,
  );
}

function webAddress(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}
