import { describe, expect, it } from 'vitest';
import { HallError } from '../../../src-shared/errors';
import { describeError } from '../../../src-renderer/core/describe-error';
import { describeSendError } from '../../../src-renderer/core/describe-send-error';
import { makeI18n } from '../../../src-renderer/i18n';
import { explainSendFailure, REPORT_UNTIED_NOTE } from '../../../src-shared/send-failure';

const zh = makeI18n('zh-Hans');
const en = makeI18n('en');

describe('describeError', () => {
  it('shows a HallError in the language, with its advice', () => {
    const error = new HallError('modem.busy', { zh: '端口被占用。', en: 'The port is busy.' }, { action: { zh: '关掉其他程序。', en: 'Close the other program.' } });
    expect(describeError(error, zh)).toEqual({ code: 'modem.busy', text: '端口被占用。', action: '关掉其他程序。' });
    expect(describeError(error, en)).toEqual({ code: 'modem.busy', text: 'The port is busy.', action: 'Close the other program.' });
  });

  it('shows an error that crossed the wire as a plain object', () => {
    expect(describeError({ code: 'api.bad-request', zh: '请求不对。', en: 'Bad request.' }, en)).toEqual({ code: 'api.bad-request', text: 'Bad request.' });
  });

  it.each([
    ['a full disk', new DOMException('quota', 'QuotaExceededError'), 'QuotaExceededError', 'error.quota'],
    ['a full disk wrapped by Dexie', Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('q', 'QuotaExceededError') }), 'QuotaExceededError', 'error.quota'],
    ['a log from a newer version', Object.assign(new Error('v'), { name: 'VersionError' }), 'VersionError', 'error.version'],
  ] as const)('explains %s in plain words', (_why, error, code, key) => {
    expect(describeError(error, zh)).toEqual({ code, text: zh.t(key) });
  });

  it('names another storage failure without its message', () => {
    const error = Object.assign(new Error('internal detail /home/user/…'), { name: 'DatabaseClosedError' });
    const described = describeError(error, en);
    expect(described).toEqual({ code: 'DatabaseClosedError', text: 'The local log cannot be opened (DatabaseClosedError).' });
    expect(described.text).not.toContain('internal detail');
  });

  it.each([
    ['a bug', new TypeError('x is undefined')],
    ['a file that cannot be read', new DOMException('gone', 'NotReadableError')],
  ])('does not blame the local log for %s', (_why, error) => {
    expect(describeError(error, en)).toEqual({ code: error.name, text: 'Something went wrong; please try again.' });
  });

  it.each([['a string'], [42], [null], [undefined]])('falls back to a generic sentence for %j', (thrown) => {
    expect(describeError(thrown, en)).toEqual({ code: 'error', text: 'Something went wrong; please try again.' });
  });
});

