import { cmsMayHaveSent, explainCms } from '../../src-shared/at/cms-errors';
import { MAYBE_SENT } from '../../src-shared/at/error-actions';
import { INTERRUPTED_QUEUE_ERROR, INTERRUPTED_SEND_ERROR } from '../../src-shared/journal-records';
import { NO_NETWORK_ERROR, SIM_CHANGED_ERROR } from '../../src-shared/send-failure';
import { sendNote } from '../../src-shared/send-notes';
import type { I18n } from '../i18n';
import type { Described } from './describe-error';

/**
 * The reason an outgoing instruction failed, from the stable code the core journals with it. `state`: the record's; a
 * code that may follow the body is "may have gone out" unless the record is `failed` (before the prompt, mend53).
 */
export function describeSendError(code: string, i18n: I18n, state?: string): Described {
  const cms = /^cms\.(\d+)$/.exec(code);
  if (cms) {
    const explained = explainCms(Number(cms[1]));
    // A network timeout is no refusal: the message may have gone out, as its action says (review43).
    // A record that may have gone out (an earlier part was taken) is never told as refused (mend65).
    if (state === 'failed-retryable' || (state !== 'failed' && cmsMayHaveSent(Number(cms[1])))) return { code, text: i18n.bi(explained), action: i18n.bi(MAYBE_SENT) };
    return { code, text: i18n.t('sendError.cms', { reason: i18n.bi(explained) }), action: i18n.bi(explained.action) };
  }
  const status = /^status\.(\d+)$/.exec(code);
  if (status) {
    // TP-Status (3GPP TS 23.040 9.2.3.15): 0x40–0x5F the centre gave up for good, 0x60–0x7F it stopped after temporary errors.
    const n = Number(status[1]);
    return { code, text: i18n.t(n >= 0x60 ? 'sendError.statusTemporary' : 'sendError.statusPermanent', { n }) };
  }
  if (code === 'at.timeout') return { code, text: i18n.t(state === 'failed' ? 'sendError.timeoutNoPrompt' : 'sendError.timeout') };
  if (code === 'at.closed') return { code, text: i18n.t(state === 'failed' ? 'sendError.closedNoPrompt' : 'sendError.closed') };
  if (code === INTERRUPTED_SEND_ERROR) return { code, text: i18n.t('sendError.interrupted') };
  if (code === INTERRUPTED_QUEUE_ERROR) return { code, text: i18n.t('sendError.interruptedQueue') };
  // A bare ERROR, a +CME ERROR or an unknown verbose text after the body, or a failure after an earlier part was taken:
  // it may have gone out (mend65, review49 F1: the bubble said only "发送失败（at.error）").
  if (state === 'failed-retryable') return { code, text: i18n.t('sendError.maybeSent', { code }), action: i18n.bi(MAYBE_SENT) };
  const note = sendNote(code);
  if (note) return { code, text: note[i18n.lang] };
  if (code === NO_NETWORK_ERROR) return { code, text: i18n.t('sendError.noNetwork') };
  if (code === SIM_CHANGED_ERROR) return { code, text: i18n.t('sendError.simChanged') };
  return { code, text: i18n.t('sendError.other', { code }) };
}
