import { cmeCodeForName, explainCme } from '../../../src-shared/at/cme-errors';
import { cmsCodeForName, explainCms } from '../../../src-shared/at/cms-errors';
import { MAYBE_SENT, RETRY_THEN_REPLUG } from '../../../src-shared/at/error-actions';
import type { FinalResult } from '../../../src-shared/at/final-result';
import { HallError, type Bilingual } from '../../../src-shared/errors';

export type AtErrorCode = 'at.timeout' | 'at.error' | 'at.cms' | 'at.cme' | 'at.closed' | 'at.unanswered';

export type AtErrorDetails = {
  /** The command as sent, with PINs and passwords masked. */
  command: string;
  cms?: number;
  cme?: number;
  /** The modem's own words for a verbose error (AT+CMEE=2). */
  verbose?: string;
  /** For at.timeout: what was awaited, and for how long. */
  stage?: 'prompt' | 'response';
  timeoutMs?: number;
  /**
   * For a command with a body (AT+CMGS): whether the body went out before the final result. An error answered before
   * the `> ` prompt means nothing was transmitted, whatever its code (mend53).
   */
  bodySent?: boolean;
  /**
   * For a command with a body that went out: the information lines answered before the error (a `+CMGS: <mr>`
   * followed by `ERROR` shows the network took the message, mend65).
   */
  lines?: string[];
};

export class AtError extends HallError {
  declare readonly code: AtErrorCode;
  declare readonly details: AtErrorDetails;

  constructor(code: AtErrorCode, text: Bilingual, details: AtErrorDetails, action?: Bilingual, cause?: unknown) {
    super(code, text, { details: { ...details }, ...(action ? { action } : {}), ...(cause === undefined ? {} : { cause }) });
    this.name = 'AtError';
  }
}

const TABLES = {
  cms: { explain: explainCms, codeForName: cmsCodeForName },
  cme: { explain: explainCme, codeForName: cmeCodeForName },
} as const;

/** What a command with a body adds to an error's details: whether the body went, and what came back before the error. */
export type BodyAnswer = { bodySent: boolean; lines: readonly string[] };

function bodyDetails(body: BodyAnswer | undefined): Pick<AtErrorDetails, 'bodySent' | 'lines'> {
  if (body === undefined) return {};
  return body.bodySent && body.lines.length > 0 ? { bodySent: true, lines: [...body.lines] } : { bodySent: body.bodySent };
}

function fromTable(family: 'cms' | 'cme', code: number, command: string, body: BodyAnswer | undefined, verbose?: string): AtError {
  const explanation = TABLES[family].explain(code);
  const label = `+${family.toUpperCase()} ERROR: ${verbose ?? code}`;
  return new AtError(
    `at.${family}`,
    { zh: `${explanation.zh}（${label}）`, en: `${explanation.en} (${label})` },
    { command, [family]: code, ...(verbose === undefined ? {} : { verbose }), ...bodyDetails(body) },
    body?.bodySent === true && explanation.maybeSent ? MAYBE_SENT : explanation.action,
  );
}

/**
 * The error for a final result other than OK. `body`: for a command with a body, whether it went out (mend53: a
 * +CMS ERROR before the prompt was taken as "may have gone out") and the lines answered before the error; every
 * branch carries them (mend65: a bare ERROR or a +CME ERROR after the body carried nothing, and was taken as "not sent").
 */
