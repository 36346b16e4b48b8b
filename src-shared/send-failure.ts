import { cmsMayHaveSent, explainCms } from './at/cms-errors';
import * as A from './at/error-actions';
import type { Bilingual } from './errors';
import { INTERRUPTED_QUEUE_ERROR, INTERRUPTED_SEND_ERROR } from './journal-records';
import { REPORT_UNTIED_NOTE, WAITING_NETWORK_NOTE } from './send-notes';

export { REPORT_UNTIED_NOTE, WAITING_NETWORK_NOTE };

export interface SendFailure extends Bilingual {
  action: Bilingual;
}

/** Journaled with an instruction still queued when another card was put in the modem (`ModemSession.cardLeft`). */
export const SIM_CHANGED_ERROR = 'send.sim-changed';
/** A fresh send refused because the same one, sent last from that SIM, may already have gone out (mend55). */
export const MAYBE_SENT_REFUSED = 'send.maybe-sent';
/** Journaled with an instruction failed after waiting `networkWaitMs` for the network (`ModemSession.giveUpOnNetwork`). */
export const NO_NETWORK_ERROR = 'send.no-network';

const MAYBE_SENT: Bilingual = {
  zh: '先看看有没有收到 10086 的回复；没有收到再重发，以免重复办理。',
  en: 'First check whether 10086 replied; resend only if it did not, so nothing is done twice.',
};

/** Codes told below with words of their own for a send that may have gone out. */
const OWN_MAYBE_WORDS: ReadonlySet<string> = new Set(['at.timeout', 'at.closed', INTERRUPTED_SEND_ERROR]);

/**
 * What the stable code journaled with a failed instruction means, in plain words, and what to do:
 * `cms.<n>` (the SMS centre or modem refused it), `status.<n>` (a status report said it failed),
 * `at.*` (the modem), journal interruptions. `state`: the record's, when known; a `+CMS ERROR` code that may follow
 * the body, and a timeout, are told as "may have gone out" unless the record is `failed` (before the prompt).
 */
