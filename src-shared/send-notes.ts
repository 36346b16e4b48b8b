import type { Lang } from './errors';

/** Journaled with an instruction still `queued` while the modem's network registration is searching: a note, not a failure. */
export const WAITING_NETWORK_NOTE = 'send.waiting-network';
/**
 * Journaled with an instruction still `sent` when a status report came that it and another send to its number under
 * the same reference could own (`ModemSession`, review39): its delivery is not known. A note, not a failure.
 */
export const REPORT_UNTIED_NOTE = 'send.report-untied';

const NOTES = new Map<string, Readonly<Record<Lang, string>>>([
  [
    WAITING_NETWORK_NOTE,
    {
      'zh-Hans': '正在等待网络：调制解调器还在注册网络，注册上就发出（一分钟内没有网络会提示失败）。',
      'zh-Hant': '正在等待網路：數據機還在註冊網路，註冊上就送出（一分鐘內沒有網路會提示失敗）。',
      en: 'Waiting for the network: the modem is still registering; it goes once registered (failed after a minute without).',
    },
  ],
  [
    REPORT_UNTIED_NOTE,
    {
      'zh-Hans': '已发出，送达结果未知：收到的状态报告可能属于这条，也可能属于发往同一号码、共用同一参考号的另一条。重发前先看看有没有收到 10086 的回复。',
      'zh-Hant': '已送出，送達結果未知：收到的狀態報告可能屬於這則，也可能屬於發往同一號碼、共用同一參考號的另一則。重發前先看看有沒有收到 10086 的回覆。',
      en: 'Sent; delivery unknown: the status report that came could be this one’s or another text’s to the same number under the same reference. See whether 10086 replied before sending again.',
    },
  ],
]);

/**
 * What a send's note (a code journaled with a send that did not fail) says, in each language: one wording for the
 * app's thread and the extension's popup, which show it muted beside the send's state, not as a failure. Null for a
 * code that is no note (a failure's).
 */
export function sendNote(code: string): Readonly<Record<Lang, string>> | null {
  return NOTES.get(code) ?? null;
}
