import type { Bilingual, HallError } from '../../src-shared/errors';
import { MAYBE_SENT_REFUSED } from '../../src-shared/send-failure';

/**
 * The flag that gets a user past `error`, when one does: the CLI prints it under the error, so a
 * refusal always says what to type next (`send TJ` → --yes, `compose ZD` → --month, a send that may have gone out → --resend).
 */
export function flagHint(error: HallError): Bilingual | null {
  if (error.code === 'send.confirm-required') {
    return { zh: '确认无误后，加上 --yes 再运行一次。', en: 'If you are sure, run it again with --yes.' };
  }
  // Its own yes: --yes is the yes to an instruction's risk, and a risky one refused so was given it already (mend62).
  if (error.code === MAYBE_SENT_REFUSED) {
    return { zh: '确定要再发一次，加上 --resend 再运行一次。', en: 'To send it again anyway, run it again with --resend.' };
  }
  const param = error.details?.param;
  if (error.code === 'param.missing' && typeof param === 'string') {
    return { zh: `用 --${param} 值 给出。`, en: `Give it with --${param} VALUE.` };
  }
  if (error.code.startsWith('param.') && typeof param === 'string') {
    return { zh: `请改正 --${param} 的值。`, en: `Correct the value given with --${param}.` };
  }
  // `custom add`: a field of one's own instruction, given with the option of its name.
  const fields = error.details?.fields;
  const field = Array.isArray(fields) ? fields[0] : undefined;
  if (error.code.startsWith('custom.') && typeof field === 'string' && CUSTOM_ADD_OPTIONS.has(field)) {
    return { zh: `用 --${field} 给出或改正。`, en: `Give or correct it with --${field}.` };
  }
  return null;
}

const CUSTOM_ADD_OPTIONS = new Set(['name', 'template', 'to', 'notes']);