export function errorForFinal(command: string, final: Exclude<FinalResult, { kind: 'ok' }>, body?: BodyAnswer): AtError {
  switch (final.kind) {
    case 'cms':
    case 'cme':
      return fromTable(final.kind, final.code, command, body);
    case 'text-error': {
      const family = final.family ?? 'cme';
      const code = TABLES[family].codeForName(final.text);
      if (code !== null) return fromTable(family, code, command, body, final.text);
      return new AtError(
        `at.${family}`,
        { zh: `调制解调器报告错误：${final.text}`, en: `The modem reported an error: ${final.text}` },
        { command, verbose: final.text, ...bodyDetails(body) },
        body?.bodySent === true ? MAYBE_SENT : RETRY_THEN_REPLUG,
      );
    }
    case 'no-carrier':
      return new AtError(
        'at.error',
        { zh: `连接已断开（NO CARRIER）：${command}`, en: `The connection dropped (NO CARRIER): ${command}` },
        { command, ...bodyDetails(body) },
        body?.bodySent === true ? MAYBE_SENT : RETRY_THEN_REPLUG,
      );
    case 'error':
      if (body?.bodySent === true) {
        return new AtError(
          'at.error',
          { zh: `调制解调器收下短信内容后报告了错误（${command}，ERROR）。`, en: `The modem reported an error after it took the message body (${command}, ERROR).` },
          { command, ...bodyDetails(body) },
          MAYBE_SENT,
        );
      }
      return new AtError(
        'at.error',
        { zh: `调制解调器拒绝了命令 ${command}（ERROR）。`, en: `The modem rejected ${command} (ERROR).` },
        { command, ...bodyDetails(body) },
        RETRY_THEN_REPLUG,
      );
  }
}

/** AT+CMGS ended without ever asking for the message body, so nothing was sent. */
export function noPromptError(command: string): AtError {
  return new AtError(
    'at.error',
    {
      zh: `调制解调器没有要求输入短信内容（${command}），短信未发出。`,
      en: `The modem never asked for the message body (${command}); nothing was sent.`,
    },
    { command },
    RETRY_THEN_REPLUG,
  );
}

const TIMEOUT_ACTION: Bilingual = {
  zh: '请确认调制解调器已插好、没有被其他程序占用；若反复出现，请拔下再插上。',
  en: 'Make sure the modem is plugged in and not used by another program; if it keeps happening, replug it.',
};

/**
 * `bodySent`, for a command with a body: whether it went out (then the message may have reached the network despite
 * the silence); kept in the details, as errorForFinal does, so a send timed out before the `> ` prompt is told apart
 * from one timed out after its body (mend55).
 */
export function timeoutError(command: string, stage: 'prompt' | 'response', timeoutMs: number, bodySent?: boolean): AtError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  const details = { command, stage, timeoutMs, ...(bodySent === undefined ? {} : { bodySent }) };
  if (stage === 'prompt') {
    const text = {
      zh: `调制解调器在 ${seconds} 秒内没有要求输入短信内容（${command}），短信未发出。`,
      en: `The modem did not ask for the message body within ${seconds} s (${command}); nothing was sent.`,
    };
    return new AtError('at.timeout', text, details, TIMEOUT_ACTION);
  }
  if (bodySent) {
    const text = {
      zh: `调制解调器在 ${seconds} 秒内没有确认短信是否发出（${command}）。`,
      en: `The modem did not confirm within ${seconds} s whether the message went out (${command}).`,
    };
    return new AtError('at.timeout', text, details, MAYBE_SENT);
  }
  const text = {
    zh: `调制解调器在 ${seconds} 秒内没有回应 ${command}。`,
    en: `The modem did not answer ${command} within ${seconds} s.`,
  };
  return new AtError('at.timeout', text, details, TIMEOUT_ACTION);
}

/** A command never written: the modem stopped answering (a probe went unanswered) while it waited. */
export function unansweredError(command: string, waitedMs: number): AtError {
  const seconds = Math.round(waitedMs / 100) / 10;
  return new AtError(
    'at.unanswered',
    { zh: `调制解调器 ${seconds} 秒没有应答，${command} 没有发出。`, en: `The modem has not answered for ${seconds} s; ${command} was not sent.` },
    { command, timeoutMs: waitedMs },
    RETRY_THEN_REPLUG,
  );
}

/** `bodySent`: for a command with a body, whether it was written (false: the link closed before the `> ` prompt). */
export function closedError(command: string, cause?: unknown, bodySent?: boolean): AtError {
  return new AtError(
    'at.closed',
    { zh: `与调制解调器的连接已断开，${command} 未完成。`, en: `The link to the modem closed before ${command} finished.` },
    { command, ...(bodySent === undefined ? {} : { bodySent }) },
    {
      zh: '请检查调制解调器是否插好（USB 线、接口），然后重新连接。',
      en: 'Check the modem is plugged in (cable, port), then reconnect.',
    },
    cause,
  );
}