export function explainSendFailure(code: string, state?: string): SendFailure {
  const cms = /^cms\.(\d+)$/.exec(code);
  if (cms) {
    const e = explainCms(Number(cms[1]));
    // Said after the message was handed over (a network timeout, an ME failure…): it may have gone out (review43: this
    // said "短信没有发出" before it; mend51: 300, 500 and vendor codes too, with the advice to wait for 10086's reply).
    // The same code before the `> ` prompt is journaled `failed`: nothing went (mend53).
    // A record that may have gone out (an earlier part was taken, mend47) is never told as not sent (mend65).
    if (state === 'failed-retryable' || (state !== 'failed' && cmsMayHaveSent(Number(cms[1])))) return { zh: e.zh, en: e.en, action: A.MAYBE_SENT };
    return { zh: `短信没有发出：${e.zh}`, en: `The message was not sent: ${e.en}`, action: e.action };
  }
  const status = /^status\.(\d+)$/.exec(code);
  if (status) {
    // TP-Status (3GPP TS 23.040 §9.2.3.15): 0x60–0x7F the centre stopped after temporary errors, 0x40–0x5F it gave up for good.
    const n = Number(status[1]);
    return n >= 0x60
      ? { zh: `短信中心暂时无法送达（状态 ${n}），已停止重试。`, en: `The SMS centre could not deliver it for now (status ${n}) and stopped trying.`, action: { zh: '稍后再发一次。', en: 'Send it again later.' } }
      : { zh: `短信中心报告无法送达（状态 ${n}）。`, en: `The SMS centre reports it cannot be delivered (status ${n}).`, action: { zh: '核对号码和指令；仍失败时拨打 10086 询问。', en: 'Check the number and the instruction; if it still fails, call 10086.' } };
  }
  // Any other answer after the body (a bare ERROR, a +CME ERROR, a verbose text nobody knows) leaves it open that the
  // message went, as does a failure after an earlier part was taken: never "没有发出" (mend65, review49 F1).
  if (state === 'failed-retryable' && !OWN_MAYBE_WORDS.has(code)) {
    return {
      zh: `发送途中调制解调器报告了错误（${code}），短信可能已经发出。`,
      en: `The modem reported an error (${code}) while sending; the message may have gone out.`,
      action: MAYBE_SENT,
    };
  }
  switch (code) {
    case 'at.timeout':
      // Journaled `failed` when the modem never asked for the body (the `> ` prompt): nothing went (mend55).
      if (state === 'failed') {
        return { zh: '调制解调器没有按时要求输入短信内容，短信没有发出。', en: 'The modem did not ask for the message body in time; the message was not sent.', action: A.RETRY_THEN_REPLUG };
      }
      return { zh: '调制解调器没有按时回应，短信可能已经发出。', en: 'The modem did not answer in time; the message may have gone out.', action: MAYBE_SENT };
    case 'at.closed':
      // Journaled `failed` when the link closed before the modem asked for the body: nothing went (mend61).
      if (state === 'failed') {
        return { zh: '调制解调器在要求输入短信内容之前断开了，短信没有发出。', en: 'The modem went away before it asked for the message body; the message was not sent.', action: A.RETRY_THEN_REPLUG };
      }
      return { zh: '发送途中调制解调器断开了，短信可能已经发出。', en: 'The modem went away while sending; the message may have gone out.', action: MAYBE_SENT };
    case 'at.unanswered':
      return {
        zh: '调制解调器不再回应，短信没有发出。',
        en: 'The modem stopped answering; the message was not sent.',
        action: { zh: '拔插调制解调器后再发。', en: 'Replug the modem and send again.' },
      };
    case SIM_CHANGED_ERROR:
      return {
        zh: '排队期间调制解调器里换了一张 SIM 卡，这条指令是给之前那张卡的，没有从新卡发出。',
        en: 'The SIM in the modem was changed while this instruction waited; it was for the card before, and was not sent from the new one.',
        action: { zh: '放回原来的卡后再发；要用新卡办理，请为新卡重新发送。', en: 'Put the first card back and send it again; to do it for the new card, send it anew for that card.' },
      };
    case WAITING_NETWORK_NOTE:
      return {
        zh: '正在等待网络：调制解调器还在注册网络，注册上就发出。',
        en: 'Waiting for the network: the modem is still registering, and the message goes once it is registered.',
        action: { zh: '不用重发；一分钟内没有网络会提示失败。', en: 'No need to resend; if there is no network within a minute it is marked failed.' },
      };
    case REPORT_UNTIED_NOTE:
      return {
        zh: '已发出，但送达结果未知：收到的状态报告也可能属于发往同一号码、共用同一参考号的另一条短信，分不清是哪一条的。',
        en: 'Sent, but its delivery is not known: the status report that came could as well be for another text to the same number under the same reference.',
        action: { zh: '看看有没有收到 10086 的回复；不要仅凭这份报告重发。', en: 'See whether 10086 replied; do not resend on this report alone.' },
      };
    case NO_NETWORK_ERROR:
      return {
        zh: '等了一分钟，调制解调器仍没有注册上网络，短信没有发出。',
        en: 'The modem did not register on the network within a minute; the message was not sent.',
        action: { zh: '检查信号和 SIM 卡（用 modem status 查看），有网络后再发。', en: 'Check the signal and the SIM (modem status), and send again once there is a network.' },
      };
    case INTERRUPTED_SEND_ERROR:
      return { zh: '发送时应用意外退出，无法确定短信是否已经发出。', en: 'The app stopped while sending; it is not known whether the message went out.', action: MAYBE_SENT };
    case INTERRUPTED_QUEUE_ERROR:
      return {
        zh: '应用意外退出时这条指令还在排队，没有发出。',
        en: 'The app stopped while this instruction was queued; it was not sent.',
        action: { zh: '需要的话再发一次。', en: 'Send it again if you still need it.' },
      };
    default:
      return {
        zh: `短信没有发出（${code}）。`,
        en: `The message was not sent (${code}).`,
        action: { zh: '用 modem status 查看调制解调器的状态，解决提示的问题后再发。', en: 'Check the modem with modem status, fix what it points out, and send again.' },
      };
  }
}