describe('describeSendError', () => {
  it('explains an SMS-centre refusal from the CMS table, with its advice', () => {
    const d = describeSendError('cms.38', en);
    expect(d.text).toBe('The SMS centre refused the message: The network is out of order.');
    expect(d.action).toBeTruthy();
  });

  it('says a network timeout (cms.332) may have gone out, no refusal, in both languages (review43)', () => {
    expect(describeSendError('cms.332', en)).toEqual({ code: 'cms.332', text: 'The network timed out.', action: expect.stringContaining('may have gone through') });
    expect(describeSendError('cms.332', zh)).toEqual({ code: 'cms.332', text: '网络响应超时。', action: expect.stringContaining('短信可能已经发出') });
    expect(explainSendFailure('cms.332')).toMatchObject({ zh: '网络响应超时。', en: 'The network timed out.' });
  });

  it('says an ME failure, an unknown error and a vendor code after the body may have gone out, with the advice to wait (mend51)', () => {
    for (const code of ['cms.300', 'cms.500', 'cms.654']) {
      expect(describeSendError(code, en).action).toContain('may have gone through');
      expect(describeSendError(code, zh).action).toContain('短信可能已经发出');
      expect(explainSendFailure(code).zh).not.toContain('短信没有发出');
      expect(explainSendFailure(code).action.zh).toContain('短信可能已经发出');
    }
    // Nothing went: the modem refused before transmitting.
    expect(explainSendFailure('cms.304').zh).toBe('短信没有发出：PDU 模式参数无效。');
  });

  it('says the same codes answered before the prompt (a `failed` record) were not sent, without the advice to wait (mend53)', () => {
    for (const code of ['cms.300', 'cms.332', 'cms.500', 'cms.654']) {
      expect(describeSendError(code, en, 'failed').action).not.toContain('may have gone through');
      expect(describeSendError(code, zh, 'failed').text).toMatch(/^短信中心拒绝了这条短信：/);
      expect(explainSendFailure(code, 'failed').zh).toMatch(/^短信没有发出：/);
      expect(explainSendFailure(code, 'failed').action.zh).not.toContain('可能已经发出');
      // The record that may have gone keeps the advice.
      expect(explainSendFailure(code, 'failed-retryable').action.zh).toContain('短信可能已经发出');
    }
  });

  it('says a failed-retryable record may have gone out whatever its code: a bare ERROR, a +CME ERROR, a refusal of a later part (mend65)', () => {
    for (const code of ['at.error', 'at.cme', 'at.unanswered', 'cms.21']) {
      const said = [explainSendFailure(code, 'failed-retryable'), describeSendError(code, zh, 'failed-retryable'), describeSendError(code, en, 'failed-retryable')];
      const words = said.flatMap((d) => ('zh' in d ? [d.zh, d.en, d.action.zh, d.action.en] : [d.text, d.action ?? '']));
      expect(words.filter((t) => /没有发出|not sent|发送失败|Sending failed/.test(t)), code).toEqual([]);
      // cms.21 keeps its meaning (the centre refused that part), with the advice to wait: an earlier part went.
      expect(words.filter((t) => /可能已经发出|may have gone/.test(t)).length, code).toBeGreaterThanOrEqual(4);
    }
    expect(describeSendError('at.error', zh, 'failed-retryable').text).toBe('发送途中调制解调器报告了错误（at.error），短信可能已经发出。确认没有收到回复后再重试。');
  });

  it.each([
    ['status.64', 'The SMS centre reports it cannot be delivered (status 64).'],
    ['status.96', 'The SMS centre could not deliver it for now (status 96) and has stopped trying.'],
    ['at.timeout', 'The modem did not answer in time; the message may have gone out. Retry only if no reply comes.'],
    ['at.closed', 'The modem went away while sending; the message may have gone out. Retry only if no reply comes.'],
    ['send.sim-changed', 'The SIM in the modem was changed while this instruction waited; it was for the card before and was not sent from the new one. Put the first card back and retry; for the new card, send it anew.'],
    ['modem.gone', 'Sending failed (modem.gone).'],
  ])('%s → %s', (code, text) => {
    expect(describeSendError(code, en)).toEqual({ code, text });
  });

  it('explains send.sim-changed in Chinese too, not with the bare code', () => {
    expect(describeSendError('send.sim-changed', zh).text).toMatch(/换了一张 SIM 卡.*没有从新卡发出/);
  });

  it('says under a sent instruction that a status report could not be tied to it, in both languages (mend46)', () => {
    expect(describeSendError(REPORT_UNTIED_NOTE, zh).text).toMatch(/已发出，送达结果未知.*同一号码.*同一参考号/);
    expect(describeSendError(REPORT_UNTIED_NOTE, en).text).toMatch(/^Sent; delivery unknown.*same number.*same reference/);
    expect(explainSendFailure(REPORT_UNTIED_NOTE)).toMatchObject({ zh: expect.stringMatching(/送达结果未知/), en: expect.stringMatching(/delivery is not known/) });
  });
});
